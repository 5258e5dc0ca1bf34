// The session's visibility rules without any GL: layers and per-structure overrides combine into render
// styles, x-ray follows the selection's depth, a click passes through what is faint or x-rayed, a new
// model resets the view, and "frame all" stops just below the shoulder blades.
#include "test_scene.h"

#include "session/app_session.h"
#include "session/visibility.h"

#include <gtest/gtest.h>

using namespace ta;

namespace {

struct Scene {
    session::AppSession s;
    explicit Scene(core::AnatomyModel model = ta::testing::makeTestModel())
    {
        s.camera().setViewport(320, 200);
        s.openModel(std::move(model), "test", "/nonexistent-data-dir");
    }
    core::StructureId id(const char* name) const { return s.model().find(name).value(); }
};

} // namespace

TEST(SessionVisibility, LayerAndStructureVisibilityCombine)
{
    Scene f;
    const auto skin = f.id("skin"), skull = f.id("skull"), trap = f.id("trapezius-descending-left");
    session::Visibility& v = f.s.visibility();
    EXPECT_TRUE(f.s.styles()[skin.value].visible);

    v.layer(core::Layer::Skin).visible = false;
    EXPECT_FALSE(f.s.styles()[skin.value].visible);
    EXPECT_TRUE(f.s.styles()[skull.value].visible);

    v.hide(trap);
    EXPECT_FALSE(f.s.styles()[trap.value].visible);
    EXPECT_FALSE(f.s.isVisible(trap));

    v.layer(core::Layer::Bone).opacity = 0.4f;
    v.structure(skull)->opacity = 0.5f;
    EXPECT_NEAR(f.s.styles()[skull.value].opacity, 0.2f, 1e-6f);
}

TEST(SessionVisibility, GhostingFollowsTheSelectionDepth)
{
    Scene f;
    const auto skin = f.id("skin"), skull = f.id("skull"), trap = f.id("trapezius-descending-left");
    session::Visibility& v = f.s.visibility();
    EXPECT_FALSE(f.s.styles()[skin.value].ghost);
    v.setGhost(true); // nothing selected: the skin is x-rayed
    EXPECT_TRUE(f.s.styles()[skin.value].ghost);
    EXPECT_FALSE(f.s.styles()[trap.value].ghost);

    f.s.select(skull); // a bone selected: everything above the bones is x-rayed, the bone is not
    EXPECT_TRUE(f.s.styles()[skin.value].ghost);
    EXPECT_TRUE(f.s.styles()[trap.value].ghost);
    EXPECT_FALSE(f.s.styles()[skull.value].ghost);
    EXPECT_GT(f.s.styles()[skull.value].highlight, 0.0f);
    EXPECT_EQ(f.s.styles()[trap.value].highlight, 0.0f);

    v.setGhost(false);
    EXPECT_FALSE(f.s.styles()[trap.value].ghost);
    v.structure(trap)->ghost = true; // a per-structure x-ray stays on
    EXPECT_TRUE(f.s.styles()[trap.value].ghost);
}

TEST(SessionVisibility, FaintStructuresLetTheClickThrough)
{
    Scene f;
    const auto skin = f.id("skin");
    session::Visibility& v = f.s.visibility();
    EXPECT_TRUE(v.pickFilter(f.s.model(), std::nullopt).accepts(skin));
    v.layer(core::Layer::Skin).opacity = session::Visibility::kClickThroughOpacity - 0.01f;
    EXPECT_TRUE(f.s.isVisible(skin)); // still drawn...
    EXPECT_FALSE(v.pickFilter(f.s.model(), std::nullopt).accepts(skin)); // ...but clicks pass through it
    v.layer(core::Layer::Skin).opacity = session::Visibility::kClickThroughOpacity;
    EXPECT_TRUE(v.pickFilter(f.s.model(), std::nullopt).accepts(skin));
    v.setGhost(true); // x-rayed: never clickable
    EXPECT_FALSE(v.pickFilter(f.s.model(), std::nullopt).accepts(skin));
}

TEST(SessionVisibility, PeelRestoresInOrderAndNeverHidesTheLastLayer)
{
    Scene f;
    session::Visibility& v = f.s.visibility();
    EXPECT_EQ(f.s.peel(), core::Layer::Skin);
    EXPECT_EQ(f.s.peel(), core::Layer::Superficial);
    EXPECT_EQ(f.s.restore(), core::Layer::Superficial);
    EXPECT_TRUE(v.layer(core::Layer::Superficial).visible);
    EXPECT_FALSE(v.layer(core::Layer::Skin).visible);
    for (int i = 0; i < 10; ++i)
        f.s.peel();
    int visible = 0;
    for (core::Layer l : core::kAllLayers)
        visible += v.layer(l).visible ? 1 : 0;
    EXPECT_EQ(visible, 1);
    EXPECT_TRUE(v.layer(core::Layer::Bone).visible);
    EXPECT_NE(f.s.message().find("Only one layer"), std::string::npos);
}

TEST(SessionVisibility, NewModelResetsSelectionVisibilityAndOverlays)
{
    Scene f;
    f.s.select(f.id("skull"));
    f.s.visibility().hide(f.id("skin"));
    f.s.update(0.0);
    f.s.openModel(ta::testing::makeTestModel(), "again", "/nonexistent-data-dir");
    EXPECT_FALSE(f.s.selected().has_value());
    EXPECT_TRUE(f.s.isVisible(f.id("skin")));
    EXPECT_TRUE(f.s.overlays().referral.empty());
    EXPECT_TRUE(f.s.overlays().pain.empty());
    EXPECT_FALSE(f.s.undoStack().canUndo());
}

TEST(SessionFraming, HomeViewStopsJustBelowTheShoulderBlades)
{
    core::AnatomyModel model = ta::testing::makeTestModel();
    const core::Aabb all = model.bounds();
    {
        Scene plain(model);
        EXPECT_EQ(plain.s.homeBounds().min.y, plain.s.visibleBounds().min.y); // no scapular landmarks
    }
    // Inferior angles a little above the bottom of the model: the home view ends 3 cm below the lower one.
    const float lower = all.min.y + 0.3f * (all.max.y - all.min.y);
    model.landmarks.push_back({"scapula-inferior-angle-left", "left", {0.1f, lower + 0.01f, 0.0f}});
    model.landmarks.push_back({"scapula-inferior-angle-right", "right", {-0.1f, lower, 0.0f}});
    Scene f(model);
    const core::Aabb home = f.s.homeBounds();
    EXPECT_NEAR(home.min.y, lower - 0.03f, 1e-6f);
    EXPECT_EQ(home.max, f.s.visibleBounds().max);
    EXPECT_EQ(home.min.x, f.s.visibleBounds().min.x);

    // A cut at or below the bottom changes nothing.
    model.landmarks[1].position.y = all.min.y - 0.1f;
    Scene low(model);
    EXPECT_EQ(low.s.homeBounds().min.y, low.s.visibleBounds().min.y);
}
