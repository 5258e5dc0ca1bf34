#include "ui/action_dispatch.h"

#include "core/error.h"

#include <imgui.h>

namespace ta::ui {

using session::Tool;

bool openBodyMap(session::AppSession& session, const std::string& file)
{
    try {
        session.openBodyMap(file);
        return true;
    } catch (const Error& e) {
        session.notify(e.what(), true);
    } catch (const std::exception& e) {
        session.notify(file + ": " + e.what(), true);
    }
    return false;
}

bool saveBodyMap(session::AppSession& session, const std::optional<std::string>& file)
{
    try {
        session.saveBodyMap(file ? std::optional<std::filesystem::path>(*file) : std::nullopt);
        return true;
    } catch (const Error& e) {
        session.notify(e.what(), true);
    } catch (const std::exception& e) {
        session.notify(std::string("the body map was not saved: ") + e.what(), true);
    }
    return false;
}

bool unsavedBodyMap(const session::AppSession& s) { return !s.records() && s.bodyMap().dirty(); }

void drawPendingFileQuestion(session::AppSession& s, UiState& ui)
{
    using P = UiState::Pending;
    if (ui.pending == P::None)
        return;
    const char* title = ui.pending == P::ReplaceOnSave ? "Replace file?###pendingfile" : "Unsaved changes###pendingfile";
    if (!ImGui::IsPopupOpen(title))
        ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    auto proceed = [&] {
        const P what = ui.pending;
        ui.pending = P::None;
        if (what == P::DiscardForNew)
            s.newBodyMap();
        else if (what == P::DiscardForQuit)
            ui.quitRequested = true, ui.quitConfirmed = true;
        else if (what == P::DiscardForOpen)
            openBodyMap(s, ui.pendingFile);
        else if (what == P::ReplaceOnSave)
            saveBodyMap(s, ui.pendingFile);
        ImGui::CloseCurrentPopup();
    };
    if (ui.pending == P::ReplaceOnSave) {
        ImGui::Text("%s already exists and is not the open body map.", ui.pendingFile.c_str());
        ImGui::TextUnformatted("Replace it with this body map? (its old content is kept as .bak)");
        if (ImGui::Button("Replace"))
            proceed();
    } else {
        ImGui::Text("%s has changes that are not saved.", s.bodyMap().title().c_str());
        if (s.bodyMap().path() && ImGui::Button("Save, then continue")) {
            if (saveBodyMap(s))
                proceed();
            else
                ui.pending = P::None, ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Discard the changes"))
            proceed();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        ui.pending = P::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

bool actionEnabled(ActionId id, const session::AppSession& s)
{
    switch (id) {
    case ActionId::Undo: return s.undoStack().canUndo();
    case ActionId::Redo: return s.undoStack().canRedo();
    case ActionId::DeleteTag: return s.selectedTag().has_value();
    case ActionId::HideSelection:
    case ActionId::XraySelection:
    case ActionId::IsolateSelection: return s.selected().has_value();
    case ActionId::NextTriggerPoint:
    case ActionId::PreviousTriggerPoint: return s.selected().has_value() && s.catalog().loaded();
    default: return true;
    }
}

bool actionChecked(ActionId id, const session::AppSession& s, const UiState& ui)
{
    const session::DisplayOptions& d = s.display();
    switch (id) {
    case ActionId::ToggleGhost: return s.visibility().ghost();
    case ActionId::ToggleTriggerPoints: return d.showMarkers;
    case ActionId::ToggleLabels: return d.showLabels;
    case ActionId::ToggleLatinNames: return d.latinNames;
    case ActionId::ToggleLabelEverything: return ui.labelEverything;
    case ActionId::XraySelection: return s.selectionXrayed();
    case ActionId::ToggleLandmarks: return d.showLandmarks;
    case ActionId::ToggleReferralPath: return d.referralPath;
    case ActionId::TogglePanels: return ui.showPanels;
    case ActionId::Presentation: return d.presentation;
    case ActionId::TagTool: return s.tool() == Tool::Tag;
    case ActionId::PainTool: return s.tool() == Tool::Pain;
    case ActionId::ShortcutHelp: return ui.showHelp;
    default: return false;
    }
}

void runAction(ActionId id, session::AppSession& s, UiState& ui)
{
    if (!actionEnabled(id, s))
        return;
    session::DisplayOptions& d = s.display();
    switch (id) {
    case ActionId::NewBodyMap:
        if (unsavedBodyMap(s))
            ui.pending = UiState::Pending::DiscardForNew;
        else
            s.newBodyMap();
        break;
    case ActionId::OpenBodyMap:
    case ActionId::SaveBodyMapAs: // the body-map panel asks for the file
        s.setTool(Tool::Tag);
        ui.showPanels = true;
        ui.focusSearch = false;
        break;
    case ActionId::SaveBodyMap:
        if (s.bodyMap().path()) {
            saveBodyMap(s);
        } else {
            s.setTool(Tool::Tag);
            ui.showPanels = true;
            s.notify("Choose a file name in the Body map panel, then Save");
        }
        break;
    case ActionId::Screenshot: ui.screenshotRequested = true; break;
    case ActionId::Quit:
        if (unsavedBodyMap(s) && !ui.quitConfirmed)
            ui.pending = UiState::Pending::DiscardForQuit;
        else
            ui.quitRequested = true;
        break;
    case ActionId::Undo: s.undo(); break;
    case ActionId::Redo: s.redo(); break;
    case ActionId::Find:
        ui.focusSearch = true;
        ui.showPanels = true;
        d.presentation = false;
        break;
    case ActionId::ClearSelection:
        if (s.movingTag())
            s.setMovingTag(false);
        else if (s.tool() != Tool::None)
            s.setTool(Tool::None);
        else if (d.presentation)
            d.presentation = false;
        else {
            s.showTriggerPoint(std::nullopt);
            s.select(std::nullopt);
            s.selectTag(std::nullopt);
        }
        break;
    case ActionId::DeleteTag: s.deleteSelectedTag(); break;
    case ActionId::ViewAnterior: s.viewFrom(core::ViewPreset::Anterior); break;
    case ActionId::ViewPosterior: s.viewFrom(core::ViewPreset::Posterior); break;
    case ActionId::ViewLeft: s.viewFrom(core::ViewPreset::Left); break;
    case ActionId::ViewRight: s.viewFrom(core::ViewPreset::Right); break;
    case ActionId::ViewSuperior: s.viewFrom(core::ViewPreset::Superior); break;
    case ActionId::FrameSelection: s.frameSelection(); break;
    case ActionId::FrameAll: s.frameAll(); break;
    case ActionId::PeelLayer: s.peel(); break;
    case ActionId::RestoreLayer: s.restore(); break;
    case ActionId::ToggleGhost: s.toggleGhost(); break;
    case ActionId::XraySelection: s.xraySelection(); break;
    case ActionId::HideSelection: s.hideSelection(); break;
    case ActionId::IsolateSelection: s.isolateSelection(); break;
    case ActionId::ShowAll:
        s.showAll();
        s.notify("Everything shown");
        break;
    case ActionId::ToggleTriggerPoints: d.showMarkers = !d.showMarkers; break;
    case ActionId::ToggleLabels: d.showLabels = !d.showLabels; break;
    case ActionId::ToggleLatinNames: d.latinNames = !d.latinNames; break;
    case ActionId::ToggleLabelEverything: ui.labelEverything = !ui.labelEverything; break;
    case ActionId::ToggleLandmarks: d.showLandmarks = !d.showLandmarks; break;
    case ActionId::ToggleReferralPath: d.referralPath = !d.referralPath; break;
    case ActionId::TogglePanels: ui.showPanels = !ui.showPanels; break;
    case ActionId::Presentation:
        d.presentation = !d.presentation;
        if (d.presentation)
            s.frameShownTriggerPoint(); // beside the 'What helps' text
        break;
    case ActionId::NextSkinTone: d.skinTone = core::nextSkinTone(d.skinTone); break;
    case ActionId::PainTool:
        s.setTool(s.tool() == Tool::Pain ? Tool::None : Tool::Pain);
        if (s.tool() == Tool::Pain)
            ui.showPanels = true;
        break;
    case ActionId::TagTool: s.setTool(s.tool() == Tool::Tag ? Tool::None : Tool::Tag); break;
    case ActionId::NextTriggerPoint: s.stepTriggerPoint(+1); break;
    case ActionId::PreviousTriggerPoint: s.stepTriggerPoint(-1); break;
    case ActionId::ShortcutHelp: ui.showHelp = !ui.showHelp; break;
    }
}

} // namespace ta::ui
