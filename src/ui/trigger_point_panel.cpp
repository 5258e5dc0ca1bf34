#include "ui/trigger_point_panel.h"

#include "ui/info_panel.h"

#include <imgui.h>

#include <string>

namespace ta::ui {

void drawTriggerPointPanel(ExploreState& ex)
{
    static int side = 0; // 0 left, 1 right
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 0.6f * em, vp->WorkPos.y + 34.0f * em), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(20.0f * em, 20.0f * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Trigger points")) {
        ImGui::End();
        return;
    }
    if (!ex.catalog.loaded()) {
        ImGui::TextWrapped("Trigger-point data is not available (see the message at the bottom).");
        ImGui::End();
        return;
    }
    ImGui::RadioButton("Left side", &side, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Right side", &side, 1);
    ImGui::SameLine();
    ImGui::Checkbox("Markers (M)", &ex.showMarkers);
    const core::Side want = side == 0 ? core::Side::Left : core::Side::Right;
    ImGui::BeginChild("list");
    std::string currentMuscle;
    bool open = false;
    for (std::size_t i = 0; i < ex.catalog.size(); ++i) {
        const auto& inst = ex.catalog.instance(i);
        if (inst.key.side != want)
            continue;
        const auto& rec = ex.catalog.record(i);
        if (rec.muscle != currentMuscle) {
            if (open)
                ImGui::TreePop();
            currentMuscle = rec.muscle;
            const core::MuscleRecord* m = ex.catalog.muscleOfTriggerPoint(i);
            const bool containsShown = ex.shownTriggerPoint() && ex.catalog.record(*ex.shownTriggerPoint()).muscle == rec.muscle;
            if (containsShown)
                ImGui::SetNextItemOpen(true, ImGuiCond_Always);
            open = ImGui::TreeNodeEx(rec.muscle.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth, "%s",
                                     m ? withoutParentheses(m->name).c_str() : rec.muscle.c_str());
        }
        if (!open)
            continue;
        const bool shown = ex.shownTriggerPoint() && *ex.shownTriggerPoint() == i;
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(rec.name.c_str(), shown))
            ex.showTriggerPoint(shown ? std::nullopt : std::optional<std::size_t>(i), true);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ex.catalog.caption(i).c_str());
        ImGui::PopID();
    }
    if (open)
        ImGui::TreePop();
    ImGui::EndChild();
    ImGui::End();
}

} // namespace ta::ui
