// Undo stack: order, redo, coalescing of drags, limits.
#include "core/history/undo_stack.h"
#include "core/history/value_command.h"

#include <gtest/gtest.h>

#include <memory>

namespace {

using namespace ta::core;

constexpr std::uint32_t kOrbit = 1;
constexpr std::uint32_t kOpacity = 2;

struct Fixture {
    int view = 0;
    float opacity = 1.0f;
    UndoStack stack;

    void setView(int v, double t, std::uint32_t key = kOrbit)
    {
        stack.execute(std::make_unique<ValueCommand<int>>("Rotate view", view, v, [this](const int& x) { view = x; }, key), t);
    }
    void setOpacity(float v, double t)
    {
        stack.execute(std::make_unique<ValueCommand<float>>("Skin opacity", opacity, v,
                                                           [this](const float& x) { opacity = x; }, kOpacity), t);
    }
};

TEST(HistoryUndoStack, UndoRedoInOrder)
{
    Fixture f;
    f.setView(1, 0.0, 0);
    f.setView(2, 0.1, 0);
    f.setOpacity(0.5f, 0.2);
    EXPECT_EQ(f.stack.undoCount(), 3u);
    EXPECT_EQ(f.stack.undoLabel(), "Skin opacity");
    EXPECT_TRUE(f.stack.undo());
    EXPECT_FLOAT_EQ(f.opacity, 1.0f);
    EXPECT_TRUE(f.stack.undo());
    EXPECT_EQ(f.view, 1);
    EXPECT_EQ(f.stack.redoLabel(), "Rotate view");
    EXPECT_TRUE(f.stack.redo());
    EXPECT_EQ(f.view, 2);
    EXPECT_TRUE(f.stack.undo());
    EXPECT_TRUE(f.stack.undo());
    EXPECT_EQ(f.view, 0);
    EXPECT_FALSE(f.stack.undo());
    EXPECT_EQ(f.stack.undoLabel(), "");
    EXPECT_EQ(f.stack.redoCount(), 3u);
}

TEST(HistoryUndoStack, NewChangeDropsRedo)
{
    Fixture f;
    f.setView(1, 0.0, 0);
    f.setView(2, 0.1, 0);
    f.stack.undo();
    f.setView(5, 0.2, 0);
    EXPECT_FALSE(f.stack.canRedo());
    f.stack.undo();
    EXPECT_EQ(f.view, 1);
}

TEST(HistoryUndoStack, DragCoalescesIntoOneStep)
{
    Fixture f;
    for (int i = 1; i <= 30; ++i)
        f.setView(i, i * 0.016); // a drag, one change per frame
    EXPECT_EQ(f.stack.undoCount(), 1u);
    f.stack.undo();
    EXPECT_EQ(f.view, 0); // back to before the drag, in one step
    f.stack.redo();
    EXPECT_EQ(f.view, 30);
}

TEST(HistoryUndoStack, CoalescingBreaksOnKindTimeUndoAndRelease)
{
    Fixture f;
    f.setView(1, 0.0);
    f.setView(2, 0.1);
    f.setOpacity(0.5f, 0.2);  // another kind: new step
    f.setView(3, 0.3);        // orbit again, after another kind: new step
    EXPECT_EQ(f.stack.undoCount(), 3u);
    f.setView(4, 5.0);        // long pause: new step
    EXPECT_EQ(f.stack.undoCount(), 4u);
    f.stack.breakCoalescing(); // mouse released
    f.setView(5, 5.1);
    EXPECT_EQ(f.stack.undoCount(), 5u);
    f.stack.undo();
    f.stack.redo();
    f.setView(6, 5.2);        // after undo/redo: new step
    EXPECT_EQ(f.stack.undoCount(), 6u);
    f.stack.undo();
    EXPECT_EQ(f.view, 5);
}

TEST(HistoryUndoStack, NoOpStepsAreNotRecorded)
{
    Fixture f;
    f.setView(0, 0.0, 0); // same value
    EXPECT_FALSE(f.stack.canUndo());
    f.setView(3, 1.0);
    f.setView(0, 1.1); // the drag returned to where it began
    EXPECT_FALSE(f.stack.canUndo());
    EXPECT_EQ(f.view, 0);
}

TEST(HistoryUndoStack, LimitDropsOldestSteps)
{
    int value = 0;
    UndoStack stack(3);
    for (int i = 1; i <= 5; ++i)
        stack.execute(std::make_unique<ValueCommand<int>>("Set", value, i, [&](const int& x) { value = x; }));
    EXPECT_EQ(stack.undoCount(), 3u);
    while (stack.undo()) {
    }
    EXPECT_EQ(value, 2); // steps 1->2 and earlier were forgotten
    stack.clear();
    EXPECT_FALSE(stack.canUndo());
    EXPECT_FALSE(stack.canRedo());
    stack.push(nullptr); // ignored
    EXPECT_FALSE(stack.canUndo());
}

} // namespace
