#include "ui/info_panel.h"

#include "session/structure_names.h"

#include "ui/panel_layout.h"
#include "ui/treatment_view.h"

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

void drawTriggerPointDetails(session::AppSession& s, UiState& ui, core::TriggerPointId i)
{
    const auto& rec = s.catalog().record(i);
    ImGui::Indent();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
    ImGui::TextWrapped("Essential zone: %s", s.catalog().zoneText(i, true).c_str());
    ImGui::PopStyleColor();
    const std::string spill = s.catalog().zoneText(i, false);
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
    if (const auto sheet = s.shownSheet())
        drawTreatment(*sheet);
    else if (!s.treatment())
        ImGui::TextDisabled("Treatment data not loaded.");
    ImGui::Unindent();
}

void drawInfoPanel(session::AppSession& s, UiState& ui)
{
    placePanel(Panel::Info);
    if (!ImGui::Begin("Info", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
        ImGui::End();
        return;
    }
    const core::Structure* st = s.model().get(s.selected());
    if (!st) {
        ImGui::TextWrapped("Click a structure to see what it is, or find one by name with Ctrl+F.");
        ImGui::Spacing();
        ImGui::TextDisabled("Drag to turn, right-drag to pan, wheel to zoom.");
        ImGui::TextDisabled("E peels a layer, G x-rays, F1 lists every key.");
        ImGui::End();
        return;
    }
    // The name people use first, then the formal English and the Latin (Terminologia Anatomica).
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(session::commonName(*st).c_str());
    if (st->name != session::commonName(*st))
        ImGui::TextDisabled("%s", st->name.c_str());
    if (!st->latin.empty())
        ImGui::TextDisabled("%s", st->latin.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s%s%s, %s, %s", st->fma.c_str(), st->fma.empty() ? "" : " | ", session::layerLabel(st->layer),
                        std::string(core::toString(st->kind)).c_str(), sideText(st->side));
    // Buttons flow onto a second line when the panel is narrow, instead of running off its edge.
    auto sameLineIfFits = [](const char* next) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(next).x + 2.0f * ImGui::GetStyle().FramePadding.x)
            ImGui::NewLine();
    };
    if (ImGui::SmallButton("Frame (F)"))
        s.frame(*s.selected());
    sameLineIfFits("Isolate (I)");
    if (ImGui::SmallButton("Isolate (I)"))
        s.isolate(*s.selected());
    const char* seeThrough = s.selectionXrayed() ? "Solid again (X)" : "See through (X)";
    sameLineIfFits(seeThrough);
    if (ImGui::SmallButton(seeThrough))
        s.xraySelection();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("X-ray %s and its other parts to see and click what lies beneath", s.labelName(*s.selected()).c_str());
    sameLineIfFits("Hide (H)");
    if (ImGui::SmallButton("Hide (H)")) {
        s.hideSelection();
        ImGui::End();
        return;
    }

    const core::MuscleRecord* muscle = s.catalog().loaded() ? s.catalog().muscleOf(*st) : nullptr;
    if (muscle) {
        ImGui::Separator();
        field("Origin", muscle->origin);
        field("Insertion", muscle->insertion);
        field("Action", muscle->action);
        field("Innervation", muscle->innervation);
        const auto tps = s.catalog().triggerPointsOf(*st);
        ImGui::Separator();
        if (tps.empty()) {
            ImGui::TextDisabled("No documented trigger points.");
        } else {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("Trigger points (click to show the referral; [ and ] step)");
            ImGui::PopTextWrapPos();
            for (core::TriggerPointId i : tps) {
                const bool shown = s.shownTriggerPoint() && *s.shownTriggerPoint() == i;
                ImGui::PushID(static_cast<int>(i.value));
                if (ImGui::Selectable(s.catalog().record(i).name.c_str(), shown))
                    s.showTriggerPoint(shown ? std::nullopt : std::optional<core::TriggerPointId>(i));
                if (shown)
                    drawTriggerPointDetails(s, ui, i);
                ImGui::PopID();
            }
        }
    } else if (st->kind == core::Kind::Muscle && !s.catalog().loaded()) {
        ImGui::TextDisabled("Trigger-point data not loaded.");
    }
    ImGui::End();
}

} // namespace ta::ui
