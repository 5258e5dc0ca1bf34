#include "ui/client_panel.h"

#include "core/records/records.h"
#include "ui/journal_panel.h"
#include "ui/progress_panel.h"
#include "ui/session_panel.h"

#include "ui/panel_layout.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

namespace ta::ui {
namespace {

namespace rec = core::records;

/// A text field stored when the user leaves it (Enter or click elsewhere).
bool editField(const char* label, std::string& value, bool multiline = false)
{
    if (multiline)
        ImGui::InputTextMultiline(label, &value, ImVec2(-1.0f, 3.0f * ImGui::GetFontSize()));
    else
        ImGui::InputText(label, &value);
    return ImGui::IsItemDeactivatedAfterEdit();
}

void clientList(session::AppSession& s, UiState& ui)
{
    session::RecordBook& book = *s.records();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##clientsearch", "Search clients by name or reference", &ui.clientSearch);
    std::vector<rec::Client> clients;
    try {
        clients = book.store().searchClients(ui.clientSearch, 40);
    } catch (const std::exception& e) {
        ImGui::TextColored(ImVec4(1, 0.4f, 0.4f, 1), "%s", e.what());
    }
    ImGui::BeginChild("clients", ImVec2(0, 7.5f * ImGui::GetFontSize()), true);
    if (clients.empty())
        ImGui::TextDisabled(ui.clientSearch.empty() ? "No clients yet: add one below." : "No client matches.");
    for (const rec::Client& c : clients) {
        const bool open = book.client() && book.client()->id == c.id;
        const std::string label = c.name + (c.reference.empty() ? "" : "   " + c.reference) + "##" + c.id.str();
        if (ImGui::Selectable(label.c_str(), open) && !open)
            storeAction(s, [&] { s.openClient(c.id); });
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(12.0f * ImGui::GetFontSize());
    ImGui::InputTextWithHint("##newname", "New client's name", &ui.newClientName);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(6.0f * ImGui::GetFontSize());
    ImGui::InputTextWithHint("##newref", "Ref.", &ui.newClientReference);
    ImGui::SameLine();
    ImGui::BeginDisabled(ui.newClientName.empty());
    if (ImGui::Button("Add client")) {
        rec::Client c;
        c.name = ui.newClientName;
        c.reference = ui.newClientReference;
        if (storeAction(s, [&] {
                const rec::ClientId id = book.store().addClient(c);
                s.openClient(id);
            })) {
            ui.newClientName.clear();
            ui.newClientReference.clear();
        }
    }
    ImGui::EndDisabled();
}

void clientDetails(session::AppSession& s)
{
    session::RecordBook& book = *s.records();
    rec::Client c = *book.client();
    bool changed = false;
    ImGui::PushItemWidth(-8.0f * ImGui::GetFontSize());
    changed |= editField("Name", c.name);
    changed |= editField("Reference", c.reference);
    std::string dob = c.dateOfBirth.value_or("");
    if (editField("Date of birth", dob)) {
        c.dateOfBirth = dob.empty() ? std::nullopt : std::optional<std::string>(dob);
        changed = true;
    }
    changed |= editField("Contact", c.contact);
    changed |= editField("Notes", c.notes, true);
    rec::Consent consent = c.consent.value_or(rec::Consent{});
    bool consentChanged = editField("Consent date", consent.date);
    consentChanged |= editField("Agreed to", consent.agreed);
    consentChanged |= editField("Recorded by", consent.recordedBy);
    ImGui::PopItemWidth();
    if (consentChanged) {
        c.consent = consent.date.empty() && consent.agreed.empty() ? std::nullopt : std::optional<rec::Consent>(consent);
        changed = true;
    }
    if (changed)
        storeAction(s, [&] { book.updateClient(c); });
}

void timeline(session::AppSession& s, UiState& ui)
{
    session::RecordBook& book = *s.records();
    ImGui::TextDisabled("Sessions (newest first)");
    const auto& sessions = book.sessions();
    if (sessions.empty())
        ImGui::TextDisabled("No sessions yet.");
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
        const bool open = book.current() && book.current()->session.id == it->id;
        std::string label = it->dateTime;
        label[10] = ' ';
        if (it->painBefore || it->painAfter)
            label += "   pain " + (it->painBefore ? std::to_string(*it->painBefore) : std::string("?")) + " -> " +
                     (it->painAfter ? std::to_string(*it->painAfter) : std::string("?"));
        if (it->isSigned())
            label += "   signed";
        label += "##" + it->id.str();
        if (ImGui::Selectable(label.c_str(), open) && !open)
            storeAction(s, [&] { s.openRecordSession(it->id); });
    }
    if (ui.newSessionDate.empty())
        ui.newSessionDate = rec::todayLocalDate();
    if (ui.newSessionTime.empty())
        ui.newSessionTime = rec::nowLocalTime();
    ImGui::SetNextItemWidth(7.0f * ImGui::GetFontSize());
    ImGui::InputText("##sdate", &ui.newSessionDate);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(4.0f * ImGui::GetFontSize());
    ImGui::InputText("##stime", &ui.newSessionTime);
    ImGui::SameLine();
    if (ImGui::Button("New session")) {
        const std::string dateTime = ui.newSessionDate + "T" + ui.newSessionTime;
        if (!rec::isLocalDateTime(dateTime))
            s.notify("New session: the date must be YYYY-MM-DD and the time HH:MM, got " + dateTime, true);
        else
            storeAction(s, [&] { s.newRecordSession(dateTime, ui.newSessionCarryOver && !sessions.empty()); });
        ui.newSessionTime.clear();
    }
    if (!sessions.empty())
        ImGui::Checkbox("Start from the last session's findings", &ui.newSessionCarryOver);
}

} // namespace

void drawClientPanel(session::AppSession& s, UiState& ui)
{
    // Docked at the bottom of the right column (panel_layout.h).
    placePanel(Panel::Client);
    session::RecordBook* book = s.records();
    const std::string title = std::string("Client") + (book && book->client() ? ": " + book->client()->name : "") + "###client";
    if (!ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
        ImGui::End();
        return;
    }
    if (!book) {
        const std::string& why = s.recordsClosedReason();
        ImGui::TextWrapped("Client records are not open%s%s%s", why.empty() ? "" : " (", why.c_str(), why.empty() ? "." : ").");
        ImGui::End();
        return;
    }
    if (ImGui::BeginTabBar("clienttabs")) {
        if (ImGui::BeginTabItem("Clients")) {
            clientList(s, ui);
            if (book->client()) {
                ImGui::Separator();
                timeline(s, ui);
                if (ImGui::TreeNode("Details and consent")) {
                    clientDetails(s);
                    ImGui::TreePop();
                }
            }
            ImGui::EndTabItem();
        }
        if (book->client() && ImGui::BeginTabItem("Session")) {
            drawSessionTab(s, ui);
            ImGui::EndTabItem();
        }
        if (book->client() && ImGui::BeginTabItem("Journal")) {
            drawJournalTab(s, ui);
            ImGui::EndTabItem();
        }
        if (book->client() && ImGui::BeginTabItem("Progress")) {
            drawProgressTab(s, ui);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

} // namespace ta::ui
