// The explore state without a GL context: actions, peeling, isolation, --layers, picking through ghosted
// layers, tags placed by clicking, and undo of view changes.
#include "test_scene.h"
#include "ui/action_table.h"
#include "ui/explore_state.h"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace ta;

struct Fixture {
    ui::AppState app;
    ui::ExploreState ex{app};
    Fixture()
    {
        app.camera.setViewport(800, 500);
        app.setModel(ta::testing::makeTestModel(), "test-scene");
        ex.modelChanged("/nonexistent-data-dir"); // no trigger-point data: everything else must work
        app.camera.applyPreset(core::ViewPreset::Posterior, true);
        app.camera.snap();
        ex.history.reset(app); // the start-up view is not an undo step
    }
    core::StructureId id(const char* name) const { return app.model.find(name); }
    /// The pixel where a model point appears.
    glm::vec2 pixelOf(const glm::vec3& p) const
    {
        const auto q = app.camera.project(p);
        return q ? glm::vec2(q->x, q->y) : glm::vec2(-1.0f);
    }
};

TEST(ExploreActions, EveryActionHasAMenuAndUniqueShortcuts)
{
    std::set<std::pair<int, unsigned>> seen;
    for (const auto& a : ui::allActions()) {
        EXPECT_NE(std::string(a.menu), "") << a.label;
        EXPECT_GE(a.shortcut.key, 0) << a.label << " has no shortcut";
        for (const auto& s : {a.shortcut, a.alternate}) {
            if (s.key < 0)
                continue;
            EXPECT_TRUE(seen.insert({s.key, s.modifiers}).second) << "shortcut " << ui::shortcutText(s) << " used twice";
        }
        EXPECT_EQ(ui::action(a.id).label, a.label);
    }
    EXPECT_EQ(ui::shortcutText(ui::action(ui::ActionId::SaveBodyMapAs).shortcut), "Ctrl+Shift+S");
    EXPECT_EQ(ui::shortcutText(ui::action(ui::ActionId::ShortcutHelp).shortcut), "F1");
}

TEST(ExploreState, MissingDataIsReportedNotFatal)
{
    Fixture f;
    EXPECT_FALSE(f.ex.catalog.loaded());
    EXPECT_TRUE(f.ex.messageIsError());
    EXPECT_NE(f.ex.message().find("trigger-point data"), std::string::npos);
}

TEST(ExploreState, PickingSkipsHiddenAndGhostedLayers)
{
    Fixture f;
    const glm::vec3 onTrap{0.09f, 1.45f, -0.08f}; // the back of the left trapezius
    const glm::vec2 px = f.pixelOf(onTrap);
    auto hit = f.ex.pick(px);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, f.id("skin")); // skin covers everything
    f.app.ghost = true;                      // x-ray the skin: the click goes through
    hit = f.ex.pick(px);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, f.id("trapezius-descending-left"));
    f.app.ghost = false;
    f.ex.peel(); // skin
    hit = f.ex.pick(px);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, f.id("trapezius-descending-left"));
    f.ex.peel(); // superficial muscles
    hit = f.ex.pick(px);
    EXPECT_TRUE(!hit || hit->structure != f.id("trapezius-descending-left"));
    EXPECT_EQ(f.ex.restore(), core::Layer::Superficial);
    EXPECT_EQ(f.ex.restore(), core::Layer::Skin);
    EXPECT_FALSE(f.ex.restore());
}

TEST(ExploreState, IsolateShowAllAndLayerLists)
{
    Fixture f;
    f.ex.isolate(f.id("trapezius-descending-left"));
    EXPECT_TRUE(f.app.isVisible(f.id("trapezius-descending-left")));
    EXPECT_TRUE(f.app.isVisible(f.id("skull")));  // bones stay as reference
    EXPECT_FALSE(f.app.isVisible(f.id("skin")));
    EXPECT_FALSE(f.app.isVisible(f.id("trapezius-descending-right")));
    EXPECT_EQ(f.app.selected, f.id("trapezius-descending-left"));
    f.ex.showAll();
    EXPECT_TRUE(f.app.isVisible(f.id("skin")));

    std::string error;
    EXPECT_TRUE(f.ex.setLayers("skin, bone", error));
    EXPECT_TRUE(f.app.layer(core::Layer::Skin).visible);
    EXPECT_FALSE(f.app.layer(core::Layer::Superficial).visible);
    EXPECT_TRUE(f.app.layer(core::Layer::Bone).visible);
    EXPECT_TRUE(f.ex.setLayers("muscles", error));
    EXPECT_FALSE(f.app.layer(core::Layer::Skin).visible);
    EXPECT_TRUE(f.app.layer(core::Layer::Deep).visible);
    EXPECT_FALSE(f.ex.setLayers("skin,bones,teeth", error));
    EXPECT_NE(error.find("\"teeth\""), std::string::npos);
    EXPECT_FALSE(f.ex.setLayers(" , ", error));
}

TEST(ExploreState, ViewChangesUndoAndRedo)
{
    Fixture f;
    f.ex.update(0.0); // baseline
    f.ex.run(ui::ActionId::PeelLayer);
    f.ex.update(0.1);
    f.ex.run(ui::ActionId::ToggleGhost);
    f.ex.update(5.0);
    f.ex.select(f.id("skull"));
    f.ex.update(10.0);
    EXPECT_FALSE(f.app.layer(core::Layer::Skin).visible);
    EXPECT_TRUE(f.app.ghost);
    f.ex.run(ui::ActionId::Undo); // selection
    EXPECT_FALSE(f.app.selected.has_value());
    f.ex.run(ui::ActionId::Undo); // ghost (a separate step: more than a second later)
    EXPECT_FALSE(f.app.ghost);
    f.ex.update(11.0); // the undo itself must not be recorded as a new change
    f.ex.run(ui::ActionId::Undo); // peel
    EXPECT_TRUE(f.app.layer(core::Layer::Skin).visible);
    EXPECT_FALSE(f.ex.undo.canUndo());
    f.ex.run(ui::ActionId::Redo);
    EXPECT_FALSE(f.app.layer(core::Layer::Skin).visible);
}

TEST(ExploreState, TagToolPlacesTagsOnMusclesOnly)
{
    Fixture f;
    f.ex.update(0.0);
    f.ex.run(ui::ActionId::TagTool);
    EXPECT_TRUE(f.ex.tagTool);
    EXPECT_TRUE(f.app.ghost); // the tool x-rays the skin so the muscles show
    // Clicking bone: refused with a message.
    auto hit = f.ex.pickUnderSkin(f.pixelOf({0.0f, 1.62f, -0.095f}));
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, f.id("skull"));
    f.ex.tagAt(*hit);
    EXPECT_EQ(f.ex.bodyMap.map().tagCount(), 0u);
    EXPECT_TRUE(f.ex.messageIsError());
    // Clicking over the trapezius, even with the skin drawn opaque, lands on the muscle.
    f.app.ghost = false;
    hit = f.ex.pickUnderSkin(f.pixelOf({0.09f, 1.45f, -0.08f}));
    ASSERT_TRUE(hit);
    f.ex.tagAt(*hit);
    ASSERT_EQ(f.ex.bodyMap.map().tagCount(), 1u);
    ASSERT_TRUE(f.ex.selectedTag);
    EXPECT_EQ(f.ex.bodyMap.tag(*f.ex.selectedTag)->structure, "trapezius-descending-left");
    f.ex.update(0.5);
    // Its marker is drawn and clickable where it is.
    ASSERT_FALSE(f.ex.pickableMarkers().empty());
    const auto m = f.ex.pickMarker(f.pixelOf(f.ex.bodyMap.tag(*f.ex.selectedTag)->position), 6.0f);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->kind, ui::PickableMarker::Kind::Tag);
    // Delete, then undo brings it back.
    f.ex.run(ui::ActionId::DeleteTag);
    EXPECT_EQ(f.ex.bodyMap.map().tagCount(), 0u);
    f.ex.run(ui::ActionId::Undo);
    EXPECT_EQ(f.ex.bodyMap.map().tagCount(), 1u);
}

} // namespace
