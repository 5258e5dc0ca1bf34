#include "ui/tag_panel.h"

#include "ui/pain_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <string>

namespace ta::ui {
namespace {

std::string defaultFolder()
{
    const char* home = std::getenv("HOME");
    return home ? std::string(home) + "/trigger-atlas/body-maps/" : std::string("body-maps/");
}

std::string tagLabel(const ExploreState& ex, const core::TriggerPointTag& t)
{
    const core::StructureId sid = ex.app.model.find(t.structure);
    const core::Structure* s = ex.app.model.get(sid);
    std::string label = s ? s->name : t.structure;
    label += t.state == core::TagState::Active ? "  active " : "  latent ";
    label += std::to_string(t.severity) + "/10";
    return label;
}

} // namespace

void drawTagPanel(ExploreState& ex)
{
    static std::string fileField;
    static core::TriggerPointTag editing;
    static core::MarkId editingId;

    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 24.6f * em, vp->WorkPos.y + 38.0f * em),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(24.0f * em, 22.0f * em), ImGuiCond_FirstUseEver);
    const std::string title = "Body map: " + ex.bodyMap.title() + "###bodymap";
    if (!ImGui::Begin(title.c_str())) {
        ImGui::End();
        return;
    }
    if (fileField.empty())
        fileField = ex.bodyMap.path() ? ex.bodyMap.path()->string() : defaultFolder() + "client.json";

    // The tool.
    toolButton(ex, ActionId::TagTool, ex.tagTool, "Tag tool ON: click a muscle (T)", "Tag a trigger point (T)",
               ImVec4(0.85f, 0.45f, 0.05f, 1.0f));

    // The client's pain and what could explain it.
    ImGui::Separator();
    drawPainSection(ex);
    ImGui::Separator();

    std::string client = ex.bodyMap.map().client;
    ImGui::SetNextItemWidth(-5.0f * em);
    ImGui::InputTextWithHint("Client", "name", &client);
    if (ImGui::IsItemDeactivatedAfterEdit())
        ex.bodyMap.setClient(client);
    ImGui::TextDisabled("Session %s", ex.bodyMap.sessionDate().c_str());

    // Tags by session, newest first.
    ImGui::Separator();
    const auto& sessions = ex.bodyMap.map().sessions;
    if (ex.bodyMap.map().tagCount() == 0)
        ImGui::TextDisabled("No tags yet.");
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
        if (it->tags.empty())
            continue;
        ImGui::TextDisabled("%s", it->date.c_str());
        for (const auto& t : it->tags) {
            ImGui::PushID(static_cast<int>(t.id.value));
            const bool sel = ex.selectedTag && *ex.selectedTag == t.id;
            const ImVec4 dot = t.state == core::TagState::Active ? ImVec4(1.0f, 0.55f, 0.05f, 1.0f)
                                                                 : ImVec4(0.25f, 0.55f, 1.0f, 1.0f);
            ImGui::TextColored(dot, "*");
            ImGui::SameLine();
            if (ImGui::Selectable(tagLabel(ex, t).c_str(), sel))
                ex.selectTag(t.id);
            ImGui::PopID();
        }
    }

    // The selected tag.
    const core::TriggerPointTag* tag = ex.selectedTag ? ex.bodyMap.tag(*ex.selectedTag) : nullptr;
    if (tag) {
        if (editingId != tag->id || !ImGui::IsAnyItemActive())
            editing = *tag, editingId = tag->id;
        ImGui::Separator();
        ImGui::TextWrapped("%s", tagLabel(ex, *tag).c_str());
        if (tag->triggerPoint) {
            const auto i = ex.catalog.find(*tag->triggerPoint);
            ImGui::TextWrapped("Matches %s", i ? ex.catalog.record(*i).name.c_str() : tag->triggerPoint->c_str());
            if (i && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", ex.catalog.caption(*i).c_str());
        } else {
            ImGui::TextDisabled("No documented trigger point within 3 cm");
        }
        bool commit = false;
        int state = editing.state == core::TagState::Active ? 0 : 1;
        commit |= ImGui::RadioButton("Active", &state, 0);
        ImGui::SameLine();
        commit |= ImGui::RadioButton("Latent", &state, 1);
        editing.state = state == 0 ? core::TagState::Active : core::TagState::Latent;
        ImGui::SetNextItemWidth(-5.0f * em);
        ImGui::SliderInt("Severity", &editing.severity, 0, core::kMaxSeverity);
        commit |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::InputTextMultiline("##note", &editing.note, ImVec2(-1.0f, 3.5f * em));
        commit |= ImGui::IsItemDeactivatedAfterEdit();
        if (commit)
            ex.bodyMap.updateTag(tag->id, editing);
        if (ImGui::Button(ex.movingTag ? "Click the new place..." : "Move"))
            ex.movingTag = !ex.movingTag, ex.tagTool = true;
        ImGui::SameLine();
        if (ImGui::Button("Delete (Del)"))
            ex.deleteSelectedTag();
    }

    // File.
    ImGui::Separator();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputText("##file", &fileField);
    if (ImGui::Button("Open"))
        if (ex.openBodyMap(fileField))
            ex.settings.addRecent(fileField);
    ImGui::SameLine();
    if (ImGui::Button("Save")) {
        if (ex.saveBodyMap(fileField))
            ex.settings.addRecent(fileField);
    }
    ImGui::SameLine();
    if (ImGui::Button("New"))
        ex.run(ActionId::NewBodyMap), fileField.clear();
    if (!ex.settings.recentBodyMaps.empty() && ImGui::BeginCombo("Recent", "choose...")) {
        for (const auto& r : ex.settings.recentBodyMaps)
            if (ImGui::Selectable(r.c_str()))
                fileField = r;
        ImGui::EndCombo();
    }
    ImGui::End();
}

} // namespace ta::ui
