// Our input queue (issue 18): every key press is delivered once, in order, with the modifiers it had, however
// long the frame; double clicks are timed by the events, not the frames. Drives the real actions on a
// session. No GL context and no ImGui frame needed.
#include "test_scene.h"

#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/input_queue.h"

#include <GLFW/glfw3.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ta;
using ui::InputEvent;

namespace {

InputEvent key(int code, bool press, unsigned mods = ui::kNone, double t = 0.0)
{
    return {InputEvent::Kind::Key, code, press, false, mods, t, {}};
}

InputEvent click(double t, glm::vec2 at, bool press = true)
{
    return {InputEvent::Kind::MouseButton, GLFW_MOUSE_BUTTON_LEFT, press, false, ui::kNone, t, at};
}

/// Press and release within one frame: what ImGui 1.86 alone never sees.
void tap(ui::InputQueue& q, int code, unsigned mods = ui::kNone)
{
    q.push(key(code, true, mods));
    q.push(key(code, false, mods));
}

struct Fixture {
    session::AppSession s;
    ui::UiState ui;
    Fixture()
    {
        s.camera().setViewport(400, 300);
        s.openModel(ta::testing::makeTestModel(), "test", "/nonexistent-data-dir");
    }
    /// One frame: take everything queued and run every action it asks for.
    int frame(bool panelHasKeyboard = false, bool textInput = false)
    {
        const auto actions = ui::actionsFor(ui.input.take(), panelHasKeyboard, textInput);
        for (ui::ActionId id : actions)
            ui::runAction(id, s, ui);
        return static_cast<int>(actions.size());
    }
};

} // namespace

TEST(InputQueue, ABurstOfPressesInOneFrameRunsEveryAction)
{
    Fixture f;
    // Between two slow frames: 3, then M three times, E (peel), Shift+E (restore), E again.
    tap(f.ui.input, GLFW_KEY_3);
    tap(f.ui.input, GLFW_KEY_M);
    tap(f.ui.input, GLFW_KEY_M);
    tap(f.ui.input, GLFW_KEY_M);
    tap(f.ui.input, GLFW_KEY_E);
    f.ui.input.push(key(GLFW_KEY_LEFT_SHIFT, true));
    tap(f.ui.input, GLFW_KEY_E, ui::kShift);
    f.ui.input.push(key(GLFW_KEY_LEFT_SHIFT, false));
    tap(f.ui.input, GLFW_KEY_E);
    ASSERT_TRUE(f.s.display().showMarkers);
    EXPECT_EQ(f.frame(), 7);
    EXPECT_NEAR(f.s.camera().goal().yaw, 1.5708f, 0.01f) << "3: the left side";
    EXPECT_FALSE(f.s.display().showMarkers) << "M three times: off, on, off";
    EXPECT_FALSE(f.s.visibility().layer(core::Layer::Skin).visible) << "E, Shift+E, E: the skin peeled";
    EXPECT_TRUE(f.s.visibility().layer(core::Layer::Superficial).visible) << "Shift+E ran between the two Es";
    EXPECT_TRUE(f.ui.input.empty());
    EXPECT_EQ(f.frame(), 0) << "each press runs once";
}

TEST(InputQueue, ChordsKeepTheModifiersTheyWerePressedWith)
{
    Fixture f;
    // Ctrl released before the frame starts: the chord still counts as Ctrl+F, not as F.
    f.ui.input.push(key(GLFW_KEY_LEFT_CONTROL, true));
    tap(f.ui.input, GLFW_KEY_F, ui::kCtrl);
    f.ui.input.push(key(GLFW_KEY_LEFT_CONTROL, false));
    EXPECT_EQ(ui::actionsFor(f.ui.input.take(), false, false), std::vector{ui::ActionId::Find});
    tap(f.ui.input, GLFW_KEY_Z, ui::kCtrl | ui::kShift);
    tap(f.ui.input, GLFW_KEY_Z, ui::kCtrl);
    EXPECT_EQ(ui::actionsFor(f.ui.input.take(), false, false), (std::vector{ui::ActionId::Redo, ui::ActionId::Undo}));
    // A held key's auto-repeat is not a new press.
    f.ui.input.push(key(GLFW_KEY_E, true));
    InputEvent repeat = key(GLFW_KEY_E, true);
    repeat.repeat = true;
    f.ui.input.push(repeat);
    EXPECT_EQ(ui::actionsFor(f.ui.input.take(), false, false).size(), 1u);
}

TEST(InputQueue, WhileTypingOnlyChordsFKeysAndEscAct)
{
    Fixture f;
    tap(f.ui.input, GLFW_KEY_E);
    tap(f.ui.input, GLFW_KEY_F1);
    tap(f.ui.input, GLFW_KEY_F, ui::kCtrl);
    tap(f.ui.input, GLFW_KEY_Z, ui::kCtrl);
    tap(f.ui.input, GLFW_KEY_ESCAPE);
    const auto events = f.ui.input.take();
    EXPECT_EQ(ui::actionsFor(events, true, true), (std::vector{ui::ActionId::ShortcutHelp, ui::ActionId::Find}))
        << "in a text field: E is a letter, Ctrl+Z its own undo, Esc leaves the field";
    EXPECT_EQ(ui::actionsFor(events, true, false),
              (std::vector{ui::ActionId::ShortcutHelp, ui::ActionId::Find, ui::ActionId::ClearSelection}));
    EXPECT_EQ(ui::actionsFor(events, false, false).size(), 5u);
}

TEST(InputQueue, AKeyReleasedInTheFrameItWentDownReachesImGuiAFrameLater)
{
    ui::InputQueue q;
    q.push(key(GLFW_KEY_ENTER, true));
    EXPECT_TRUE(q.holdRelease(GLFW_KEY_ENTER)) << "pressed this frame: hold the release back";
    EXPECT_EQ(q.releasesHeld(), std::vector{GLFW_KEY_ENTER}) << "passed on after the next frame began";
    EXPECT_TRUE(q.releasesHeld().empty());
    EXPECT_FALSE(q.holdRelease(GLFW_KEY_ENTER)) << "a key held over a frame is released at once";
}

TEST(InputQueue, DoubleClicksAreTimedByTheEventsNotTheFrames)
{
    std::optional<InputEvent> last;
    // Two presses 0.2 s apart, each taken by a different frame 1.5 s apart: still a double click.
    EXPECT_TRUE(ui::doubleClicks({click(10.0, {100, 100}), click(10.1, {100, 100}, false)}, last).empty());
    const auto d = ui::doubleClicks({click(10.2, {101, 100})}, last);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].position, glm::vec2(101, 100));
    // Both in one frame.
    EXPECT_EQ(ui::doubleClicks({click(20.0, {50, 50}), click(20.0, {50, 50}, false), click(20.3, {50, 51})}, last).size(), 1u);
    // Too slow, or too far apart: two clicks.
    EXPECT_TRUE(ui::doubleClicks({click(30.0, {50, 50}), click(30.8, {50, 50})}, last).empty());
    EXPECT_TRUE(ui::doubleClicks({click(40.0, {50, 50}), click(40.1, {90, 50})}, last).empty());
}

TEST(InputQueue, KeysTypedAfterAClickInOneFrameWaitForTheNextFrame)
{
    // A click on File > Import model... and the path typed at once, all in one slow frame: the keys go to
    // the next frame, when the dialog the click opened has the keyboard; keys before the click stay.
    ui::InputQueue q;
    q.push(key(GLFW_KEY_G, true, ui::kNone, 0.1));
    q.push(click(0.2, {60, 158}));
    q.push(click(0.25, {60, 158}, false));
    q.push(key(GLFW_KEY_E, true, ui::kNone, 0.3));
    q.push(key(GLFW_KEY_E, false, ui::kNone, 0.35));
    q.push(click(0.4, {10, 10}));
    std::vector<InputEvent> now = q.take();
    q.putBack(ui::keysAfterAClick(now));
    ASSERT_EQ(now.size(), 3u);
    EXPECT_EQ(now[0].code, GLFW_KEY_G);
    EXPECT_EQ(now[1].kind, InputEvent::Kind::MouseButton);
    EXPECT_FALSE(now[2].press);
    q.push(key(GLFW_KEY_X, true, ui::kNone, 0.5)); // typed meanwhile: after what was put back
    const std::vector<InputEvent> next = q.take();
    ASSERT_EQ(next.size(), 4u);
    EXPECT_EQ(next[0].code, GLFW_KEY_E);
    EXPECT_TRUE(next[0].press);
    EXPECT_EQ(next[2].kind, InputEvent::Kind::MouseButton);
    EXPECT_EQ(next[3].code, GLFW_KEY_X);
    // A release alone (its press came a frame earlier): ImGui's menu item acts on it, so keys still wait.
    std::vector<InputEvent> afterRelease{click(0.6, {60, 158}, false), key(GLFW_KEY_SLASH, true)};
    EXPECT_EQ(ui::keysAfterAClick(afterRelease).size(), 1u);
    EXPECT_EQ(afterRelease.size(), 1u);
    // Without a click nothing waits.
    std::vector<InputEvent> keys{key(GLFW_KEY_E, true), key(GLFW_KEY_G, true)};
    EXPECT_TRUE(ui::keysAfterAClick(keys).empty());
    EXPECT_EQ(keys.size(), 2u);
}

TEST(InputQueue, CharactersTypedAsADialogOpensWaitForItsField)
{
    ui::InputQueue q;
    // Typed with nothing going on: handed over at the next frame, in order.
    q.pushChar('a');
    q.pushChar('b');
    EXPECT_FALSE(q.empty()) << "waiting characters keep the window awake";
    EXPECT_EQ(q.charsToDeliver(false), (std::vector<unsigned>{'a', 'b'}));
    EXPECT_TRUE(q.empty());
    // A click and "/wo" in one frame: held while the click opens the dialog and its field is not ready,
    // then all of it at once when the field has the keyboard.
    q.push(click(1.0, {60, 158}));
    for (char c : std::string("/wo"))
        q.pushChar(static_cast<unsigned>(c));
    (void)q.take();
    EXPECT_TRUE(q.charsToDeliver(false).empty()); // the frame of the click
    q.pushChar('r');
    EXPECT_TRUE(q.charsToDeliver(true).empty()); // the dialog is drawn, its field not yet active
    EXPECT_EQ(q.charsToDeliver(false), (std::vector<unsigned>{'/', 'w', 'o', 'r'}));
    // A field that never takes the keyboard does not keep them for ever.
    q.pushChar('x');
    int frames = 0;
    while (q.charsToDeliver(true).empty() && frames < 100)
        ++frames;
    EXPECT_EQ(frames, ui::InputQueue::kMaxCharHoldFrames);
}
