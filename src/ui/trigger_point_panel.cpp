#include "ui/trigger_point_panel.h"

#include "ui/info_panel.h"

#include "session/trigger_point_order.h"

#include "ui/panel_layout.h"

#include <imgui.h>

#include <string>

namespace ta::ui {

void drawTriggerPointPanel(session::AppSession& s, UiState& ui)
{
    int& side = ui.triggerPointSide; // 0 left, 1 right
    placePanel(Panel::TriggerPoints);
    if (!ImGui::Begin("Trigger points", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
        ImGui::End();
        return;
    }
    if (!s.catalog().loaded()) {
        ImGui::TextWrapped("Trigger-point data is not available (see the message at the bottom).");
        ImGui::End();
        return;
    }
    ImGui::RadioButton("Left side", &side, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Right side", &side, 1);
    ImGui::Checkbox("Markers on the body (M)", &s.display().showMarkers); // own line: the column may be narrow
    const core::Side want = side == 0 ? core::Side::Left : core::Side::Right;
    ImGui::BeginChild("list");
    std::string currentMuscle;
    bool open = false;
    for (core::TriggerPointId i : session::triggerPointsInOrder(s.catalog(), s.model(), want)) {
        const auto& rec = s.catalog().record(i);
        if (rec.muscle != currentMuscle) {
            if (open)
                ImGui::TreePop();
            currentMuscle = rec.muscle;
            const core::MuscleRecord* m = s.catalog().muscleOfTriggerPoint(i);
            const bool containsShown = s.shownTriggerPoint() && s.catalog().record(*s.shownTriggerPoint()).muscle == rec.muscle;
            if (containsShown)
                ImGui::SetNextItemOpen(true, ImGuiCond_Always);
            open = ImGui::TreeNodeEx(rec.muscle.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth, "%s",
                                     m ? session::withoutParentheses(m->name).c_str() : rec.muscle.c_str());
        }
        if (!open)
            continue;
        const bool shown = s.shownTriggerPoint() && *s.shownTriggerPoint() == i;
        ImGui::PushID(static_cast<int>(i.value));
        if (ImGui::Selectable(rec.name.c_str(), shown))
            s.showTriggerPoint(shown ? std::nullopt : std::optional<core::TriggerPointId>(i), true);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", s.catalog().caption(i).c_str());
        ImGui::PopID();
    }
    if (open)
        ImGui::TreePop();
    ImGui::EndChild();
    ImGui::End();
}

} // namespace ta::ui
