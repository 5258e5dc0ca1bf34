#include "ui/input_queue.h"

#include <GLFW/glfw3.h>

#include <algorithm>

namespace ta::ui {

void InputQueue::push(const InputEvent& e)
{
    m_events.push_back(e);
    if (e.kind == InputEvent::Kind::Key && e.press && !e.repeat)
        m_downThisFrame.push_back(e.code);
    if (e.kind == InputEvent::Kind::MouseButton)
        m_clickSinceChars = true;
}

void InputQueue::pushChar(unsigned codepoint) { m_chars.push_back(codepoint); }

std::vector<unsigned> InputQueue::charsToDeliver(bool fieldWaiting)
{
    const bool hold = m_clickSinceChars || fieldWaiting;
    m_clickSinceChars = false;
    if (m_chars.empty())
        return {};
    if (hold && m_charHoldFrames < kMaxCharHoldFrames) {
        ++m_charHoldFrames;
        return {};
    }
    return takeChars();
}

std::vector<unsigned> InputQueue::takeChars()
{
    m_charHoldFrames = 0;
    std::vector<unsigned> out;
    out.swap(m_chars);
    return out;
}

std::vector<InputEvent> InputQueue::take()
{
    std::vector<InputEvent> out;
    out.swap(m_events);
    return out;
}

void InputQueue::putBack(const std::vector<InputEvent>& events)
{
    m_events.insert(m_events.begin(), events.begin(), events.end());
}

std::vector<InputEvent> keysAfterAClick(std::vector<InputEvent>& events)
{
    // A press or a release: ImGui's menu items act on the release, which may come a frame after the press.
    const auto isButton = [](const InputEvent& e) { return e.kind == InputEvent::Kind::MouseButton; };
    const auto click = std::find_if(events.begin(), events.end(), isButton);
    if (click == events.end())
        return {};
    const auto key = std::find_if(click + 1, events.end(), [](const InputEvent& e) { return e.kind == InputEvent::Kind::Key; });
    std::vector<InputEvent> later(key, events.end());
    events.erase(key, events.end());
    return later;
}

bool InputQueue::holdRelease(int key)
{
    if (std::find(m_downThisFrame.begin(), m_downThisFrame.end(), key) == m_downThisFrame.end())
        return false;
    m_held.push_back(key);
    return true;
}

std::vector<int> InputQueue::releasesHeld()
{
    m_downThisFrame.clear();
    std::vector<int> out;
    out.swap(m_held);
    return out;
}

std::vector<ActionId> actionsFor(const std::vector<InputEvent>& events, bool panelHasKeyboard, bool textInput)
{
    std::vector<ActionId> out;
    for (const InputEvent& e : events) {
        if (e.kind != InputEvent::Kind::Key || !e.press || e.repeat)
            continue;
        const unsigned mods = e.modifiers & (kCtrl | kShift | kAlt);
        for (const Action& a : allActions()) {
            bool matched = false;
            for (const Shortcut& s : {a.shortcut, a.alternate}) {
                if (s.key < 0 || s.key != e.code || s.modifiers != mods)
                    continue;
                if (panelHasKeyboard || textInput) {
                    const bool ctrlChord = (s.modifiers & kCtrl) && s.key != GLFW_KEY_Z && s.key != GLFW_KEY_Y;
                    const bool fkey = s.key >= GLFW_KEY_F1 && s.key <= GLFW_KEY_F25;
                    const bool esc = s.key == GLFW_KEY_ESCAPE && !textInput;
                    if (!ctrlChord && !fkey && !esc)
                        continue;
                }
                matched = true;
                break;
            }
            if (matched) {
                out.push_back(a.id);
                break; // one action per press
            }
        }
    }
    return out;
}

std::vector<DoubleClick> doubleClicks(const std::vector<InputEvent>& events, std::optional<InputEvent>& lastPress)
{
    std::vector<DoubleClick> out;
    for (const InputEvent& e : events) {
        if (e.kind != InputEvent::Kind::MouseButton || e.code != GLFW_MOUSE_BUTTON_LEFT || !e.press)
            continue;
        if (lastPress && e.time - lastPress->time <= InputQueue::kDoubleClickSeconds &&
            glm::length(e.position - lastPress->position) <= InputQueue::kDoubleClickDistance) {
            out.push_back({e.position});
            lastPress.reset(); // a third click starts over
        } else {
            lastPress = e;
        }
    }
    return out;
}

} // namespace ta::ui
