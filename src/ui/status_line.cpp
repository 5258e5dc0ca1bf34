#include "ui/status_line.h"

#include "ui/panel_layout.h"

#include <imgui.h>

namespace ta::ui {

void drawStatusLine(const session::AppSession& s, const UiState& ui)
{
    placePanel(Panel::Status);
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (!ImGui::Begin("##status", nullptr, flags)) {
        ImGui::End();
        return;
    }
    std::string line = s.messageAge(s.now()) < 20.0 ? s.message() : std::string();
    const bool error = s.messageIsError() && !line.empty();
    if (line.empty()) {
        switch (s.tool()) {
        case session::Tool::Tag: line = "Tag tool: click the muscle where you found the trigger point (Esc to stop)"; break;
        case session::Tool::Pain: line = "Pain brush: drag where it hurts (Esc to stop)"; break;
        case session::Tool::None:
            line = s.selected() ? "X sees through " + s.labelName(*s.selected()) + ", F frames it, H hides it; F1 lists every key"
                                : "Click a structure, or Ctrl+F to find one by name or symptom; F1 lists every key";
            break;
        }
    }
    if (error)
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.5f, 1.0f));
    // Up to two lines, wrapped; the whole text in a tooltip when even that does not hold it.
    ImGui::TextWrapped("%s", line.c_str());
    if (error)
        ImGui::PopStyleColor();
    if (ImGui::IsWindowHovered() && ImGui::GetCursorPosY() > ImGui::GetWindowHeight())
        ImGui::SetTooltip("%s", line.c_str());
    ImGui::End();
}

} // namespace ta::ui
