// The application session without a GL context: picking through x-rayed and peeled layers, isolation,
// --layers lists, undo of view changes, and tags placed by clicking.
#include "test_scene.h"

#include "core/error.h"
#include "session/app_session.h"

#include <gtest/gtest.h>

namespace {

using namespace ta;

struct Fixture {
    session::AppSession s;
    Fixture()
    {
        s.camera().setViewport(800, 500);
        s.openModel(ta::testing::makeTestModel(), "test-scene", "/nonexistent-data-dir"); // no trigger-point data: everything else must work
        s.camera().applyPreset(core::ViewPreset::Posterior, true);
        s.camera().snap();
        s.history().reset(); // the start-up view is not an undo step
    }
    core::StructureId id(const char* name) const { return s.model().find(name).value(); }
    /// The pixel where a model point appears.
    glm::vec2 pixelOf(const glm::vec3& p) const
    {
        const auto q = s.camera().project(p);
        return q ? glm::vec2(q->x, q->y) : glm::vec2(-1.0f);
    }
};

TEST(SessionExplore, MissingDataIsReportedNotFatal)
{
    Fixture f;
    EXPECT_FALSE(f.s.catalog().loaded());
    EXPECT_TRUE(f.s.messageIsError());
    EXPECT_NE(f.s.message().find("trigger-point data"), std::string::npos);
}

TEST(SessionExplore, PickingSkipsHiddenAndGhostedLayers)
{
    Fixture f;
    const glm::vec3 onTrap{0.09f, 1.45f, -0.08f}; // the back of the left trapezius
    const glm::vec2 px = f.pixelOf(onTrap);
    auto hit = f.s.pick(px);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, f.id("skin")); // skin covers everything
    f.s.visibility().setGhost(true);                      // x-ray the skin: the click goes through
    hit = f.s.pick(px);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, f.id("trapezius-descending-left"));
    f.s.visibility().setGhost(false);
    f.s.peel(); // skin
    hit = f.s.pick(px);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, f.id("trapezius-descending-left"));
    f.s.peel(); // superficial muscles
    hit = f.s.pick(px);
    EXPECT_TRUE(!hit || hit->structure != f.id("trapezius-descending-left"));
    EXPECT_EQ(f.s.restore(), core::Layer::Superficial);
    EXPECT_EQ(f.s.restore(), core::Layer::Skin);
    EXPECT_FALSE(f.s.restore());
}

// A screenshot picks nothing, so opening a model builds no BVH; the first pick builds it, and a new model
// drops the old one.
TEST(SessionExplore, ThePickingBvhIsBuiltOnTheFirstPickOnly)
{
    Fixture f;
    EXPECT_FALSE(f.s.bvhBuilt());
    f.s.update(0.0);
    EXPECT_FALSE(f.s.bvhBuilt());
    const auto hit = f.s.pick(f.pixelOf({0.09f, 1.45f, -0.08f}));
    ASSERT_TRUE(hit);
    EXPECT_TRUE(f.s.bvhBuilt());
    f.s.openModel(ta::testing::makeTestModel(), "test-scene", "/nonexistent-data-dir");
    EXPECT_FALSE(f.s.bvhBuilt());
    EXPECT_TRUE(f.s.pick(f.pixelOf({0.09f, 1.45f, -0.08f})));
}

TEST(SessionExplore, IsolateShowAllAndLayerLists)
{
    Fixture f;
    f.s.isolate(f.id("trapezius-descending-left"));
    EXPECT_TRUE(f.s.isVisible(f.id("trapezius-descending-left")));
    EXPECT_TRUE(f.s.isVisible(f.id("skull")));  // bones stay as reference
    EXPECT_FALSE(f.s.isVisible(f.id("skin")));
    EXPECT_FALSE(f.s.isVisible(f.id("trapezius-descending-right")));
    EXPECT_EQ(f.s.selected(), f.id("trapezius-descending-left"));
    f.s.showAll();
    EXPECT_TRUE(f.s.isVisible(f.id("skin")));

    f.s.setLayers("skin, bone");
    EXPECT_TRUE(f.s.visibility().layer(core::Layer::Skin).visible);
    EXPECT_FALSE(f.s.visibility().layer(core::Layer::Superficial).visible);
    EXPECT_TRUE(f.s.visibility().layer(core::Layer::Bone).visible);
    f.s.setLayers("muscles");
    EXPECT_FALSE(f.s.visibility().layer(core::Layer::Skin).visible);
    EXPECT_TRUE(f.s.visibility().layer(core::Layer::Deep).visible);
    try {
        f.s.setLayers("skin,bones,teeth");
        ADD_FAILURE() << "an unknown layer was accepted";
    } catch (const ArgumentError& e) {
        EXPECT_NE(std::string(e.what()).find("\"teeth\""), std::string::npos);
    }
    EXPECT_THROW(f.s.setLayers(" , "), ArgumentError);
    EXPECT_TRUE(f.s.visibility().layer(core::Layer::Deep).visible); // a refused list changes nothing
}

TEST(SessionExplore, ViewChangesUndoAndRedo)
{
    Fixture f;
    f.s.update(0.0); // baseline
    f.s.peel();
    f.s.update(0.1);
    f.s.toggleGhost();
    f.s.update(5.0);
    f.s.select(f.id("skull"));
    f.s.update(10.0);
    EXPECT_FALSE(f.s.visibility().layer(core::Layer::Skin).visible);
    EXPECT_TRUE(f.s.visibility().ghost());
    f.s.undo(); // selection
    EXPECT_FALSE(f.s.selected().has_value());
    f.s.undo(); // ghost (a separate step: more than a second later)
    EXPECT_FALSE(f.s.visibility().ghost());
    f.s.update(11.0); // the undo itself must not be recorded as a new change
    f.s.undo(); // peel
    EXPECT_TRUE(f.s.visibility().layer(core::Layer::Skin).visible);
    EXPECT_FALSE(f.s.undoStack().canUndo());
    f.s.redo();
    EXPECT_FALSE(f.s.visibility().layer(core::Layer::Skin).visible);
}

TEST(SessionExplore, TagToolPlacesTagsOnMusclesOnly)
{
    Fixture f;
    f.s.update(0.0);
    f.s.setTool(session::Tool::Tag);
    EXPECT_EQ(f.s.tool(), session::Tool::Tag);
    EXPECT_TRUE(f.s.visibility().ghost()); // the tool x-rays the skin so the muscles show
    // Clicking bone: refused with a message.
    auto hit = f.s.pickUnderSkin(f.pixelOf({0.0f, 1.62f, -0.095f}));
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, f.id("skull"));
    f.s.tagAt(*hit);
    EXPECT_EQ(f.s.bodyMap().map().tagCount(), 0u);
    EXPECT_TRUE(f.s.messageIsError());
    // Clicking over the trapezius, even with the skin drawn opaque, lands on the muscle.
    f.s.visibility().setGhost(false);
    hit = f.s.pickUnderSkin(f.pixelOf({0.09f, 1.45f, -0.08f}));
    ASSERT_TRUE(hit);
    f.s.tagAt(*hit);
    ASSERT_EQ(f.s.bodyMap().map().tagCount(), 1u);
    ASSERT_TRUE(f.s.selectedTag());
    EXPECT_EQ(f.s.bodyMap().tag(*f.s.selectedTag())->structure, "trapezius-descending-left");
    f.s.update(0.5);
    // Its marker is drawn and clickable where it is.
    ASSERT_FALSE(f.s.pickableMarkers().empty());
    const auto m = f.s.pickMarker(f.pixelOf(f.s.bodyMap().tag(*f.s.selectedTag())->position), 6.0f);
    ASSERT_TRUE(m);
    EXPECT_TRUE(std::holds_alternative<core::TagId>(m->target));
    // Delete, then undo brings it back.
    f.s.deleteSelectedTag();
    EXPECT_EQ(f.s.bodyMap().map().tagCount(), 0u);
    f.s.undo();
    EXPECT_EQ(f.s.bodyMap().map().tagCount(), 1u);
}

} // namespace
