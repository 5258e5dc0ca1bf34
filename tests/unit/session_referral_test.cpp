// Referral and trigger points in the session, on the committed model with the clinical data, without any
// GL: the pattern moves to the bones when the skin is hidden, captions, search and tag snapping, deep zones
// glowing inside the head, and presentation mode framing the pattern beside its text. Needs
// assets/models/neck-shoulder.glb (or TRIGGER_ATLAS_TEST_MODEL); skips loudly without it.
#include "test_model_path.h"

#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/app_session.h"
#include "session/treatment/trigger_point_sheet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <variant>
#include <vector>

using namespace ta;

namespace {

std::filesystem::path modelPath() { return ta::testing::testModelPath(); }

struct ExploreScene {
    session::AppSession ex;
    ExploreScene()
    {
        ex.camera().setViewport(480, 360);
        ex.openModel(io::loadModel(modelPath()), modelPath(), io::assetPath("data"));
    }
};

} // namespace

TEST(SessionReferral, HiddenSkinMovesThePatternToTheBones)
{
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath() << " (the committed model has not landed)";
    ExploreScene scene;
    ASSERT_TRUE(scene.ex.catalog().loaded()) << scene.ex.message();
    scene.ex.showTriggerPoint(scene.ex.catalog().find("trapezius.upper.trp1-left"));
    scene.ex.update(0.0);
    const auto skin = scene.ex.model().find("skin");
    const auto skull = scene.ex.model().find("skull");
    ASSERT_TRUE(skin && skull);
    auto painted = [&](std::optional<core::StructureId> id) {
        const auto& w = scene.ex.overlays().referral.values();
        if (!id || id->value >= w.size())
            return 0;
        int n = 0;
        for (const auto& v : w[id->value])
            n += v.x > 0.5f;
        return n;
    };
    EXPECT_GT(painted(skin), 50);
    EXPECT_EQ(painted(skull), 0);
    scene.ex.visibility().layer(core::Layer::Skin).visible = false;
    scene.ex.update(0.1);
    EXPECT_EQ(painted(skin), 0);
    EXPECT_GT(painted(skull), 20); // the temple and mastoid now on the skull
}

TEST(SessionReferral, CaptionsSearchAndSnappingOnTheModel)
{
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath() << " (the committed model has not landed)";
    ExploreScene scene;
    session::AppSession& ex = scene.ex;
    ASSERT_TRUE(ex.catalog().loaded()) << ex.message();

    const auto ut1 = ex.catalog().find("trapezius.upper.trp1-left");
    ASSERT_TRUE(ut1);
    EXPECT_EQ(ex.catalog().caption(*ut1).rfind("Upper trapezius, trigger point 1: ", 0), 0u) << ex.catalog().caption(*ut1);
    EXPECT_NE(ex.catalog().caption(*ut1).find("temple"), std::string::npos);
    EXPECT_FALSE(ex.catalog().find("trapezius.upper.trp9-left"));

    // "levator" finds both levator scapulae first.
    const auto hits = ex.search().find("levator");
    ASSERT_GE(hits.size(), 2u);
    EXPECT_EQ(ex.model().get(hits[0].structure)->id, "levator-scapulae-left");
    EXPECT_EQ(ex.model().get(hits[1].structure)->id, "levator-scapulae-right");

    // Trigger points by where they refer, and by name.
    auto temple = ex.catalog().search("temple");
    ASSERT_FALSE(temple.empty());
    EXPECT_EQ(ex.catalog().key(temple.front()), "trapezius.upper.trp1-left");
    const auto eye = ex.catalog().search("behind the eye");
    EXPECT_GE(eye.size(), 3u);
    for (core::TriggerPointId i : eye) {
        const bool refersThere = ex.catalog().zoneText(i, true).find("ehind the eye") != std::string::npos ||
                                 ex.catalog().zoneText(i, false).find("ehind the eye") != std::string::npos;
        EXPECT_TRUE(refersThere) << ex.catalog().key(i);
    }
    auto scm = ex.catalog().search("scm sternal");
    ASSERT_EQ(scm.size(), 3u);
    EXPECT_TRUE(ex.catalog().search("zz").empty());

    // A tag placed right on a documented trigger point snaps to it; its mirror on the other side snaps to
    // the other side's point.
    for (const char* key : {"trapezius.upper.trp1-left", "trapezius.upper.trp1-right", "levator-scapulae.upper-left"}) {
        const auto i = ex.catalog().find(key);
        ASSERT_TRUE(i) << key;
        const auto& inst = ex.catalog().instance(*i);
        core::PickHit hit;
        hit.structure = inst.structure;
        hit.point = inst.position + glm::vec3(0.0f, 0.008f, 0.0f); // 8 mm off
        ex.tagAt(hit);
        ASSERT_TRUE(ex.selectedTag()) << key;
        const core::TriggerPointTag* tag = ex.bodyMap().tag(*ex.selectedTag());
        ASSERT_NE(tag, nullptr);
        EXPECT_EQ(tag->triggerPoint, std::optional<std::string>(key));
        EXPECT_EQ(ex.shownTriggerPoint(), i); // and its referral is shown
    }
}

TEST(SessionReferral, DeepZonesGlowInsideTheHead)
{
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath() << " (the committed model has not landed)";
    ExploreScene scene;
    ASSERT_TRUE(scene.ex.catalog().loaded()) << scene.ex.message();
    // The SCM sternal division refers behind the eye (a deep zone): one glow, inside the left orbit region.
    scene.ex.showTriggerPoint(scene.ex.catalog().find("sternocleidomastoid.sternal.middle-left"));
    scene.ex.update(0.0);
    const core::Landmark* orbit = scene.ex.model().landmark("orbit-centre-left");
    ASSERT_TRUE(orbit);
    int nearOrbit = 0;
    for (const auto& m : scene.ex.markers())
        if (m.glow > 0.0f && glm::distance(m.position, orbit->position) < 0.04f)
            ++nearOrbit;
    EXPECT_GE(nearOrbit, 1);
    for (const auto& m : scene.ex.markers()) {
        if (m.glow > 0.0f) {
            EXPECT_GT(m.position.x, 0.0f) << "a deep zone glows on the right side for a left trigger point";
        }
    }
    // A trigger point without deep zones (levator scapulae: angle of the neck, shoulder blade) glows nowhere.
    scene.ex.showTriggerPoint(scene.ex.catalog().find("levator-scapulae.upper-left"));
    scene.ex.update(0.0);
    for (const auto& m : scene.ex.markers())
        EXPECT_EQ(m.glow, 0.0f);
}

TEST(SessionReferral, PresentationFramesTheExplanationBesideItsText)
{
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath() << " (the committed model has not landed)";
    ExploreScene scene;
    session::AppSession& ex = scene.ex;
    ASSERT_TRUE(ex.catalog().loaded()) << ex.message();
    const float width = static_cast<float>(ex.camera().width());
    const float room = (1.0f - session::kPresentationTextShare - 0.05f) * width;
    // Where the trigger point and its zones' centres land across the view, once framed from the front.
    auto framedSpan = [&](const char* key, bool presentation) {
        ex.display().presentation = presentation;
        ex.camera().applyPreset(core::ViewPreset::Anterior, true);
        const auto tp = ex.catalog().find(key);
        EXPECT_TRUE(tp) << key;
        ex.showTriggerPoint(tp, /*frameMuscle=*/true);
        ex.camera().snap();
        ex.update(0.0);
        std::vector<glm::vec3> points = ex.zoneCentres();
        points.push_back(ex.catalog().instance(*tp).position);
        std::pair<float, float> span{1e9f, -1e9f};
        for (const glm::vec3& p : points) {
            const auto q = ex.camera().project(p);
            EXPECT_TRUE(q);
            span = {std::min(span.first, q->x), std::max(span.second, q->x)};
        }
        EXPECT_GE(ex.zoneCentres().size(), 2u);
        return span;
    };
    // The SCM's sternal division has plain words to show: a left-sided pattern lies right of the body's
    // middle from the front, so its text goes in the right-hand corner and the pattern in the room left.
    ASSERT_TRUE(ex.catalog().find("sternocleidomastoid.sternal.middle-left"));
    const auto left = framedSpan("sternocleidomastoid.sternal.middle-left", true);
    ASSERT_NE(ex.shownSheet(), nullptr);
    ASSERT_FALSE(session::plainWords(*ex.shownSheet()).empty());
    EXPECT_GE(left.first, 0.0f);
    EXPECT_LE(left.second, room);
    // Mirrored for the right side.
    const auto right = framedSpan("sternocleidomastoid.sternal.middle-right", true);
    EXPECT_GE(right.first, width - room);
    EXPECT_LE(right.second, width);
    // Without presentation mode the same pattern is framed about the view's middle: well right of where
    // presentation mode put it.
    const auto plain = framedSpan("sternocleidomastoid.sternal.middle-left", false);
    EXPECT_GT(plain.first + plain.second, left.first + left.second + 0.2f * width);
}
