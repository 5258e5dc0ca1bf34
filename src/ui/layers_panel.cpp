#include "ui/layers_panel.h"

#include "session/structure_names.h"

#include "ui/panel_layout.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace ta::ui {
namespace {

void structureContextMenu(session::AppSession& s, UiState& ui, core::StructureId id)
{
    if (!ImGui::BeginPopupContextItem())
        return;
    session::StructureState* found = s.visibility().structure(id);
    if (!found) {
        ImGui::EndPopup();
        return;
    }
    session::StructureState& st = *found;
    if (ImGui::MenuItem("Select and frame", "double-click"))
        s.select(id, true);
    if (ImGui::MenuItem(st.visible ? "Hide" : "Show"))
        st.visible = !st.visible;
    if (ImGui::MenuItem("Isolate", "I"))
        s.isolate(id);
    if (ImGui::MenuItem("X-ray this structure", nullptr, st.ghost))
        st.ghost = !st.ghost;
    ImGui::EndPopup();
}

} // namespace

void drawLayersPanel(session::AppSession& s, UiState& ui)
{
    session::Visibility& vis = s.visibility();
    placePanel(Panel::Layers);
    if (!ImGui::Begin("Layers", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
        ImGui::End();
        return;
    }
    if (ImGui::BeginTable("layers", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.7f);
        ImGui::TableSetupColumn("opacity", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        for (core::Layer l : core::kAllLayers) {
            session::LayerState& ls = vis.layer(l);
            ImGui::PushID(static_cast<int>(l));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Checkbox(session::layerLabel(l), &ls.visible);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1.0f);
            ImGui::BeginDisabled(!ls.visible);
            ImGui::SliderFloat("##opacity", &ls.opacity, 0.0f, 1.0f, "%.2f");
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Opacity of %s", session::layerLabel(l));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Peel (E)"))
        s.peel();
    ImGui::SameLine();
    if (ImGui::Button("Restore (Shift+E)"))
        s.restore();
    // On the same line only when it fits: the column is narrow at 1280x720.
    if (ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize("Show all").x + 3.0f * ImGui::GetStyle().FramePadding.x)
        ImGui::SameLine();
    if (ImGui::Button("Show all"))
        s.showAll();
    bool ghost = vis.ghost();
    if (ImGui::Checkbox("X-ray layers above (G)", &ghost))
        s.toggleGhost(); // says why when nothing lies above
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("See through the layers above the selection; X sees through the selection itself");
    if (vis.ghost() && !s.selected()) {
        int depth = static_cast<int>(vis.ghostDownTo());
        const char* names[] = {"the skin", "skin and superficial muscles", "down to the intermediate muscles",
                               "down to the deep muscles"};
        ImGui::TextDisabled("Nothing selected: x-ray");
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::Combo("##ghostdepth", &depth, names, 4))
            vis.setGhostDownTo(static_cast<core::Layer>(depth));
    }

    ImGui::Separator();
    ImGui::TextDisabled("Structures (right-click for more)");
    ImGui::BeginChild("tree", ImVec2(0, 0), false);
    const bool focusTree = ui.treeSelection != s.selectionRevision(); // open and scroll to a new selection
    for (core::Layer l : core::kAllLayers) {
        std::vector<std::uint32_t> members;
        for (std::uint32_t i = 0; i < s.model().structures.size(); ++i)
            if (s.model().structures[i].layer == l)
                members.push_back(i);
        if (members.empty())
            continue;
        std::sort(members.begin(), members.end(), [&](std::uint32_t a, std::uint32_t b) {
            return session::listedBefore(s.model().structures[a], s.model().structures[b]);
        });
        const bool selectedInside = s.selected() && s.model().get(*s.selected()) &&
                                    s.model().get(*s.selected())->layer == l;
        if (selectedInside && focusTree)
            ImGui::SetNextItemOpen(true);
        const std::string header = std::string(session::layerLabel(l)) + " (" + std::to_string(members.size()) + ")";
        if (!ImGui::TreeNodeEx(header.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth))
            continue;
        for (std::uint32_t i : members) {
            const core::StructureId id{i};
            const core::Structure& st = s.model().structures[i];
            ImGui::PushID(static_cast<int>(i));
            bool visible = vis.structure(id)->visible;
            if (ImGui::Checkbox("##v", &visible))
                vis.structure(id)->visible = visible;
            ImGui::SameLine();
            const bool isSelected = s.selected() && *s.selected() == id;
            const std::string name = s.labelName(id) + (st.side == core::Side::Left    ? " (left)"
                                                        : st.side == core::Side::Right ? " (right)"
                                                                                       : "");
            if (ImGui::Selectable(name.c_str(), isSelected,
                                  ImGuiSelectableFlags_AllowDoubleClick)) {
                s.select(id, ImGui::IsMouseDoubleClicked(0));
            }
            if (isSelected && focusTree)
                ImGui::SetScrollHereY(0.3f);
            if (ImGui::IsItemHovered())
                s.hover(id);
            structureContextMenu(s, ui, id);
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    ui.treeSelection = s.selectionRevision();
    ImGui::EndChild();
    ImGui::End();
}

} // namespace ta::ui
