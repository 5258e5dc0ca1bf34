#include "ui/menu_bar.h"

#include <imgui.h>

#include <cstring>
#include <string>

namespace ta::ui {

void drawMenuBar(ExploreState& ex)
{
    if (!ImGui::BeginMainMenuBar())
        return;
    for (const char* menu : menuNames()) {
        if (!ImGui::BeginMenu(menu))
            continue;
        for (const Action& a : allActions()) {
            if (std::strcmp(a.menu, menu) != 0)
                continue;
            std::string label = a.label;
            if (a.id == ActionId::Undo && ex.undo.canUndo())
                label += " " + ex.undo.undoLabel();
            if (a.id == ActionId::Redo && ex.undo.canRedo())
                label += " " + ex.undo.redoLabel();
            const std::string keys = shortcutText(a.shortcut);
            if (ImGui::MenuItem(label.c_str(), keys.c_str(), ex.checked(a.id), ex.enabled(a.id)))
                ex.run(a.id);
            if (ImGui::IsItemHovered() && a.help)
                ImGui::SetTooltip("%s", a.help);
            if (a.id == ActionId::SaveBodyMapAs && !ex.settings.recentBodyMaps.empty() &&
                ImGui::BeginMenu("Recent body maps")) {
                for (const auto& r : ex.settings.recentBodyMaps)
                    if (ImGui::MenuItem(r.c_str()))
                        ex.openBodyMap(r);
                ImGui::EndMenu();
            }
        }
        ImGui::EndMenu();
    }
    // The document and the mode, at the right.
    std::string status = ex.bodyMap.title();
    if (ex.tagTool)
        status = "TAG TOOL  |  " + status;
    const float w = ImGui::CalcTextSize(status.c_str()).x;
    ImGui::SameLine(ImGui::GetWindowWidth() - w - ImGui::GetFontSize());
    ImGui::TextDisabled("%s", status.c_str());
    ImGui::EndMainMenuBar();
}

} // namespace ta::ui
