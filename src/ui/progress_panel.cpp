#include "ui/progress_panel.h"

#include "session/records/record_services.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace ta::ui {
namespace {

namespace rec = core::records;

void plots(session::AppSession& s, const UiState& ui)
{
    const std::vector<session::ProgressSeries>& series = ui.progress;
    if (series.empty()) {
        ImGui::TextDisabled("Nothing to plot yet: record pain before and after, a questionnaire or journal days.");
        return;
    }
    for (const auto& ps : series) {
        std::vector<float> values;
        for (const auto& p : ps.points)
            values.push_back(static_cast<float>(p.value));
        const std::string overlay = ps.points.back().date + ": " + std::to_string(static_cast<int>(values.back() + 0.5f)) +
                                    " " + ps.unit;
        ImGui::TextDisabled("%s (%s to %s)", ps.name.c_str(), ps.points.front().date.c_str(), ps.points.back().date.c_str());
        ImGui::PlotLines(("##" + ps.name).c_str(), values.data(), static_cast<int>(values.size()), 0, overlay.c_str(),
                         static_cast<float>(ps.minValue), static_cast<float>(ps.maxValue),
                         ImVec2(-1.0f, 3.2f * ImGui::GetFontSize()));
    }
}

void comparison(session::AppSession& s, UiState& ui)
{
    session::RecordBook& book = *s.records();
    const auto& sessions = book.sessions();
    if (!book.current() || sessions.size() < 2) {
        ImGui::TextDisabled("Two sessions are needed to compare.");
        return;
    }
    const rec::SessionId open = book.current()->session.id;
    int openIndex = 0;
    for (int i = 0; i < static_cast<int>(sessions.size()); ++i)
        if (sessions[i].id == open)
            openIndex = i;
    if (ui.compareWith < 0 || ui.compareWith >= static_cast<int>(sessions.size()) || ui.compareWith == openIndex)
        ui.compareWith = openIndex > 0 ? openIndex - 1 : 1;
    const std::string current = sessions[static_cast<std::size_t>(ui.compareWith)].dateTime;
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##with", ("Compare with " + current).c_str())) {
        for (int i = 0; i < static_cast<int>(sessions.size()); ++i)
            if (i != openIndex && ImGui::Selectable(sessions[static_cast<std::size_t>(i)].dateTime.c_str(), i == ui.compareWith))
                ui.compareWith = i;
        ImGui::EndCombo();
    }
    if (ui.comparedWith != ui.compareWith || ui.progressRevision != book.revision() || !ui.comparison)
    try {
        ui.comparedWith = ui.compareWith;
        const rec::SessionId other = sessions[static_cast<std::size_t>(ui.compareWith)].id;
        rec::SessionRecord theirs;
        theirs.session = sessions[static_cast<std::size_t>(ui.compareWith)];
        theirs.findings = book.store().listFindings(other);
        theirs.painMarks = book.store().listPainMarks(other);
        ui.comparison = session::compareSessions(s.model(), s.catalog(), *book.current(), theirs);
    } catch (const std::exception& e) {
        ui.comparison.reset();
        s.notify(e.what(), true);
    }
    if (!ui.comparison)
        return;
    const session::SessionComparison& c = *ui.comparison;
    auto nrs = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("-"); };
    ImGui::Text("%s  ->  %s", c.before.c_str(), c.after.c_str());
    ImGui::Text("Pain before treatment %s -> %s, after %s -> %s", nrs(c.nrsBefore[0]).c_str(), nrs(c.nrsBefore[1]).c_str(),
                nrs(c.nrsAfter[0]).c_str(), nrs(c.nrsAfter[1]).c_str());
    ImGui::Text("Pain drawing %.0f cm² -> %.0f cm²", c.areaBeforeCm2, c.areaAfterCm2);
    if (!c.regions.empty() && ImGui::BeginTable("regions", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Region");
        ImGui::TableSetupColumn("Before");
        ImGui::TableSetupColumn("After");
        ImGui::TableHeadersRow();
        for (const auto& r : c.regions) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", r.before);
            ImGui::TableNextColumn();
            const ImVec4 colour = r.after < r.before ? ImVec4(0.5f, 0.9f, 0.5f, 1) : r.after > r.before ? ImVec4(1, 0.5f, 0.4f, 1)
                                                                                                        : ImVec4(0.8f, 0.8f, 0.8f, 1);
            ImGui::TextColored(colour, "%d", r.after);
        }
        ImGui::EndTable();
    }
    for (const auto& f : c.findings) {
        const char* kind = f.kind == session::FindingChange::Kind::Persisting ? "still there"
                           : f.kind == session::FindingChange::Kind::Resolved ? "resolved"
                                                                              : "new";
        if (f.kind == session::FindingChange::Kind::Persisting)
            ImGui::BulletText("%s: %s (severity %d -> %d)", f.label.c_str(), kind, f.severityBefore, f.severityAfter);
        else
            ImGui::BulletText("%s: %s", f.label.c_str(), kind);
    }
}

} // namespace

void drawProgressTab(session::AppSession& s, UiState& ui)
{
    session::RecordBook& book = *s.records();
    const bool stale = ui.progressRevision != book.revision();
    if (stale) {
        try {
            ui.progress = session::progressOf(book.store(), book.client()->id, s.model(), s.catalog());
        } catch (const std::exception& e) {
            ui.progress.clear();
            s.notify(e.what(), true);
        }
        ui.comparison.reset();
    }
    ImGui::BeginChild("progresstab");
    if (ImGui::CollapsingHeader("Compare sessions", ImGuiTreeNodeFlags_DefaultOpen))
        comparison(s, ui);
    if (ImGui::CollapsingHeader("Over time", ImGuiTreeNodeFlags_DefaultOpen))
        plots(s, ui);
    ImGui::EndChild();
    ui.progressRevision = book.revision();
}

} // namespace ta::ui
