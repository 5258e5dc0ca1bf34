// The pain brush on the committed model with the clinical data: a stroke is one undoable step painted on
// the skin; a drawing of the upper trapezius trigger point 1's own zones is explained by that trigger point
// on the same side; last session's drawing shows until today's begins. No rendering: the drawing and the
// lookup are state that the frame loop uploads and the panel lists.
#include "test_model_path.h"

#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/app_session.h"

#include "core/bodymap/pain_drawing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

using namespace ta;

namespace {

std::filesystem::path modelPath() { return ta::testing::testModelPath(); }

struct PainScene {
    session::AppSession ex;
    core::StructureId skin;

    PainScene()
    {
        ex.camera().setViewport(640, 480);
        ex.openModel(io::loadModel(modelPath()), modelPath(), io::assetPath("data"));
        ex.bodyMap().setSessionDate("2026-11-30");
        skin = ex.model().find("skin").value();
    }
    std::size_t painted() const
    {
        const auto& w = ex.overlays().pain.values();
        if (skin.value >= w.size())
            return 0;
        return static_cast<std::size_t>(std::count_if(w[skin.value].begin(), w[skin.value].end(), [](float v) { return v > 0.0f; }));
    }
};

#define REQUIRE_MODEL()                                                                                         \
    if (!std::filesystem::exists(modelPath()))                                                                  \
    GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath()

TEST(SessionPain, AStrokeIsOneUndoableStepPaintedOnTheSkin)
{
    REQUIRE_MODEL();
    PainScene s;
    // Aim at the left temple from the left, as a user would.
    s.ex.camera().applyPreset(core::ViewPreset::Left, true);
    s.ex.camera().frame(s.ex.model().get(s.ex.model().find("skull"))->mesh.bounds(), true);
    s.ex.camera().snap();
    const auto px = s.ex.camera().project(s.ex.model().landmark("pterion-left")->position);
    ASSERT_TRUE(px);
    const auto hit = s.ex.pick({px->x, px->y});
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, s.skin);

    s.ex.setTool(session::Tool::Pain);
    s.ex.painAt(*hit);
    core::PickHit near = *hit, far = *hit;
    near.point += glm::vec3(0.0f, 0.002f, 0.0f); // closer than half the brush: no new mark
    far.point += glm::vec3(0.0f, 0.025f, 0.0f);
    s.ex.painAt(near);
    s.ex.painAt(far);
    s.ex.update(0.0);
    EXPECT_EQ(s.ex.pain().shownMarks().size(), 2u);
    EXPECT_GT(s.painted(), 20u) << "the stroke in progress shows on the skin";
    EXPECT_TRUE(s.ex.pain().sources().empty()) << "the lookup waits for the end of the stroke";

    s.ex.endPainStroke();
    s.ex.update(0.1);
    EXPECT_EQ(core::painMarksOf(s.ex.bodyMap().map(), "2026-11-30").size(), 2u);
    EXPECT_FALSE(s.ex.pain().sources().empty()) << "pain at the temple has documented sources";
    for (const auto& src : s.ex.pain().sources())
        EXPECT_EQ(s.ex.catalog().instance(src.triggerPoint).key.side, core::Side::Left) << s.ex.catalog().key(src.triggerPoint);

    s.ex.undo();
    s.ex.update(0.2);
    EXPECT_EQ(core::painMarksOf(s.ex.bodyMap().map(), "").size(), 0u);
    EXPECT_EQ(s.painted(), 0u);
    EXPECT_TRUE(s.ex.pain().sources().empty());
    s.ex.redo();
    s.ex.update(0.3);
    EXPECT_EQ(s.ex.pain().shownMarks().size(), 2u);

    // Ctrl+drag over the first mark erases it (and only it), live, and as one step when the stroke ends.
    s.ex.eraseAt(*hit);
    s.ex.update(0.4);
    EXPECT_EQ(s.ex.pain().shownMarks().size(), 1u) << "the erased mark vanishes at once";
    EXPECT_EQ(core::painMarksOf(s.ex.bodyMap().map(), "2026-11-30").size(), 2u) << "the map changes at the end";
    s.ex.endPainStroke();
    s.ex.update(0.5);
    EXPECT_EQ(core::painMarksOf(s.ex.bodyMap().map(), "2026-11-30").size(), 1u);
    s.ex.undo();
    s.ex.update(0.6);
    EXPECT_EQ(core::painMarksOf(s.ex.bodyMap().map(), "2026-11-30").size(), 2u);

    // The tag tool and the brush exclude each other (one tool in hand).
    s.ex.setTool(session::Tool::Tag);
    EXPECT_NE(s.ex.tool(), session::Tool::Pain);
    s.ex.setTool(session::Tool::None);
    EXPECT_EQ(s.ex.tool(), session::Tool::None);
}

TEST(SessionPain, ADrawingOfAZoneIsExplainedByItsTriggerPointOnTheSameSide)
{
    REQUIRE_MODEL();
    PainScene s;
    ASSERT_TRUE(s.ex.catalog().loaded()) << s.ex.message();
    for (const char* key : {"trapezius.upper.trp1-left", "sternocleidomastoid.sternal.middle-right"}) {
        const auto trp = s.ex.catalog().find(key);
        ASSERT_TRUE(trp) << key;
        // The client draws where this trigger point's essential zone lies.
        s.ex.showTriggerPoint(trp);
        s.ex.update(0.0);
        std::vector<core::PainMark> marks;
        for (const glm::vec3& c : s.ex.zoneCentres())
            marks.push_back({.structure = "skin", .position = c, .radius = 0.025f, .intensity = 7});
        ASSERT_FALSE(marks.empty()) << key;
        s.ex.showTriggerPoint(std::nullopt);
        s.ex.bodyMap().clearSessionPain();
        s.ex.bodyMap().addPainMarks(marks);
        s.ex.update(0.1);
        const auto& sources = s.ex.pain().sources();
        ASSERT_FALSE(sources.empty()) << key;
        std::vector<std::string> top;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, sources.size()); ++i)
            top.push_back(s.ex.catalog().key(sources[i].triggerPoint));
        EXPECT_NE(std::find(top.begin(), top.end(), key), top.end())
            << key << " not among the first three: " << top[0] << (top.size() > 1 ? ", " + top[1] : "");
        EXPECT_EQ(s.ex.catalog().instance(sources.front().triggerPoint).key.side, s.ex.catalog().instance(*trp).key.side) << key;
        EXPECT_FALSE(sources.front().hit.reason.empty());
    }
}

TEST(SessionPain, LastSessionsDrawingShowsUntilTodaysBegins)
{
    REQUIRE_MODEL();
    PainScene s;
    const glm::vec3 temple = s.ex.model().landmark("pterion-left")->position + glm::vec3(0.012f, 0.0f, 0.0f);
    s.ex.bodyMap().setSessionDate("2026-11-20");
    s.ex.bodyMap().addPainMarks({{.structure = "skin", .position = temple, .radius = 0.02f, .intensity = 6},
                               {.structure = "skin", .position = temple + glm::vec3(0, 0.02f, 0), .radius = 0.02f, .intensity = 6}});
    s.ex.bodyMap().setSessionDate("2026-11-30");
    s.ex.update(0.0);
    EXPECT_EQ(s.ex.pain().shownDate(), "2026-11-20");
    EXPECT_EQ(s.ex.pain().shownMarks().size(), 2u);
    EXPECT_GT(s.painted(), 0u);

    s.ex.bodyMap().addPainMarks({{.structure = "skin", .position = temple, .radius = 0.02f, .intensity = 3}});
    s.ex.update(0.1);
    EXPECT_EQ(s.ex.pain().shownDate(), "2026-11-30");
    EXPECT_EQ(s.ex.pain().shownMarks().size(), 1u);
    s.ex.pain().allSessions = true;
    s.ex.update(0.2);
    EXPECT_EQ(s.ex.pain().shownMarks().size(), 3u);
}

} // namespace
