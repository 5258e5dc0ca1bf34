#include "ui/action_table.h"

#include <GLFW/glfw3.h>

#include <array>

namespace ta::ui {
namespace {

constexpr Shortcut none{};
constexpr Shortcut key(int k, unsigned m = kNone) { return {k, m}; }

const std::array kActions{
    Action{ActionId::NewBodyMap, "File", "New body map", key(GLFW_KEY_N, kCtrl), none, "Start an empty body map for a new client"},
    Action{ActionId::OpenBodyMap, "File", "Open body map...", key(GLFW_KEY_O, kCtrl), none, "Open a client's body map (JSON)"},
    Action{ActionId::SaveBodyMap, "File", "Save body map", key(GLFW_KEY_S, kCtrl), none, "Save the body map to its file"},
    Action{ActionId::SaveBodyMapAs, "File", "Save body map as...", key(GLFW_KEY_S, kCtrl | kShift), none, "Save the body map to a new file"},
    Action{ActionId::Screenshot, "File", "Save screenshot", key(GLFW_KEY_F12), none, "Save exactly what the 3D view shows as a PNG"},
    Action{ActionId::Quit, "File", "Quit", key(GLFW_KEY_Q, kCtrl), none, "Close TriggerAtlas"},

    Action{ActionId::Undo, "Edit", "Undo", key(GLFW_KEY_Z, kCtrl), none, "Undo the last view, visibility or tag change"},
    Action{ActionId::Redo, "Edit", "Redo", key(GLFW_KEY_Y, kCtrl), key(GLFW_KEY_Z, kCtrl | kShift), "Redo what was undone"},
    Action{ActionId::Find, "Edit", "Find structure...", key(GLFW_KEY_F, kCtrl), key(GLFW_KEY_SLASH), "Search muscles and bones by name"},
    Action{ActionId::ClearSelection, "Edit", "Clear selection", key(GLFW_KEY_ESCAPE), none, "Deselect, hide the referral pattern, put down the tag tool or the pain brush"},
    Action{ActionId::DeleteTag, "Edit", "Delete tag", key(GLFW_KEY_DELETE), none, "Delete the selected tag"},

    Action{ActionId::ViewAnterior, "View", "Front", key(GLFW_KEY_1), none, "Look at the front of the body"},
    Action{ActionId::ViewPosterior, "View", "Back", key(GLFW_KEY_2), none, "Look at the back of the body"},
    Action{ActionId::ViewLeft, "View", "Left side", key(GLFW_KEY_3), none, "Look at the subject's left side"},
    Action{ActionId::ViewRight, "View", "Right side", key(GLFW_KEY_4), none, "Look at the subject's right side"},
    Action{ActionId::ViewSuperior, "View", "Top", key(GLFW_KEY_5), none, "Look down from above"},
    Action{ActionId::FrameSelection, "View", "Frame selection", key(GLFW_KEY_F), none, "Glide the camera to the selected structure (or double-click it)"},
    Action{ActionId::FrameAll, "View", "Frame all", key(GLFW_KEY_HOME), none, "Show everything that is visible"},
    Action{ActionId::ToggleTriggerPoints, "View", "Trigger-point markers", key(GLFW_KEY_M), none, "Show or hide the trigger-point markers"},
    Action{ActionId::ToggleLabels, "View", "Labels", key(GLFW_KEY_L), none, "Show or hide leader-line labels"},
    Action{ActionId::ToggleLabelEverything, "View", "Label everything visible", key(GLFW_KEY_L, kCtrl), none, "Name every structure you can see (fewer as you zoom out), for study"},
    Action{ActionId::ToggleLatinNames, "View", "Latin names", key(GLFW_KEY_L, kShift), none, "Name structures in Latin (Terminologia Anatomica) on labels and lists, for students"},
    Action{ActionId::ToggleLandmarks, "View", "Landmark labels", key(GLFW_KEY_K), none, "Name the bony landmarks near the selection"},
    Action{ActionId::ToggleReferralPath, "View", "Referral path", key(GLFW_KEY_A), none, "Animate a path from the trigger point to its pain zone"},
    Action{ActionId::TogglePanels, "View", "Panels", key(GLFW_KEY_TAB), none, "Show or hide the side panels"},
    Action{ActionId::Presentation, "View", "Presentation mode", key(GLFW_KEY_P), none, "Hide the panels and show a large caption, for talking a client through it"},
    Action{ActionId::NextSkinTone, "View", "Next skin tone", key(GLFW_KEY_J), none, "Draw the skin in the next tone: light, medium, dark (also under Skin tone)"},

    Action{ActionId::PeelLayer, "Layers", "Peel outer layer", key(GLFW_KEY_E), key(GLFW_KEY_PAGE_DOWN), "Hide the outermost visible layer"},
    Action{ActionId::RestoreLayer, "Layers", "Restore layer", key(GLFW_KEY_E, kShift), key(GLFW_KEY_PAGE_UP), "Bring back the last peeled layer"},
    Action{ActionId::ToggleGhost, "Layers", "X-ray outer layers", key(GLFW_KEY_G), none, "See through the layers above the selection"},
    Action{ActionId::XraySelection, "Layers", "See through selection", key(GLFW_KEY_X), none, "X-ray the selected structure and its other parts, to see and click what lies beneath"},
    Action{ActionId::HideSelection, "Layers", "Hide selection", key(GLFW_KEY_H), none, "Hide the selected structure and its other parts (all of the trapezius)"},
    Action{ActionId::IsolateSelection, "Layers", "Isolate selection", key(GLFW_KEY_I), none, "Show only the selected structure and the bones"},
    Action{ActionId::ShowAll, "Layers", "Show all", key(GLFW_KEY_H, kShift), none, "Show every layer and structure again"},

    Action{ActionId::TagTool, "Trigger points", "Tag tool", key(GLFW_KEY_T), none, "Click a muscle to tag a trigger point you found"},
    Action{ActionId::PainTool, "Trigger points", "Pain drawing", key(GLFW_KEY_D), none, "Drag over the body where the client feels pain; see which trigger points explain it"},
    Action{ActionId::NextTriggerPoint, "Trigger points", "Next trigger point", key(GLFW_KEY_RIGHT_BRACKET), key(GLFW_KEY_N), "Show the next trigger point of the selected muscle"},
    Action{ActionId::PreviousTriggerPoint, "Trigger points", "Previous trigger point", key(GLFW_KEY_LEFT_BRACKET), key(GLFW_KEY_N, kShift), "Show the previous trigger point"},

    Action{ActionId::ShortcutHelp, "Help", "Keyboard shortcuts", key(GLFW_KEY_F1), key(GLFW_KEY_SLASH, kShift), "List every action and its key"},
};

constexpr std::array<const char*, 6> kMenus{"File", "Edit", "View", "Layers", "Trigger points", "Help"};

std::string keyName(int k)
{
    if (k >= GLFW_KEY_A && k <= GLFW_KEY_Z)
        return std::string(1, static_cast<char>('A' + (k - GLFW_KEY_A)));
    if (k >= GLFW_KEY_0 && k <= GLFW_KEY_9)
        return std::string(1, static_cast<char>('0' + (k - GLFW_KEY_0)));
    if (k >= GLFW_KEY_F1 && k <= GLFW_KEY_F25)
        return std::string("F").append(std::to_string(k - GLFW_KEY_F1 + 1)); // not "F" + s: GCC 12's false -Wrestrict
    switch (k) {
    case GLFW_KEY_ESCAPE: return "Esc";
    case GLFW_KEY_DELETE: return "Delete";
    case GLFW_KEY_HOME: return "Home";
    case GLFW_KEY_TAB: return "Tab";
    case GLFW_KEY_PAGE_UP: return "Page Up";
    case GLFW_KEY_PAGE_DOWN: return "Page Down";
    case GLFW_KEY_SLASH: return "/";
    case GLFW_KEY_LEFT_BRACKET: return "[";
    case GLFW_KEY_RIGHT_BRACKET: return "]";
    case GLFW_KEY_SPACE: return "Space";
    default: return std::string("Key ").append(std::to_string(k));
    }
}

} // namespace

std::span<const Action> allActions() { return kActions; }

const Action& action(ActionId id)
{
    for (const auto& a : kActions)
        if (a.id == id)
            return a;
    return kActions.front(); // unreachable: every id is in the table (a test checks)
}

std::string shortcutText(const Shortcut& s)
{
    if (s.key < 0)
        return {};
    std::string out;
    if (s.modifiers & kCtrl)
        out += "Ctrl+";
    if (s.modifiers & kAlt)
        out += "Alt+";
    if (s.key == GLFW_KEY_SLASH && (s.modifiers & kShift))
        return out + "?";
    if (s.modifiers & kShift)
        out += "Shift+";
    return out + keyName(s.key);
}

std::span<const char* const> menuNames() { return kMenus; }

} // namespace ta::ui
