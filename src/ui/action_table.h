#pragma once
// Every user action, once: its menu, label, keyboard shortcut and one line of help. The menu bar, the
// shortcut handler and the shortcut help window are all built from this table, so every action is
// reachable from a menu and a key by construction.
#include <span>
#include <string>

namespace ta::ui {

enum class ActionId {
    NewBodyMap, OpenBodyMap, SaveBodyMap, SaveBodyMapAs, Screenshot, Quit,
    Undo, Redo, Find, ClearSelection, DeleteTag,
    ViewAnterior, ViewPosterior, ViewLeft, ViewRight, ViewSuperior, FrameSelection, FrameAll,
    PeelLayer, RestoreLayer, ToggleGhost, XraySelection, HideSelection, IsolateSelection, ShowAll,
    ToggleTriggerPoints, ToggleLabels, ToggleLabelEverything, ToggleLatinNames, ToggleLandmarks, ToggleReferralPath, TogglePanels, Presentation,
    TagTool, PainTool, NextTriggerPoint, PreviousTriggerPoint,
    ShortcutHelp,
    NextSkinTone,
};

/// Modifier bits of a shortcut.
enum Modifier : unsigned { kNone = 0, kCtrl = 1, kShift = 2, kAlt = 4 };

struct Shortcut {
    int key = -1;            ///< GLFW key code; -1 = none
    unsigned modifiers = kNone;
};

struct Action {
    ActionId id;
    const char* menu;        ///< "File", "Edit", "View", "Layers", "Trigger points", "Help"
    const char* label;       ///< menu text
    Shortcut shortcut;
    Shortcut alternate;      ///< a second key for the same action (Ctrl+Shift+Z for redo); may be none
    const char* help;        ///< one line for the help window and tooltips
};

std::span<const Action> allActions();
const Action& action(ActionId id);
/// "Ctrl+Shift+S", "F1", "Page Down"; empty for none.
std::string shortcutText(const Shortcut& s);
/// The menus in display order.
std::span<const char* const> menuNames();

} // namespace ta::ui
