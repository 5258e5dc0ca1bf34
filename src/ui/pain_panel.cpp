#include "ui/pain_panel.h"

#include "core/bodymap/pain_drawing.h"

#include <imgui.h>

#include <cstdio>
#include <string>

namespace ta::ui {

void toolButton(session::AppSession& s, UiState& ui, ActionId action, bool on, const char* onLabel, const char* offLabel, const ImVec4& onColour)
{
    if (on)
        ImGui::PushStyleColor(ImGuiCol_Button, onColour);
    if (ImGui::Button(on ? onLabel : offLabel))
        runAction(action, s, ui);
    if (on)
        ImGui::PopStyleColor();
}

void drawPainSection(session::AppSession& s, UiState& ui)
{
    session::PainTool& pain = s.pain();
    const float em = ImGui::GetFontSize();
    toolButton(s, ui, ActionId::PainTool, s.tool() == session::Tool::Pain, "Pain brush ON: drag over the body (D)", "Mark pain (D)",
               ImVec4(0.10f, 0.30f, 0.85f, 1.0f));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Drag where the client feels pain; Ctrl+drag erases; Shift+drag or right-drag moves the view.");

    // The value is written beside the slider, not inside it, where the handle would cover it.
    float radiusCm = pain.radius * 100.0f;
    ImGui::SetNextItemWidth(-8.0f * em);
    if (ImGui::SliderFloat("##brush", &radiusCm, 1.0f, 5.0f, ""))
        pain.radius = radiusCm / 100.0f;
    ImGui::SameLine();
    ImGui::Text("Brush %.1f cm", radiusCm);
    ImGui::SetNextItemWidth(-8.0f * em);
    ImGui::SliderInt("##intensity", &pain.intensity, 1, core::kMaxSeverity, "");
    ImGui::SameLine();
    ImGui::Text("Intensity %d/%d", pain.intensity, core::kMaxSeverity);
    ImGui::Checkbox("All sessions", &pain.allSessions);
    ImGui::SameLine();
    const bool today = !core::painMarksOf(s.bodyMap().map(), s.bodyMap().sessionDate()).empty();
    if (!today)
        ImGui::BeginDisabled();
    if (ImGui::Button("Erase today's pain"))
        s.bodyMap().clearSessionPain();
    if (!today)
        ImGui::EndDisabled();
    const bool any = !pain.shownMarks().empty();

    if (!any) {
        ImGui::TextDisabled("No pain marked%s.", pain.allSessions ? "" : " in this session");
        return;
    }
    if (!s.catalog().loaded()) {
        ImGui::TextDisabled("Trigger-point data is not available: no likely sources.");
        return;
    }
    if (!pain.allSessions && pain.shownDate() != s.bodyMap().sessionDate())
        ImGui::TextColored(ImVec4(0.45f, 0.65f, 1.0f, 1.0f), "Showing the pain drawn on %s", pain.shownDate().c_str());
    ImGui::TextDisabled("Could be referred from (best first):");
    if (pain.sources().empty())
        ImGui::TextDisabled("No documented trigger point refers there.");
    for (const auto& src : pain.sources()) {
        ImGui::PushID(static_cast<int>(src.triggerPoint.value));
        const auto& inst = s.catalog().instance(src.triggerPoint);
        char label[256];
        std::snprintf(label, sizeof label, "%3.0f%%  %s (%s)", 100.0f * src.hit.score,
                      s.catalog().record(src.triggerPoint).name.c_str(), std::string(core::toString(inst.key.side)).c_str());
        const bool shown = s.shownTriggerPoint() && *s.shownTriggerPoint() == src.triggerPoint;
        if (ImGui::Selectable(label, shown))
            s.showTriggerPoint(shown ? std::nullopt : std::optional<core::TriggerPointId>(src.triggerPoint));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", src.hit.reason.c_str());
        if (shown) {
            ImGui::Indent();
            ImGui::TextWrapped("%s", src.hit.reason.c_str());
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

} // namespace ta::ui
