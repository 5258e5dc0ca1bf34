#include "ui/info_panel.h"

#include <imgui.h>

#include <string>

namespace ta::ui {
namespace {

void field(const char* label, const std::string& text)
{
    if (text.empty())
        return;
    ImGui::TextDisabled("%s", label);
    ImGui::Indent();
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::Unindent();
}

const char* sideText(core::Side s)
{
    switch (s) {
    case core::Side::Left: return "left";
    case core::Side::Right: return "right";
    case core::Side::Midline: return "midline";
    }
    return "";
}

std::string joined(const std::vector<std::string>& v, const char* sep = ", ")
{
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

} // namespace

void drawTriggerPointDetails(ExploreState& ex, std::size_t i)
{
    const auto& rec = ex.catalog.record(i);
    ImGui::Indent();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
    ImGui::TextWrapped("Essential zone: %s", ex.catalog.zoneText(i, true).c_str());
    ImGui::PopStyleColor();
    const std::string spill = ex.catalog.zoneText(i, false);
    if (!spill.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.65f, 0.6f, 1.0f));
        ImGui::TextWrapped("Spillover: %s", spill.c_str());
        ImGui::PopStyleColor();
    }
    if (!rec.locationText.empty())
        ImGui::TextWrapped("Where: %s", rec.locationText.c_str());
    ImGui::TextDisabled("%s trigger point, confidence %s, sources %s",
                        std::string(core::toString(rec.type)).c_str(), std::string(core::toString(rec.confidence)).c_str(),
                        joined(rec.sources).c_str());
    if (!rec.symptoms.empty() && ImGui::TreeNode("Symptoms")) {
        for (const auto& s : rec.symptoms)
            ImGui::BulletText("%s", s.c_str());
        ImGui::TreePop();
    }
    for (const auto& d : rec.disagreements) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.35f, 1.0f));
        ImGui::TextWrapped("Sources disagree (%s): %s [%s]", d.topic.c_str(), d.text.c_str(), joined(d.sources).c_str());
        ImGui::PopStyleColor();
    }
    if (!rec.notes.empty())
        ImGui::TextWrapped("%s", rec.notes.c_str());
    ImGui::Unindent();
}

void drawInfoPanel(ExploreState& ex)
{
    AppState& app = ex.app;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 24.6f * em, vp->WorkPos.y + 3.2f * em),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(24.0f * em, 34.0f * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Info")) {
        ImGui::End();
        return;
    }
    const core::Structure* s = app.selected ? app.model.get(*app.selected) : nullptr;
    if (!s) {
        ImGui::TextWrapped("Click a structure to see what it is, or find one by name with Ctrl+F.");
        ImGui::Spacing();
        ImGui::TextDisabled("Drag to turn, right-drag to pan, wheel to zoom.");
        ImGui::TextDisabled("E peels a layer, G x-rays, F1 lists every key.");
        ImGui::End();
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s->name.c_str());
    ImGui::PopTextWrapPos();
    if (!s->latin.empty())
        ImGui::TextDisabled("%s", s->latin.c_str());
    ImGui::TextDisabled("%s%s%s, %s, %s", s->fma.c_str(), s->fma.empty() ? "" : " | ", layerLabel(s->layer),
                        std::string(core::toString(s->kind)).c_str(), sideText(s->side));
    if (ImGui::SmallButton("Frame (F)"))
        ex.frame(*app.selected);
    ImGui::SameLine();
    if (ImGui::SmallButton("Isolate (I)"))
        ex.isolate(*app.selected);
    ImGui::SameLine();
    if (ImGui::SmallButton("Hide (H)")) {
        ex.hideSelection();
        ImGui::End();
        return;
    }

    const core::MuscleRecord* muscle = ex.catalog.loaded() ? ex.catalog.muscleOf(*s) : nullptr;
    if (muscle) {
        ImGui::Separator();
        field("Origin", muscle->origin);
        field("Insertion", muscle->insertion);
        field("Action", muscle->action);
        field("Innervation", muscle->innervation);
        const auto tps = ex.catalog.triggerPointsOf(*s);
        ImGui::Separator();
        if (tps.empty()) {
            ImGui::TextDisabled("No documented trigger points.");
        } else {
            ImGui::TextDisabled("Trigger points (click to show the referral; [ and ] step)");
            for (std::size_t i : tps) {
                const bool shown = ex.shownTriggerPoint() && *ex.shownTriggerPoint() == i;
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(ex.catalog.record(i).name.c_str(), shown))
                    ex.showTriggerPoint(shown ? std::nullopt : std::optional<std::size_t>(i));
                if (shown)
                    drawTriggerPointDetails(ex, i);
                ImGui::PopID();
            }
        }
    } else if (s->kind == core::Kind::Muscle && !ex.catalog.loaded()) {
        ImGui::TextDisabled("Trigger-point data not loaded.");
    }
    ImGui::End();
}

} // namespace ta::ui
