#include "ui/search_box.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

namespace ta::ui {

void drawSearchBox(session::AppSession& s, UiState& ui)
{
    std::string& query = ui.searchQuery;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 0.5f * vp->WorkSize.x, vp->WorkPos.y + 0.6f * em),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(28.0f * em, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
    if (!ImGui::Begin("##find", nullptr, flags)) {
        ImGui::End();
        return;
    }
    if (ui.focusSearch) {
        ImGui::SetKeyboardFocusHere();
        ui.focusSearch = false;
    }
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputTextWithHint("##query", "Find a muscle, bone, trigger point or pain area (Ctrl+F)", &query,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    const bool active = ImGui::IsItemActive();
    const auto hits = s.search().find(query, 8);
    auto choose = [&](core::StructureId id) {
        s.select(id, true);
        query.clear();
    };
    if (enter && !hits.empty()) {
        choose(hits.front().structure);
    } else if (enter && !s.catalog().search(query, 1).empty()) {
        s.showTriggerPoint(s.catalog().search(query, 1).front(), true);
        query.clear();
    } else if (enter && !query.empty()) {
        s.notify("Nothing called \"" + query + "\"", true);
    } else if (!query.empty() && (active || ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows))) {
        for (std::size_t k = 0; k < hits.size(); ++k) {
            const core::Structure* st = s.model().get(hits[k].structure);
            if (!st)
                continue;
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::Selectable(st->name.c_str(), k == 0))
                choose(hits[k].structure);
            if (ImGui::IsItemHovered())
                s.hover(hits[k].structure);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", st->id.c_str());
            ImGui::PopID();
        }
        const auto tps = s.catalog().search(query, 6);
        if (!tps.empty()) {
            ImGui::Separator();
            ImGui::TextDisabled("Trigger points (by name or where they refer)");
            for (std::size_t k = 0; k < tps.size(); ++k) {
                ImGui::PushID(1000 + static_cast<int>(k));
                if (ImGui::Selectable(s.catalog().record(tps[k]).name.c_str())) {
                    s.showTriggerPoint(tps[k], true);
                    query.clear();
                }
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", s.catalog().caption(tps[k]).c_str());
                ImGui::PopID();
            }
        }
        if (hits.empty() && tps.empty())
            ImGui::TextDisabled("No match");
    }
    ImGui::End();
}

} // namespace ta::ui
