#pragma once
// Our own input queue between the window's callbacks and the frame: Debian's Dear ImGui 1.86 only sees
// which keys are down when a frame starts, so a press shorter than one frame (0.5-2 s a frame on a machine
// without a GPU) is lost, and two presses in one frame count once. The GLFW callbacks push every key and
// button event here, with the modifiers held at that moment and the time it happened; the frame takes
// them all, in order, and runs one action per press. Knows no GLFW and no ImGui: key codes are GLFW's
// numbers as plain ints, so tests can feed it.
#include "ui/action_table.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace ta::ui {

struct InputEvent {
    enum class Kind : std::uint8_t { Key, MouseButton };
    Kind kind = Kind::Key;
    int code = -1;            ///< GLFW key or mouse button number
    bool press = true;        ///< false: release
    bool repeat = false;      ///< a key held down (auto-repeat): not a new press
    unsigned modifiers = kNone; ///< kCtrl | kShift | kAlt as held when it happened
    double time = 0.0;        ///< seconds (the window clock) when it happened
    glm::vec2 position{0.0f}; ///< cursor, window units (mouse buttons)
};

/// A double click: two presses of the left button within kDoubleClickSeconds and kDoubleClickDistance of
/// each other, timed by the events themselves, not by frames.
struct DoubleClick {
    glm::vec2 position{0.0f};
};

class InputQueue {
public:
    static constexpr double kDoubleClickSeconds = 0.45;
    static constexpr float kDoubleClickDistance = 6.0f; // window units

    /// From the window callbacks (main thread, between frames).
    void push(const InputEvent& e);
    /// Everything since the last take(), oldest first; the queue is then empty.
    std::vector<InputEvent> take();
    /// Puts events taken this frame back for the next take(), ahead of what came since.
    void putBack(const std::vector<InputEvent>& events);
    /// No events and no characters waiting (the window may sleep).
    bool empty() const { return m_events.empty() && m_chars.empty(); }

    /// For the ImGui backend: a key released in the same frame it went down must reach ImGui a frame
    /// later, or ImGui never sees it down (Enter in a text field). Call on each key release before passing
    /// it on; true means "hold it": it comes back from releasesHeld() after the next frame started.
    bool holdRelease(int key);
    /// Call right after each frame began: what was held back, to pass on now.
    std::vector<int> releasesHeld();

    /// Typed characters (GLFW's char callback) wait here for the frame to hand them to ImGui.
    void pushChar(unsigned codepoint);
    /// Right after each frame began: the characters to hand to ImGui now, oldest first. They wait, at most
    /// kMaxCharHoldFrames frames, while a click since the last call may open or focus a text field, or while
    /// `fieldWaiting` (a dialog's field has not taken the keyboard yet): a path typed at once after *File >
    /// Import model...* lands in the field instead of being dropped by ImGui.
    std::vector<unsigned> charsToDeliver(bool fieldWaiting);
    /// Every character waiting, at once (moving them to another queue).
    std::vector<unsigned> takeChars();
    static constexpr int kMaxCharHoldFrames = 6;

private:
    std::vector<InputEvent> m_events;
    std::vector<int> m_downThisFrame; ///< keys pressed since the last frame began
    std::vector<int> m_held;
    std::vector<unsigned> m_chars;
    bool m_clickSinceChars = false; ///< a mouse button event since the last charsToDeliver()
    int m_charHoldFrames = 0;       ///< frames the characters in m_chars have waited
};

/// Which actions a batch of events asks for, in order: one per key press matching a shortcut (repeats
/// ignored), modifiers as they were at the press. While a panel has the keyboard (`panelHasKeyboard`)
/// only Ctrl chords (not a text field's own Ctrl+Z/Y), F-keys and Esc act; while a text field has it
/// (`textInput`) Esc does not either (it leaves the field first).
std::vector<ActionId> actionsFor(const std::vector<InputEvent>& events, bool panelHasKeyboard, bool textInput);

/// Splits off the key events that follow a mouse press or release in one frame's batch, with everything after them:
/// they belong to what the click opens or focuses (a dialog, a text field), which ImGui handles in this
/// frame, so they wait for the next one. Returns them; `events` keeps the rest. On a slow machine a click on
/// *File > Import model...* and the path typed at once arrive in one frame.
std::vector<InputEvent> keysAfterAClick(std::vector<InputEvent>& events);

/// Double clicks among a batch of events, given the last left press of earlier batches (updated).
std::vector<DoubleClick> doubleClicks(const std::vector<InputEvent>& events, std::optional<InputEvent>& lastPress);

} // namespace ta::ui
