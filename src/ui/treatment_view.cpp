#include "ui/treatment_view.h"

#include <imgui.h>

#include <set>
#include <string>

namespace ta::ui {
namespace {

const ImVec4 kCaution(1.0f, 0.78f, 0.35f, 1.0f);

void provenance(const core::Evidence& e) { ImGui::TextDisabled("  [%s]", core::describe(e).c_str()); }

void noneDocumented() { ImGui::TextDisabled("None documented in the sources we hold."); }

void statements(const char* title, const std::vector<core::TreatmentStatement>& list, bool caution = false)
{
    if (!ImGui::TreeNodeEx(title, caution ? ImGuiTreeNodeFlags_DefaultOpen : 0))
        return;
    if (list.empty())
        noneDocumented();
    for (const auto& st : list) {
        if (caution)
            ImGui::PushStyleColor(ImGuiCol_Text, kCaution);
        std::string line = st.text;
        if (st.holdSeconds)
            line += " Hold " + core::toString(*st.holdSeconds) + ".";
        if (!st.repetitions.empty())
            line += " " + st.repetitions + ".";
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());
        if (caution)
            ImGui::PopStyleColor();
        provenance(st.evidence);
    }
    ImGui::TreePop();
}

} // namespace

void drawTreatment(const session::TriggerPointSheet& s)
{
    ImGui::PushTextWrapPos(0.0f);
    if (ImGui::TreeNodeEx("Treatment", ImGuiTreeNodeFlags_DefaultOpen)) {
        if (s.techniques.empty())
            noneDocumented();
        for (const session::SheetTechnique& t : s.techniques) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", t.name.c_str());
            ImGui::Indent();
            if (!t.position.empty())
                ImGui::TextWrapped("Position: %s", t.position.c_str());
            if (!t.pressure.empty())
                ImGui::TextWrapped("Pressure: %s", t.pressure.c_str());
            if (t.holdSeconds)
                ImGui::TextWrapped("Hold: %s", core::toString(*t.holdSeconds).c_str());
            if (!t.repetitions.empty())
                ImGui::TextWrapped("Repetitions: %s", t.repetitions.c_str());
            if (!t.note.empty())
                ImGui::TextWrapped("%s", t.note.c_str());
            if (!t.holdNote.empty())
                ImGui::TextDisabled("%s", t.holdNote.c_str());
            provenance(t.evidence);
            ImGui::Unindent();
        }
        if (!s.pointNote.empty())
            ImGui::TextWrapped("This point: %s", s.pointNote.c_str());
        ImGui::TreePop();
    }
    statements("Stretch", s.stretch);
    if (ImGui::TreeNode("Self-care for the client")) {
        if (s.selfCare.empty())
            noneDocumented();
        for (const auto& it : s.selfCare) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s%s%s", it.text.c_str(), it.dose.empty() ? "" : " Dose: ", it.dose.c_str());
            provenance({it.sources, it.confidence, it.inference});
        }
        ImGui::TreePop();
    }
    statements("Precautions", s.precautions, true);
    statements("Perpetuating factors", s.perpetuating);
    if (ImGui::TreeNodeEx("Contraindications for deep work", ImGuiTreeNodeFlags_DefaultOpen)) {
        std::set<std::string> specific;
        for (const auto& c : s.muscleContraindications) {
            specific.insert(c.id);
            ImGui::PushStyleColor(ImGuiCol_Text, kCaution);
            ImGui::Bullet();
            ImGui::TextWrapped("%s %s: %s", c.key.c_str(), c.title.c_str(), c.action.c_str());
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
                ImGui::TextUnformatted(c.signs.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            provenance(c.evidence);
        }
        if (ImGui::TreeNode("Everywhere")) {
            for (const auto& c : s.generalContraindications) {
                if (specific.count(c.id))
                    continue;
                ImGui::Bullet();
                ImGui::TextWrapped("%s %s: %s", c.key.c_str(), c.title.c_str(), c.action.c_str());
                provenance(c.evidence);
            }
            ImGui::TreePop();
        }
        ImGui::TreePop();
    }
    ImGui::PopTextWrapPos();
}

} // namespace ta::ui
