// ExploreState's menu and keyboard actions (the table is in action_table.cpp).
#include "ui/explore_state.h"

namespace ta::ui {

bool ExploreState::enabled(ActionId id) const
{
    switch (id) {
    case ActionId::Undo: return undo.canUndo();
    case ActionId::Redo: return undo.canRedo();
    case ActionId::DeleteTag: return selectedTag.has_value();
    case ActionId::HideSelection:
    case ActionId::IsolateSelection: return app.selected.has_value();
    case ActionId::NextTriggerPoint:
    case ActionId::PreviousTriggerPoint: return app.selected.has_value() && catalog.loaded();
    default: return true;
    }
}

bool ExploreState::checked(ActionId id) const
{
    switch (id) {
    case ActionId::ToggleGhost: return app.ghost;
    case ActionId::ToggleTriggerPoints: return showMarkers;
    case ActionId::ToggleLabels: return showLabels;
    case ActionId::ToggleLandmarks: return showLandmarks;
    case ActionId::ToggleReferralPath: return referralPath;
    case ActionId::TogglePanels: return app.showPanels;
    case ActionId::Presentation: return presentation;
    case ActionId::TagTool: return tagTool;
    case ActionId::PainTool: return pain.active;
    case ActionId::ShortcutHelp: return showHelp;
    default: return false;
    }
}

void ExploreState::run(ActionId id)
{
    if (!enabled(id))
        return;
    switch (id) {
    case ActionId::NewBodyMap:
        bodyMap.newMap();
        selectedTag.reset();
        history.reset(app);
        notify("New body map");
        break;
    case ActionId::OpenBodyMap:
    case ActionId::SaveBodyMapAs: tagTool = true; app.showPanels = true; focusSearch = false; break; // the tag panel asks for the file
    case ActionId::SaveBodyMap:
        if (bodyMap.path())
            saveBodyMap();
        else
            tagTool = true, app.showPanels = true, notify("Choose a file name in the Body map panel, then Save");
        break;
    case ActionId::Screenshot: screenshotRequested = true; break;
    case ActionId::Quit: quitRequested = true; break;
    case ActionId::Undo: undo.undo(); refreshReferral(); break;
    case ActionId::Redo: undo.redo(); refreshReferral(); break;
    case ActionId::Find: focusSearch = true; app.showPanels = true; presentation = false; break;
    case ActionId::ClearSelection:
        if (movingTag)
            movingTag = false;
        else if (tagTool)
            tagTool = false;
        else if (pain.active)
            pain.active = false;
        else if (presentation)
            presentation = false;
        else {
            showTriggerPoint(std::nullopt);
            select(std::nullopt);
            selectedTag.reset();
        }
        break;
    case ActionId::DeleteTag: deleteSelectedTag(); break;
    case ActionId::ViewAnterior: app.camera.applyPreset(core::ViewPreset::Anterior); break;
    case ActionId::ViewPosterior: app.camera.applyPreset(core::ViewPreset::Posterior); break;
    case ActionId::ViewLeft: app.camera.applyPreset(core::ViewPreset::Left); break;
    case ActionId::ViewRight: app.camera.applyPreset(core::ViewPreset::Right); break;
    case ActionId::ViewSuperior: app.camera.applyPreset(core::ViewPreset::Superior); break;
    case ActionId::FrameSelection: frameSelection(); break;
    case ActionId::FrameAll: frameAll(); break;
    case ActionId::PeelLayer: peel(); break;
    case ActionId::RestoreLayer: restore(); break;
    case ActionId::ToggleGhost: app.ghost = !app.ghost; break;
    case ActionId::HideSelection: hideSelection(); break;
    case ActionId::IsolateSelection: isolateSelection(); break;
    case ActionId::ShowAll: showAll(); notify("Everything shown"); break;
    case ActionId::ToggleTriggerPoints: showMarkers = !showMarkers; break;
    case ActionId::ToggleLabels: showLabels = !showLabels; break;
    case ActionId::ToggleLandmarks: showLandmarks = !showLandmarks; break;
    case ActionId::ToggleReferralPath: referralPath = !referralPath; break;
    case ActionId::TogglePanels: app.showPanels = !app.showPanels; break;
    case ActionId::Presentation: presentation = !presentation; break;
    case ActionId::PainTool:
        pain.active = !pain.active;
        if (pain.active) {
            tagTool = false;
            movingTag = false;
            app.showPanels = true;
            notify("Pain brush: drag over the body where it hurts, Ctrl+drag erases; Shift+drag or right-drag moves the view (Esc to stop)");
        }
        break;
    case ActionId::TagTool:
        tagTool = !tagTool;
        if (tagTool)
            pain.active = false;
        if (tagTool) {
            // See the muscles through the skin; clicks pass through it too.
            if (app.layer(core::Layer::Skin).visible && !app.ghost) {
                app.ghost = true;
                app.ghostDownTo = core::Layer::Skin;
            }
            notify("Tag tool: click the muscle where you found the trigger point (Esc to stop)");
        }
        break;
    case ActionId::NextTriggerPoint: stepTriggerPoint(+1); break;
    case ActionId::PreviousTriggerPoint: stepTriggerPoint(-1); break;
    case ActionId::ShortcutHelp: showHelp = !showHelp; break;
    }
}

} // namespace ta::ui
