// Visibility: layers, peeling, isolation, ghost mode, and which structures a click may land on.
#include "core/history/undo_stack.h"
#include "core/history/value_command.h"
#include "core/visibility/visibility_state.h"

#include <gtest/gtest.h>

#include <memory>

namespace {

using namespace ta::core;

AnatomyModel model()
{
    AnatomyModel m;
    m.structures.push_back({.id = "skin", .layer = Layer::Skin, .kind = Kind::Skin});
    m.structures.push_back({.id = "trapezius-descending-left", .layer = Layer::Superficial, .kind = Kind::Muscle});
    m.structures.push_back({.id = "levator-scapulae-left", .layer = Layer::Intermediate, .kind = Kind::Muscle});
    m.structures.push_back({.id = "rectus-capitis-posterior-major-left", .layer = Layer::Deep, .kind = Kind::Muscle});
    m.structures.push_back({.id = "c2", .layer = Layer::Bone, .kind = Kind::Bone});
    return m;
}

constexpr StructureId kSkin{0}, kTrap{1}, kLevator{2}, kRectus{3}, kC2{4};

TEST(VisibilityState, PeelAndRestoreOneLayerAtATime)
{
    const AnatomyModel m = model();
    VisibilityState v(m.structures.size());
    EXPECT_EQ(v.peel(), Layer::Skin);
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Hidden);
    EXPECT_EQ(v.peel(), Layer::Superficial);
    EXPECT_EQ(v.peel(), Layer::Intermediate);
    EXPECT_EQ(v.peel(), Layer::Deep);
    EXPECT_FALSE(v.peel()); // bone stays
    EXPECT_EQ(v.drawMode(m, kC2), DrawMode::Opaque);
    EXPECT_EQ(v.restore(), Layer::Deep);
    EXPECT_EQ(v.restore(), Layer::Intermediate);
    EXPECT_EQ(v.drawMode(m, kLevator), DrawMode::Opaque);
    EXPECT_EQ(v.drawMode(m, kTrap), DrawMode::Hidden);

    // Restore without a peel history shows the layer just outside the outermost visible one.
    v.showOnlyLayers({Layer::Bone});
    EXPECT_EQ(v.restore(), Layer::Deep);
    EXPECT_EQ(v.restore(), Layer::Intermediate);
    v.showAll();
    EXPECT_FALSE(v.restore());
}

TEST(VisibilityState, GhostedLayersAreDrawnFaintAndLetClicksThrough)
{
    const AnatomyModel m = model();
    VisibilityState v(m.structures.size());
    v.setGhost(true);
    // No focus: only the skin is ghosted.
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Ghosted);
    EXPECT_EQ(v.drawMode(m, kTrap), DrawMode::Opaque);
    EXPECT_FLOAT_EQ(v.opacity(m, kSkin), VisibilityState::kGhostOpacity);
    PickFilter f = v.pickFilter(m);
    EXPECT_FALSE(f.accepts(kSkin));
    EXPECT_TRUE(f.accepts(kTrap));

    // Looking at levator scapulae (intermediate): skin and superficial muscles become ghosts.
    v.setFocusLayer(Layer::Intermediate);
    EXPECT_EQ(v.drawMode(m, kTrap), DrawMode::Ghosted);
    EXPECT_EQ(v.drawMode(m, kLevator), DrawMode::Opaque);
    f = v.pickFilter(m);
    EXPECT_FALSE(f.accepts(kTrap));
    EXPECT_TRUE(f.accepts(kLevator));
    EXPECT_TRUE(f.accepts(kC2));

    // Ghost off: everything opaque and pickable again.
    v.setGhost(false);
    EXPECT_TRUE(v.pickFilter(m).accepts(kSkin));
}

TEST(VisibilityState, OpacityAndHiddenStructures)
{
    const AnatomyModel m = model();
    VisibilityState v(m.structures.size());
    v.setLayerOpacity(Layer::Skin, 0.6f);
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Translucent);
    EXPECT_TRUE(v.pickFilter(m).accepts(kSkin));
    v.setLayerOpacity(Layer::Skin, 0.2f); // see-through: clicks pass
    EXPECT_FALSE(v.pickFilter(m).accepts(kSkin));
    v.setLayerOpacity(Layer::Skin, 7.0f);
    EXPECT_FLOAT_EQ(v.layerOpacity(Layer::Skin), 1.0f);
    v.setLayerOpacity(Layer::Skin, 0.0f);
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Hidden);

    v.setStructureHidden(kTrap, true);
    EXPECT_EQ(v.drawMode(m, kTrap), DrawMode::Hidden);
    EXPECT_FALSE(v.pickFilter(m).accepts(kTrap));
    EXPECT_EQ(v.drawMode(m, StructureId{99}), DrawMode::Hidden);
    v.showAll();
    EXPECT_EQ(v.drawMode(m, kTrap), DrawMode::Opaque);
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Opaque);
}

TEST(VisibilityState, IsolationShowsOnlyTheChosen)
{
    const AnatomyModel m = model();
    VisibilityState v(m.structures.size());
    v.setLayerVisible(Layer::Deep, false);
    v.isolate({kRectus, kC2});
    EXPECT_TRUE(v.isolating());
    EXPECT_EQ(v.drawMode(m, kRectus), DrawMode::Opaque); // isolation wins over the hidden layer
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Hidden);
    EXPECT_EQ(v.drawMode(m, kTrap), DrawMode::Hidden);
    const PickFilter f = v.pickFilter(m);
    EXPECT_TRUE(f.accepts(kRectus));
    EXPECT_FALSE(f.accepts(kSkin));
    v.clearIsolation();
    EXPECT_EQ(v.drawMode(m, kRectus), DrawMode::Hidden);
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Opaque);
}

TEST(VisibilityState, SnapshotsUndoThroughTheStack)
{
    const AnatomyModel m = model();
    VisibilityState v(m.structures.size());
    UndoStack stack;
    auto change = [&](auto&& edit) {
        VisibilityState before = v, after = v;
        edit(after);
        stack.execute(std::make_unique<ValueCommand<VisibilityState>>("Visibility", before, after,
                                                                      [&](const VisibilityState& s) { v = s; }));
    };
    change([](VisibilityState& s) { s.peel(); });
    change([](VisibilityState& s) { s.setGhost(true); });
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Hidden);
    EXPECT_TRUE(v.ghost());
    stack.undo();
    EXPECT_FALSE(v.ghost());
    stack.undo();
    EXPECT_EQ(v.drawMode(m, kSkin), DrawMode::Opaque);
    EXPECT_EQ(v, VisibilityState(m.structures.size()));
    change([](VisibilityState&) {}); // no change: not recorded
    EXPECT_EQ(stack.undoCount(), 0u);
}

} // namespace
