#include "ui/pain_panel.h"

#include "core/bodymap/pain_drawing.h"

#include <imgui.h>

#include <algorithm>
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

namespace {

/// "left", "right" or "both sides".
std::string sourceSide(session::AppSession& s, const session::TriggerPointCatalog::PainSource& src)
{
    return src.hit.bothSides ? "both sides" : std::string(core::toString(s.catalog().instance(src.triggerPoint).key.side));
}

} // namespace

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
    const auto& ex = pain.explanation();
    ImGui::TextDisabled("Could be referred from (by muscle, best first):");
    if (ex.groups.empty())
        ImGui::TextDisabled("No documented trigger point refers there.");
    constexpr std::size_t kShownGroups = 8;
    // One row per muscle: its best trigger point; the muscle's others are one click (the arrow) away.
    // A click on a row paints that trigger point's pattern; the row then shows its reason.
    auto row = [&](const session::TriggerPointCatalog::PainSource& src, std::size_t others) {
        const bool shown = s.shownTriggerPoint() && *s.shownTriggerPoint() == src.triggerPoint;
        char label[256];
        std::snprintf(label, sizeof label, "%3.0f%%  %s (%s)%s###tp%u", 100.0f * src.hit.score,
                      s.catalog().record(src.triggerPoint).name.c_str(), sourceSide(s, src).c_str(),
                      others ? ("  +" + std::to_string(others)).c_str() : "", src.triggerPoint.value);
        bool open = false;
        if (others > 0) {
            open = ImGui::TreeNodeEx(label, ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth |
                                                (shown ? ImGuiTreeNodeFlags_Selected : 0));
            if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen())
                s.showTriggerPoint(shown ? std::nullopt : std::optional<core::TriggerPointId>(src.triggerPoint));
        } else if (ImGui::Selectable(label, shown)) {
            s.showTriggerPoint(shown ? std::nullopt : std::optional<core::TriggerPointId>(src.triggerPoint));
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", src.hit.reason.c_str());
        if (shown) {
            ImGui::Indent();
            ImGui::TextWrapped("%s", src.hit.reason.c_str());
            ImGui::Unindent();
        }
        return open;
    };
    for (std::size_t g = 0; g < std::min(ex.groups.size(), kShownGroups); ++g) {
        const core::MuscleGroup& group = ex.groups[g];
        ImGui::PushID(static_cast<int>(group.muscle));
        if (row(ex.sources[group.hits.front()], group.hits.size() - 1)) {
            for (std::size_t k = 1; k < group.hits.size(); ++k)
                row(ex.sources[group.hits[k]], 0);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (!ex.sets.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("Or together:");
        for (std::size_t i = 0; i < ex.sets.size(); ++i) {
            const core::CoverSet& set = ex.sets[i];
            std::string names;
            for (std::size_t m : set.members)
                names += (names.empty() ? "" : " + ") + s.catalog().record(ex.sources[m].triggerPoint).name;
            ImGui::PushID(static_cast<int>(1000 + i));
            char label[320];
            std::snprintf(label, sizeof label, "%3.0f%%  %s", 100.0f * set.coverage, names.c_str());
            // A click shows the set's first member; the tooltip says what the set covers.
            if (ImGui::Selectable(label, false))
                s.showTriggerPoint(ex.sources[set.members.front()].triggerPoint);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", set.reason.c_str());
            ImGui::PopID();
        }
    }
}

} // namespace ta::ui
