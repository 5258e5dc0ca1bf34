#include "ui/search_box.h"

#include "session/search_service.h"
#include "ui/panel_layout.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <string>

namespace ta::ui {
namespace {

constexpr std::size_t kMaxResults = 10;

const char* kindTag(session::SearchResult::Kind k)
{
    switch (k) {
    case session::SearchResult::Kind::Region: return "pain area";
    case session::SearchResult::Kind::TriggerPoint: return "trigger point";
    case session::SearchResult::Kind::Structure: return "structure";
    }
    return "";
}

/// Up and Down presses this frame (from our queue, so none is lost): the net move of the cursor.
int arrowMoves(const UiState& ui)
{
    int moves = 0;
    for (const InputEvent& e : ui.frameEvents)
        if (e.kind == InputEvent::Kind::Key && e.press) {
            if (e.code == GLFW_KEY_DOWN)
                ++moves;
            else if (e.code == GLFW_KEY_UP)
                --moves;
        }
    return moves;
}

} // namespace

void drawSearchBox(session::AppSession& s, UiState& ui)
{
    std::string& query = ui.searchQuery;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const PanelRect at = layoutPanels({vp->WorkPos.x, vp->WorkPos.y}, {vp->WorkSize.x, vp->WorkSize.y},
                                      ImGui::GetFontSize())[Panel::Search];
    ImGui::SetNextWindowPos(ImVec2(at.pos.x, at.pos.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(at.size.x, 0.0f), ImGuiCond_Always);
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
    const bool enter = ImGui::InputTextWithHint("##query", "Search: muscle, trigger point, symptom (Ctrl+F)",
                                                &query, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool active = ImGui::IsItemActive();
    const session::SearchService service(s.catalog().loaded() ? &s.catalog().data() : nullptr, &s.model(), &s.search());
    const auto results = service.find(query, kMaxResults);
    if (ui.searchCursorQuery != query) {
        ui.searchCursorQuery = query;
        ui.searchCursor = 0;
    }
    if (active && !results.empty())
        ui.searchCursor = std::clamp(ui.searchCursor + arrowMoves(ui), 0, static_cast<int>(results.size()) - 1);
    bool chosen = false;
    auto choose = [&](const session::SearchResult& r) {
        session::chooseSearchResult(s, r);
        query.clear();
        chosen = true;
    };
    if (enter && !results.empty()) {
        choose(results[static_cast<std::size_t>(std::clamp(ui.searchCursor, 0, static_cast<int>(results.size()) - 1))]);
    } else if (enter && !query.empty()) {
        s.notify("Nothing called \"" + query + "\"", true);
    } else if (!query.empty() && (active || ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows))) {
        for (std::size_t k = 0; k < results.size(); ++k) {
            const session::SearchResult& r = results[k];
            ImGui::PushID(static_cast<int>(k));
            std::string name = r.name;
            if (r.structure) { // "Upper trapezius (left)": both sides are found
                const core::Structure* st = s.model().get(*r.structure);
                name = s.labelName(*r.structure) + (st && st->side == core::Side::Left    ? " (left)"
                                                    : st && st->side == core::Side::Right ? " (right)"
                                                                                          : "");
            }
            if (ImGui::Selectable(name.c_str(), static_cast<int>(k) == ui.searchCursor))
                choose(r);
            if (ImGui::IsItemHovered() && r.structure)
                s.hover(r.structure);
            ImGui::SameLine();
            ImGui::TextDisabled("%s%s%s", kindTag(r.kind), r.why.empty() ? "" : ", ", r.why.c_str());
            ImGui::PopID();
            if (chosen)
                break;
        }
        if (results.empty())
            ImGui::TextDisabled("No match");
        else
            ImGui::TextDisabled("Up/Down to move, Enter to choose");
    }
    if (chosen) {
        // Give the keyboard back to the view, so the next key (E, 2, M) acts at once.
        ImGui::ClearActiveID();
        ImGui::SetWindowFocus(nullptr);
    }
    ImGui::End();
}

} // namespace ta::ui
