// What clicks, glows and labels land on, and what the view keys, X and G do (issue 18), in the session
// without any GL: the back-midline ray that reached the sternum through the x-rayed skin, a left deep-zone
// glow lighting the right face, labels of hidden structures, zoom kept by the view keys, seeing through a
// whole muscle. The small test scene needs nothing; the rest needs the committed model and skips loudly.
#include "test_model_path.h"
#include "test_scene.h"

#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/app_session.h"
#include "session/structure_names.h"
#include "session/trigger_point_order.h"
#include "session/visible_labels.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

using namespace ta;

namespace {

struct SmallScene {
    session::AppSession s;
    SmallScene()
    {
        s.camera().setViewport(400, 300);
        s.openModel(ta::testing::makeTestModel(), "test", "/nonexistent-data-dir");
    }
    core::StructureId id(const char* name) const { return *s.model().find(name); }
};

struct RealScene {
    session::AppSession s;
    RealScene()
    {
        s.camera().setViewport(800, 600);
        s.openModel(io::loadModel(ta::testing::testModelPath()), ta::testing::testModelPath(), io::assetPath("data"));
        s.camera().snap();
    }
    core::StructureId id(const char* name) const { return *s.model().find(name); }
};

#define SKIP_WITHOUT_MODEL()                                                                                        \
    if (!std::filesystem::exists(ta::testing::testModelPath()))                                                      \
    GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << ta::testing::testModelPath()

} // namespace

TEST(SessionPicking, ARayThroughTheXrayedSkinStopsAtTheMiddleOfTheBody)
{
    SmallScene f;
    f.s.setTool(session::Tool::Tag); // x-rays the skin: clicks pass through it
    // From behind at x = 3.5 cm, y = 1.50: misses the trapezius, C7 and the skull, and (before the fix)
    // went on through the neck to the sternal head of SCM at the front.
    const core::PixelRay fromBehind{{0.035f, 1.50f, -1.0f}, {0.0f, 0.0f, 1.0f}};
    const auto hit = f.s.pickRay(fromBehind);
    EXPECT_FALSE(hit && hit->structure == f.id("sternocleidomastoid-sternal-left"))
        << "a click at the back landed on the front of the neck";
    // From the front, the same structure is the first thing the ray meets beneath the skin.
    const core::PixelRay fromFront{{0.035f, 1.50f, 1.0f}, {0.0f, 0.0f, -1.0f}};
    const auto front = f.s.pickRay(fromFront);
    ASSERT_TRUE(front);
    EXPECT_EQ(front->structure, f.id("sternocleidomastoid-sternal-left"));
    // With the skin peeled away the user looks into the body: the far side may be clicked.
    f.s.peel();
    const auto peeled = f.s.pickRay(fromBehind);
    ASSERT_TRUE(peeled);
    EXPECT_EQ(peeled->structure, f.id("sternocleidomastoid-sternal-left"));
}

TEST(SessionPicking, FarSideIsTheHalfBeyondTheMiddleOfTheSkin)
{
    SmallScene f;
    f.s.camera().applyPreset(core::ViewPreset::Right, true); // the camera on the subject's right (-X)
    const glm::vec3 leftTemple{0.06f, 1.62f, 0.02f}, rightTemple{-0.06f, 1.62f, 0.02f};
    EXPECT_FALSE(f.s.onNearSide(leftTemple));
    EXPECT_TRUE(f.s.onNearSide(rightTemple));
    f.s.camera().applyPreset(core::ViewPreset::Left, true);
    EXPECT_TRUE(f.s.onNearSide(leftTemple));
    EXPECT_FALSE(f.s.onNearSide(rightTemple));
}

TEST(SessionLabels, OnlyVisibleStructuresAreLabelledWithTheNamePeopleUse)
{
    SmallScene f;
    f.s.select(f.id("trapezius-descending-left"));
    auto labels = f.s.viewLabels();
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0].text, "Upper trapezius");
    f.s.peel(); // skin
    f.s.peel(); // the superficial muscles: the trapezius is hidden now
    EXPECT_FALSE(f.s.isVisible(f.id("trapezius-descending-left")));
    EXPECT_TRUE(f.s.viewLabels().empty()) << "a label pointing at a peeled structure";
    f.s.restore();
    f.s.display().latinNames = true;
    EXPECT_EQ(f.s.viewLabels().at(0).text, "Upper trapezius");
}

TEST(SessionView, ViewKeysResetTheZoom)
{
    SmallScene f;
    f.s.viewFrom(core::ViewPreset::Posterior);
    f.s.camera().snap();
    const float home = f.s.camera().goal().distance;
    f.s.camera().zoomToward({200.0f, 150.0f}, 0.3f);
    f.s.camera().snap();
    ASSERT_LT(f.s.camera().goal().distance, 0.5f * home);
    f.s.viewFrom(core::ViewPreset::Posterior);
    EXPECT_NEAR(f.s.camera().goal().distance, home, 0.01f * home) << "the view key kept the old zoom";
    EXPECT_NEAR(std::abs(f.s.camera().goal().yaw), 3.14159f, 0.01f);
}

TEST(SessionView, DoubleClickSelectionFramesTheStructure)
{
    SmallScene f;
    const float before = f.s.camera().goal().distance;
    f.s.select(f.id("c7"), /*frame=*/true);
    EXPECT_LT(f.s.camera().goal().distance, 0.8f * before);
    const glm::vec3 c = f.s.model().get(f.id("c7"))->mesh.bounds().centre();
    EXPECT_LT(glm::length(f.s.camera().goal().target - c), 1e-4f);
}

TEST(SessionXray, GSaysWhyNothingChangesWhenNothingLiesAbove)
{
    SmallScene f;
    f.s.peel(); // the skin is gone: nothing lies above a superficial muscle
    f.s.select(f.id("trapezius-descending-left"));
    f.s.notify("");
    f.s.toggleGhost();
    EXPECT_NE(f.s.message().find("nothing is shown above"), std::string::npos) << f.s.message();
    EXPECT_NE(f.s.message().find("X"), std::string::npos);
}

TEST(SessionXray, XSeesThroughTheWholeMuscleAndClicksReachWhatLiesBeneath)
{
    SKIP_WITHOUT_MODEL();
    RealScene f;
    const auto upper = f.id("trapezius-descending-left");
    f.s.select(upper);
    const auto parts = f.s.partsOf(upper);
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[1], f.id("trapezius-transverse-left"));
    f.s.xraySelection();
    EXPECT_TRUE(f.s.selectionXrayed());
    for (const char* part : {"trapezius-descending-left", "trapezius-transverse-left", "trapezius-ascending-left"})
        EXPECT_TRUE(f.s.isGhosted(f.id(part))) << part;
    EXPECT_FALSE(f.s.isGhosted(f.id("trapezius-descending-right")));
    // A click down onto the left shoulder, with the skin x-rayed too, now lands beneath the trapezius.
    f.s.visibility().structure(f.id("skin"))->ghost = true;
    const glm::vec3 c = f.s.model().get(upper)->mesh.bounds().centre();
    const auto hit = f.s.pickRay(core::PixelRay{c + glm::vec3(0.0f, 0.5f, 0.0f), {0.0f, -1.0f, 0.0f}});
    ASSERT_TRUE(hit);
    EXPECT_EQ(f.s.model().structures[hit->structure.value].id.rfind("trapezius", 0), std::string::npos)
        << "landed on " << f.s.model().structures[hit->structure.value].id;
    f.s.xraySelection();
    EXPECT_FALSE(f.s.isGhosted(f.id("trapezius-transverse-left")));
}

TEST(SessionNames, MusclePartsHaveCommonNamesInAnatomicalOrder)
{
    SKIP_WITHOUT_MODEL();
    RealScene f;
    const auto& m = f.s.model();
    const auto& up = *m.get(f.id("trapezius-descending-left"));
    const auto& mid = *m.get(f.id("trapezius-transverse-left"));
    const auto& low = *m.get(f.id("trapezius-ascending-left"));
    EXPECT_EQ(session::commonName(up), "Upper trapezius");
    EXPECT_EQ(session::commonName(mid), "Middle trapezius");
    EXPECT_EQ(session::commonName(low), "Lower trapezius");
    EXPECT_TRUE(session::listedBefore(up, mid));
    EXPECT_TRUE(session::listedBefore(mid, low));
    EXPECT_FALSE(session::listedBefore(low, up));
    EXPECT_EQ(session::commonName(*m.get(f.id("levator-scapulae-left"))), "Levator scapulae");
    f.s.display().latinNames = true;
    EXPECT_EQ(f.s.labelName(f.id("trapezius-descending-left")), "Pars descendens musculi trapezii");
}

TEST(SessionPicking, TheBackMidlineNeverReachesTheSternum)
{
    SKIP_WITHOUT_MODEL();
    RealScene f;
    const core::Landmark* t5 = f.s.model().landmark("t5-spinous");
    ASSERT_TRUE(t5);
    f.s.setTool(session::Tool::Tag);
    int hits = 0;
    for (float dy = -0.04f; dy <= 0.04f; dy += 0.002f)
        for (float x : {-0.004f, 0.0f, 0.004f}) {
            const core::PixelRay ray{{x, t5->position.y + dy, t5->position.z - 1.0f}, {0.0f, 0.0f, 1.0f}};
            for (const auto& hit : {f.s.pickRay(ray), f.s.pickUnderSkinRay(ray)})
                if (hit) {
                    ++hits;
                    const std::string& id = f.s.model().structures[hit->structure.value].id;
                    EXPECT_TRUE(id.rfind("sternum", 0) != 0 && id != "manubrium" && id.rfind("rib", 0) != 0 &&
                                id.rfind("costal", 0) != 0)
                        << "a click at the back midline (dy " << dy << ", x " << x << ") landed on " << id;
                }
        }
    EXPECT_GT(hits, 0);
}

TEST(SessionMarkers, ALeftDeepZoneDoesNotGlowOnTheRightFace)
{
    SKIP_WITHOUT_MODEL();
    RealScene f;
    ASSERT_TRUE(f.s.catalog().loaded()) << f.s.message();
    const auto tp = f.s.catalog().find("trapezius.upper.trp1-left");
    ASSERT_TRUE(tp);
    f.s.showTriggerPoint(tp);
    auto glows = [&] {
        int n = 0;
        for (const auto& m : f.s.markers())
            n += m.glow > 0.0f;
        return n;
    };
    auto shownOnTop = [&] {
        for (const auto& m : f.s.pickableMarkers())
            if (const auto* id = std::get_if<core::TriggerPointId>(&m.target); id && *id == *tp)
                return m.onTop;
        return false;
    };
    f.s.viewFrom(core::ViewPreset::Left);
    f.s.camera().snap();
    f.s.update(0.0);
    ASSERT_GT(glows(), 0) << "the trigger point has a deep zone (behind the eye) to glow";
    EXPECT_TRUE(shownOnTop());
    EXPECT_EQ(f.s.viewLabels().size(), 2u);
    f.s.viewFrom(core::ViewPreset::Anterior);
    f.s.camera().snap();
    f.s.update(0.05);
    EXPECT_GT(glows(), 0) << "from the front both sides are in view";
    f.s.viewFrom(core::ViewPreset::Right);
    f.s.camera().snap();
    f.s.update(0.1);
    EXPECT_EQ(glows(), 0) << "the left deep zone glows through the head onto the right face";
    EXPECT_FALSE(shownOnTop()) << "the left marker shows through the neck";
    EXPECT_TRUE(f.s.viewLabels().empty()) << "the left trigger point's and muscle's labels through the neck";
}

TEST(SessionLabels, LabelEverythingVisibleNamesWhatTheEyeSeesAndFewerWhenZoomedOut)
{
    SmallScene f;
    f.s.peel(); // the skin
    f.s.viewFrom(core::ViewPreset::Anterior);
    f.s.camera().snap();
    auto names = [&] {
        std::vector<std::string> out;
        for (const auto& l : session::labelEverythingVisible(f.s))
            out.push_back(l.text);
        return out;
    };
    const auto all = names();
    EXPECT_NE(std::find(all.begin(), all.end(), "Upper trapezius"), all.end());
    EXPECT_NE(std::find(all.begin(), all.end(), "Skull"), all.end());
    EXPECT_EQ(std::find(all.begin(), all.end(), "Skin"), all.end()) << "the peeled skin is not labelled";
    f.s.xraySelection(); // nothing selected: a message, nothing x-rayed
    f.s.select(f.id("trapezius-descending-left"));
    f.s.xraySelection();
    const auto seeThrough = names();
    EXPECT_LT(std::count(seeThrough.begin(), seeThrough.end(), "Upper trapezius"),
              std::count(all.begin(), all.end(), "Upper trapezius"))
        << "an x-rayed structure is not labelled";
    f.s.camera().zoomToward({200.0f, 150.0f}, 25.0f);
    f.s.camera().snap();
    EXPECT_LT(names().size(), all.size()) << "zoomed far out: fewer labels";
}

TEST(SessionNames, TriggerPointListGoesUpperMiddleLowerTrapezius)
{
    SKIP_WITHOUT_MODEL();
    RealScene f;
    ASSERT_TRUE(f.s.catalog().loaded());
    std::vector<std::string> muscles;
    for (core::TriggerPointId id : session::triggerPointsInOrder(f.s.catalog(), f.s.model(), core::Side::Left)) {
        EXPECT_EQ(f.s.catalog().instance(id).key.side, core::Side::Left);
        const std::string& m = f.s.catalog().record(id).muscle;
        if (muscles.empty() || muscles.back() != m)
            muscles.push_back(m);
    }
    EXPECT_EQ(std::set<std::string>(muscles.begin(), muscles.end()).size(), muscles.size()) << "a muscle split in two groups";
    auto at = [&](const char* m) { return std::find(muscles.begin(), muscles.end(), m) - muscles.begin(); };
    EXPECT_LT(at("trapezius-upper"), at("trapezius-middle"));
    EXPECT_LT(at("trapezius-middle"), at("trapezius-lower")) << "the data lists Lower before Middle";
    EXPECT_EQ(at("trapezius-lower") - at("trapezius-upper"), 2) << "the trapezius parts stay together";
}
