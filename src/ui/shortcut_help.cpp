#include "ui/shortcut_help.h"

#include <imgui.h>

#include <algorithm>

#include <cstring>
#include <string>

namespace ta::ui {

void drawShortcutHelp(session::AppSession& s, UiState& ui)
{
    if (!ui.showHelp)
        return;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 0.5f * vp->WorkSize.x, vp->WorkPos.y + 0.5f * vp->WorkSize.y),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(44.0f * em, 0.92f * vp->WorkSize.x), std::min(38.0f * em, 0.92f * vp->WorkSize.y)),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin("Keyboard shortcuts", &ui.showHelp)) {
        ImGui::End();
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Mouse: drag to turn, right-drag or Shift+drag to pan, wheel to zoom toward the cursor, "
                       "click to select, double-click to frame, hover for names.");
    ImGui::PopStyleColor();
    for (const char* menu : menuNames()) {
        ImGui::Spacing();
        ImGui::Text("%s", menu);
        if (!ImGui::BeginTable(menu, 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
            continue;
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, 9.0f * em);
        ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthFixed, 13.0f * em);
        ImGui::TableSetupColumn("help", ImGuiTableColumnFlags_WidthStretch);
        for (const Action& a : allActions()) {
            if (std::strcmp(a.menu, menu) != 0)
                continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string keys = shortcutText(a.shortcut);
            if (a.alternate.key >= 0)
                keys += ", " + shortcutText(a.alternate);
            ImGui::TextUnformatted(keys.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.label);
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", a.help); // wrapped: the descriptions were cut off
            ImGui::PopStyleColor();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace ta::ui
