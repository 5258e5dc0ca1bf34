#include "ui/journal_panel.h"

#include "core/records/records.h"
#include "session/records/record_services.h"
#include "ui/client_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <map>
#include <string>

namespace ta::ui {
namespace {

namespace rec = core::records;

constexpr rec::HeadacheTrigger kTriggers[] = {rec::HeadacheTrigger::Sleep,   rec::HeadacheTrigger::Stress,
                                              rec::HeadacheTrigger::ScreenTime, rec::HeadacheTrigger::Posture,
                                              rec::HeadacheTrigger::Food,    rec::HeadacheTrigger::Weather,
                                              rec::HeadacheTrigger::Other};

} // namespace

void drawJournalTab(session::AppSession& s, UiState& ui)
{
    session::RecordBook& book = *s.records();
    const rec::ClientId client = book.client()->id;
    if (ui.journalDate.empty())
        ui.journalDate = rec::todayLocalDate();
    std::vector<rec::JournalEntry> entries;
    try {
        entries = book.store().listJournal(client);
    } catch (const std::exception& e) {
        ImGui::TextColored(ImVec4(1, 0.4f, 0.4f, 1), "%s", e.what());
        return;
    }
    ImGui::SetNextItemWidth(7.0f * ImGui::GetFontSize());
    ImGui::InputText("Day", &ui.journalDate);
    rec::JournalEntry entry;
    entry.client = client;
    entry.date = ui.journalDate;
    for (const auto& e : entries)
        if (e.date == ui.journalDate)
            entry = e;
    const bool exists = !entry.id.empty();
    bool changed = ImGui::Checkbox("Headache", &entry.headache);
    if (entry.headache) {
        int peak = entry.peakIntensity.value_or(5);
        ImGui::SetNextItemWidth(-8.0f * ImGui::GetFontSize());
        if (ImGui::SliderInt("Peak (NRS)", &peak, 0, rec::kMaxNrs), ImGui::IsItemDeactivatedAfterEdit() || !entry.peakIntensity) {
            changed |= entry.peakIntensity != peak;
            entry.peakIntensity = peak;
        }
        float hours = static_cast<float>(entry.hours.value_or(0.0));
        ImGui::SetNextItemWidth(-8.0f * ImGui::GetFontSize());
        if (ImGui::SliderFloat("Hours", &hours, 0.0f, 24.0f, "%.1f"), ImGui::IsItemDeactivatedAfterEdit()) {
            entry.hours = hours;
            changed = true;
        }
        ImGui::TextDisabled("Suspected triggers");
        int column = 0;
        for (rec::HeadacheTrigger t : kTriggers) {
            bool on = entry.triggers.count(t) > 0;
            if (column++ % 4 != 0)
                ImGui::SameLine();
            if (ImGui::Checkbox(std::string(rec::toString(t)).c_str(), &on)) {
                if (on)
                    entry.triggers.insert(t);
                else
                    entry.triggers.erase(t);
                changed = true;
            }
        }
        ImGui::PushItemWidth(-8.0f * ImGui::GetFontSize());
        ImGui::InputText("Medication", &entry.medication);
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::PopItemWidth();
    } else {
        entry.peakIntensity.reset();
        entry.hours.reset();
    }
    ImGui::PushItemWidth(-8.0f * ImGui::GetFontSize());
    ImGui::InputText("Note", &entry.note);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::PopItemWidth();
    if (!exists && ImGui::Button("Add this day"))
        changed = true;
    if (changed) {
        if (!rec::isLocalDateTime(entry.date + "T00:00"))
            s.notify("Journal: the day must be YYYY-MM-DD, got " + entry.date, true);
        else
            storeAction(s, [&] {
                if (exists)
                    book.store().updateJournalEntry(entry);
                else
                    book.store().addJournalEntry(entry);
            });
    }

    ImGui::Separator();
    // The last entries, by week (newest first), with each week's headache days.
    std::map<std::string, std::vector<const rec::JournalEntry*>, std::greater<>> weeks;
    for (const auto& e : entries)
        weeks[session::weekStart(e.date)].push_back(&e);
    int shown = 0;
    for (const auto& [monday, list] : weeks) {
        if (shown++ >= 6)
            break;
        int days = 0;
        for (const auto* e : list)
            days += e->headache ? 1 : 0;
        ImGui::TextDisabled("Week of %s: %d headache day%s", monday.c_str(), days, days == 1 ? "" : "s");
        for (auto it = list.rbegin(); it != list.rend(); ++it) {
            const rec::JournalEntry& e = **it;
            std::string line = e.date + (e.headache ? "  headache " + std::to_string(e.peakIntensity.value_or(0)) + "/10" : "  no headache");
            if (e.headache && e.hours)
                line += ", " + std::to_string(static_cast<int>(*e.hours + 0.5)) + " h";
            if (ImGui::Selectable((line + "##" + e.id.str()).c_str(), e.date == ui.journalDate))
                ui.journalDate = e.date;
        }
    }
}

} // namespace ta::ui
