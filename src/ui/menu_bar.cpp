#include "ui/menu_bar.h"

#include "ui/model_dialogs.h"

#include <imgui.h>

#include <cstring>
#include <string>

namespace ta::ui {

void drawMenuBar(session::AppSession& s, UiState& ui)
{
    if (!ImGui::BeginMainMenuBar())
        return;
    for (const char* menu : menuNames()) {
        if (!ImGui::BeginMenu(menu))
            continue;
        for (const Action& a : allActions()) {
            if (std::strcmp(a.menu, menu) != 0)
                continue;
            if (a.id == ActionId::Screenshot)
                drawModelMenuItems(s, ui); // Open model..., Import model...
            std::string label = a.label;
            if (a.id == ActionId::Undo && s.undoStack().canUndo())
                label.append(" ").append(s.undoStack().undoLabel()); // not " " + s: GCC 12's false -Wrestrict
            if (a.id == ActionId::Redo && s.undoStack().canRedo())
                label.append(" ").append(s.undoStack().redoLabel());
            const std::string keys = shortcutText(a.shortcut);
            if (ImGui::MenuItem(label.c_str(), keys.c_str(), actionChecked(a.id, s, ui), actionEnabled(a.id, s)))
                runAction(a.id, s, ui);
            if (ImGui::IsItemHovered() && a.help)
                ImGui::SetTooltip("%s", a.help);
            if (a.id == ActionId::SaveBodyMapAs && !s.settings().recentBodyMaps.empty() &&
                ImGui::BeginMenu("Recent body maps")) {
                for (const auto& r : s.settings().recentBodyMaps)
                    if (ImGui::MenuItem(r.c_str())) {
                        if (unsavedBodyMap(s)) {
                            ui.pending = UiState::Pending::DiscardForOpen;
                            ui.pendingFile = r;
                        } else {
                            openBodyMap(s, r);
                        }
                    }
                ImGui::EndMenu();
            }
        }
        if (std::strcmp(menu, "View") == 0) {
            ImGui::Separator();
            if (ImGui::BeginMenu("Skin tone")) {
                for (core::SkinTone t : core::kAllSkinTones)
                    if (ImGui::MenuItem(std::string(core::displayName(t)).c_str(), nullptr, s.display().skinTone == t))
                        s.display().skinTone = t;
                ImGui::EndMenu();
            }
            ImGui::MenuItem("Quiz (teaching mode)", nullptr, &ui.showQuiz);
            ImGui::MenuItem("Protocol (step through a treatment)", nullptr, &ui.showProtocol);
        }
        if (std::strcmp(menu, "Help") == 0)
            ImGui::MenuItem("About this model", nullptr, &ui.showAboutModel);
        ImGui::EndMenu();
    }
    // The document and the mode, at the right.
    std::string status = s.bodyMap().title();
    if (const session::RecordBook* book = s.records())
        status = book->client() ? book->client()->name + (book->current() ? "  |  session " + book->currentKey() : std::string())
                                : std::string("no client open");
    if (s.tool() == session::Tool::Tag)
        status = "TAG TOOL  |  " + status;
    const float w = ImGui::CalcTextSize(status.c_str()).x;
    ImGui::SameLine(ImGui::GetWindowWidth() - w - ImGui::GetFontSize());
    ImGui::TextDisabled("%s", status.c_str());
    ImGui::EndMainMenuBar();
}

} // namespace ta::ui
