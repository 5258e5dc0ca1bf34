#include "ui/tag_panel.h"

#include "core/records/client_exchange.h"
#include "ui/client_panel.h"
#include "ui/pain_panel.h"

#include "ui/panel_layout.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace ta::ui {
namespace {

std::string defaultFolder()
{
    const char* home = std::getenv("HOME");
    return home ? std::string(home) + "/trigger-atlas/body-maps/" : std::string("body-maps/");
}

std::string tagLabel(const session::AppSession& s, const core::TriggerPointTag& t)
{
    const core::Structure* structure = s.model().get(s.model().find(t.structure));
    std::string label = structure ? structure->name : t.structure;
    label += t.state == core::TagState::Active ? "  active " : "  latent ";
    label += std::to_string(t.severity) + "/10";
    return label;
}

/// With client records: import a body map or client file as a client, export the open client as JSON
/// (asking before replacing a file).
void drawRecordFiles(session::AppSession& s, std::string& fileField)
{
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##file", "a .json file: body map or exported client", &fileField);
    ImGui::BeginDisabled(fileField.empty());
    if (ImGui::Button("Import as client"))
        openBodyMap(s, fileField);
    ImGui::SameLine();
    session::RecordBook* book = s.records();
    ImGui::BeginDisabled(!book->client());
    const bool exists = std::filesystem::exists(fileField);
    if (ImGui::Button("Export client")) {
        if (exists)
            ImGui::OpenPopup("replace");
        else
            storeAction(s, [&] {
                core::records::exportClientFile(book->store(), book->client()->id, fileField);
                s.notify("Exported " + book->client()->name + " to " + fileField);
            });
    }
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (ImGui::BeginPopup("replace")) {
        ImGui::Text("%s exists. Replace it?", fileField.c_str());
        if (ImGui::Button("Replace")) {
            storeAction(s, [&] {
                core::records::exportClientFile(book->store(), book->client()->id, fileField);
                s.notify("Exported " + book->client()->name + " to " + fileField + " (replaced)");
            });
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace

void drawTagPanel(session::AppSession& s, UiState& ui)
{
    std::string& fileField = ui.bodyMapFile;
    core::TriggerPointTag& editing = ui.editingTag;
    core::TagId& editingId = ui.editingTagId;

    const float em = ImGui::GetFontSize();
    placePanel(Panel::BodyMap);
    session::RecordBook* book = s.records();
    const std::string title =
        book ? (book->client() ? "Findings and pain: " + book->client()->name : std::string("Findings and pain: no client open")) +
                   "###bodymap"
             : "Body map: " + s.bodyMap().title() + "###bodymap";
    if (!ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
        ImGui::End();
        return;
    }
    // The file field follows the open document (opened from the menu's Recent, say), so Save goes back to it.
    const std::string docPath = s.bodyMap().path() ? s.bodyMap().path()->string() : std::string();
    if (!book && docPath != ui.bodyMapFileOf) {
        ui.bodyMapFileOf = docPath;
        fileField = docPath;
    }
    if (fileField.empty() && !book)
        fileField = defaultFolder() + "client.json";

    // The tool.
    toolButton(s, ui, ActionId::TagTool, s.tool() == session::Tool::Tag, "Tag tool ON: click a muscle (T)", "Tag a trigger point (T)",
               ImVec4(0.85f, 0.45f, 0.05f, 1.0f));

    // The client's pain and what could explain it.
    ImGui::Separator();
    drawPainSection(s, ui);
    ImGui::Separator();

    if (book) {
        if (!book->client())
            ImGui::TextWrapped("Open or add a client in the Client window: findings and pain go into a session of theirs, "
                               "stored as you make them.");
        else if (!book->current())
            ImGui::TextWrapped("Start a session in the Client window.");
        else
            ImGui::TextDisabled("Session %s%s, stored as you go", book->currentKey().c_str(),
                                book->currentSigned() ? " (signed, locked)" : "");
    } else {
        std::string client = s.bodyMap().map().client;
        ImGui::SetNextItemWidth(-5.0f * em);
        ImGui::InputTextWithHint("Client", "name", &client);
        if (ImGui::IsItemDeactivatedAfterEdit())
            s.bodyMap().setClient(client);
        ImGui::TextDisabled("Session %s", s.bodyMap().sessionDate().c_str());
    }

    // Tags by session, newest first.
    ImGui::Separator();
    const auto& sessions = s.bodyMap().map().sessions;
    if (s.bodyMap().map().tagCount() == 0)
        ImGui::TextDisabled("No tags yet.");
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
        if (it->tags.empty())
            continue;
        ImGui::TextDisabled("%s", it->date.c_str());
        for (const auto& t : it->tags) {
            ImGui::PushID(static_cast<int>(t.id.value));
            const bool sel = s.selectedTag() && *s.selectedTag() == t.id;
            const ImVec4 dot = t.state == core::TagState::Active ? ImVec4(1.0f, 0.55f, 0.05f, 1.0f)
                                                                 : ImVec4(0.25f, 0.55f, 1.0f, 1.0f);
            ImGui::TextColored(dot, "*");
            ImGui::SameLine();
            if (ImGui::Selectable(tagLabel(s, t).c_str(), sel))
                s.selectTag(t.id);
            ImGui::PopID();
        }
    }

    // The selected tag.
    const core::TriggerPointTag* tag = s.selectedTag() ? s.bodyMap().tag(*s.selectedTag()) : nullptr;
    if (tag) {
        if (editingId != tag->id || !ImGui::IsAnyItemActive())
            editing = *tag, editingId = tag->id;
        ImGui::Separator();
        ImGui::TextWrapped("%s", tagLabel(s, *tag).c_str());
        if (tag->triggerPoint) {
            const auto i = s.catalog().find(*tag->triggerPoint);
            ImGui::TextWrapped("Matches %s", i ? s.catalog().record(*i).name.c_str() : tag->triggerPoint->c_str());
            if (i && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", s.catalog().caption(*i).c_str());
        } else {
            ImGui::TextDisabled("No documented trigger point within 3 cm");
        }
        bool commit = false;
        int state = editing.state == core::TagState::Active ? 0 : 1;
        commit |= ImGui::RadioButton("Active", &state, 0);
        ImGui::SameLine();
        commit |= ImGui::RadioButton("Latent", &state, 1);
        editing.state = state == 0 ? core::TagState::Active : core::TagState::Latent;
        ImGui::SetNextItemWidth(-8.0f * em);
        ImGui::SliderInt("##severity", &editing.severity, 0, core::kMaxSeverity, "");
        commit |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::SameLine();
        ImGui::Text("Severity %d/%d", editing.severity, core::kMaxSeverity); // beside: the handle covered it
        ImGui::InputTextMultiline("##note", &editing.note, ImVec2(-1.0f, 3.5f * em));
        commit |= ImGui::IsItemDeactivatedAfterEdit();
        if (commit)
            s.bodyMap().updateTag(tag->id, editing);
        if (ImGui::Button(s.movingTag() ? "Click the new place..." : "Move"))
            s.setMovingTag(!s.movingTag());
        ImGui::SameLine();
        if (ImGui::Button("Delete (Del)"))
            s.deleteSelectedTag();
    }

    // File.
    ImGui::Separator();
    if (book) {
        drawRecordFiles(s, fileField);
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputText("##file", &fileField);
    if (ImGui::Button("Open")) {
        if (unsavedBodyMap(s)) {
            ui.pending = UiState::Pending::DiscardForOpen;
            ui.pendingFile = fileField;
        } else {
            openBodyMap(s, fileField);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Save")) {
        // Never over another file without asking (the field may still hold a default or an old name).
        const bool other = !s.bodyMap().path() || std::filesystem::path(fileField) != *s.bodyMap().path();
        if (other && std::filesystem::exists(fileField)) {
            ui.pending = UiState::Pending::ReplaceOnSave;
            ui.pendingFile = fileField;
        } else {
            saveBodyMap(s, fileField);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("New"))
        runAction(ActionId::NewBodyMap, s, ui), fileField.clear();
    if (!s.settings().recentBodyMaps.empty() && ImGui::BeginCombo("Recent", "choose...")) {
        for (const auto& r : s.settings().recentBodyMaps)
            if (ImGui::Selectable(r.c_str()))
                fileField = r;
        ImGui::EndCombo();
    }
    ImGui::End();
}

} // namespace ta::ui
