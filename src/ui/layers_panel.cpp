#include "ui/layers_panel.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace ta::ui {
namespace {

void structureContextMenu(ExploreState& ex, core::StructureId id)
{
    if (!ImGui::BeginPopupContextItem())
        return;
    AppState& app = ex.app;
    StructureState& st = app.structures[id.value];
    if (ImGui::MenuItem("Select and frame", "double-click"))
        ex.select(id, true);
    if (ImGui::MenuItem(st.visible ? "Hide" : "Show"))
        st.visible = !st.visible;
    if (ImGui::MenuItem("Isolate", "I"))
        ex.isolate(id);
    if (ImGui::MenuItem("X-ray this structure", nullptr, st.ghost))
        st.ghost = !st.ghost;
    ImGui::EndPopup();
}

} // namespace

void drawLayersPanel(ExploreState& ex)
{
    AppState& app = ex.app;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 0.6f * em, vp->WorkPos.y + 3.2f * em), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(20.0f * em, 30.0f * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Layers")) {
        ImGui::End();
        return;
    }
    if (ImGui::BeginTable("layers", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.7f);
        ImGui::TableSetupColumn("opacity", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        for (core::Layer l : core::kAllLayers) {
            LayerState& ls = app.layer(l);
            ImGui::PushID(static_cast<int>(l));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Checkbox(layerLabel(l), &ls.visible);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1.0f);
            ImGui::BeginDisabled(!ls.visible);
            ImGui::SliderFloat("##opacity", &ls.opacity, 0.0f, 1.0f, "%.2f");
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Opacity of %s", layerLabel(l));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Peel (E)"))
        ex.peel();
    ImGui::SameLine();
    if (ImGui::Button("Restore (Shift+E)"))
        ex.restore();
    ImGui::SameLine();
    if (ImGui::Button("Show all"))
        ex.showAll();
    ImGui::Checkbox("X-ray the layers above the selection (G)", &app.ghost);
    if (app.ghost && !app.selected) {
        int depth = static_cast<int>(app.ghostDownTo);
        const char* names[] = {"skin", "skin and superficial", "down to intermediate", "down to deep"};
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::Combo("##ghostdepth", &depth, names, 4))
            app.ghostDownTo = static_cast<core::Layer>(depth);
    }

    ImGui::Separator();
    ImGui::TextDisabled("Structures (right-click for more)");
    ImGui::BeginChild("tree", ImVec2(0, 0), false);
    for (core::Layer l : core::kAllLayers) {
        std::vector<std::uint32_t> members;
        for (std::uint32_t i = 0; i < app.model.structures.size(); ++i)
            if (app.model.structures[i].layer == l)
                members.push_back(i);
        if (members.empty())
            continue;
        std::sort(members.begin(), members.end(), [&](std::uint32_t a, std::uint32_t b) {
            return app.model.structures[a].name < app.model.structures[b].name;
        });
        const bool selectedInside = app.selected && app.model.get(*app.selected) &&
                                    app.model.get(*app.selected)->layer == l;
        if (selectedInside && ex.focusTreeOnSelection)
            ImGui::SetNextItemOpen(true);
        const std::string header = std::string(layerLabel(l)) + " (" + std::to_string(members.size()) + ")";
        if (!ImGui::TreeNodeEx(header.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth))
            continue;
        for (std::uint32_t i : members) {
            const core::StructureId id{i};
            const core::Structure& s = app.model.structures[i];
            ImGui::PushID(static_cast<int>(i));
            bool visible = app.structures[i].visible;
            if (ImGui::Checkbox("##v", &visible))
                app.structures[i].visible = visible;
            ImGui::SameLine();
            const bool isSelected = app.selected && *app.selected == id;
            if (ImGui::Selectable(s.name.empty() ? s.id.c_str() : s.name.c_str(), isSelected,
                                  ImGuiSelectableFlags_AllowDoubleClick)) {
                ex.select(id, ImGui::IsMouseDoubleClicked(0));
            }
            if (isSelected && ex.focusTreeOnSelection)
                ImGui::SetScrollHereY(0.3f);
            if (ImGui::IsItemHovered())
                ex.hover(id);
            structureContextMenu(ex, id);
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    ex.focusTreeOnSelection = false;
    ImGui::EndChild();
    ImGui::End();
}

} // namespace ta::ui
