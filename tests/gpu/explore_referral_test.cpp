// Referral patterns as the explore UI shows them, on the committed model with the clinical data:
// the sternocleidomastoid sternal trigger point paints the skin around the eye red in a lateral view and
// leaves the other side of the face untouched. Pixel probes are placed with the camera maths.
// Needs assets/models/neck-shoulder.glb (or TRIGGER_ATLAS_TEST_MODEL); skips loudly without it.
#include "gpu_fixture.h"

#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "ui/app_state.h"
#include "ui/explore_state.h"

#include <cstdlib>
#include <filesystem>

using namespace ta;
using ta::testing::averageRgb;

namespace {

constexpr int kWidth = 480;
constexpr int kHeight = 360;

std::filesystem::path modelPath() { return ta::testing::testModelPath(); }

struct ExploreScene {
    ui::AppState state;
    ui::ExploreState ex{state};
    render::GpuModel gpu;
    render::SceneRenderer renderer;

    ExploreScene()
    {
        state.camera.setViewport(kWidth, kHeight);
        state.setModel(io::loadModel(modelPath()), modelPath());
        ex.modelChanged(io::assetPath("data"));
        gpu = render::GpuModel(state.model);
    }
    /// Looks from `preset` at the head (framed on the skull), optionally showing trigger point `key`.
    io::RgbaImage render(core::ViewPreset preset, const char* key)
    {
        ex.showTriggerPoint(key ? ex.catalog.find(key) : std::nullopt);
        ex.select(std::nullopt); // no highlight: only the referral colours the skin
        if (key)
            ex.showTriggerPoint(ex.catalog.find(key));
        state.selected.reset();
        state.camera.applyPreset(preset, true);
        state.camera.frame(state.model.get(state.model.find("skull"))->mesh.bounds(), true);
        state.camera.snap();
        ex.update(0.0);
        gpu.clearAllReferral();
        for (std::uint32_t i = 0; i < ex.referralWeights().size(); ++i)
            if (!ex.referralWeights()[i].empty())
                gpu.setReferral(core::StructureId{i}, ex.referralWeights()[i]);
        state.markers.clear(); // markers are not what is probed
        renderer.render(gpu, state.styles(), state.camera, state.markers, state.frame);
        return renderer.readPixels();
    }
    /// Pixel of the skin point in front of a landmark, as seen by the camera (first skin hit).
    std::optional<glm::vec2> skinPixelOver(const char* landmark)
    {
        const core::Landmark* l = state.model.landmark(landmark);
        if (!l)
            return std::nullopt;
        const auto p = state.camera.project(l->position);
        if (!p)
            return std::nullopt;
        const auto hit = ex.pick({p->x, p->y});
        if (!hit || state.model.get(hit->structure)->kind != core::Kind::Skin)
            return std::nullopt;
        return glm::vec2(p->x, p->y);
    }
};

float redness(glm::vec3 c) { return c.x - 0.5f * (c.y + c.z); }

} // namespace

TEST(ExploreReferral, ScmSternalPaintsAroundTheEyeOnItsOwnSideOnly)
{
    TA_REQUIRE_GL();
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath() << " (the committed model has not landed)";
    ExploreScene scene;
    ASSERT_TRUE(scene.ex.catalog.loaded()) << scene.ex.message();
    const char* key = "sternocleidomastoid.sternal.middle-left";
    ASSERT_TRUE(scene.ex.catalog.find(key));

    // The subject's left side of the face: skin around the left eye turns red.
    const io::RgbaImage plainLeft = scene.render(core::ViewPreset::Left, nullptr);
    const auto eye = scene.skinPixelOver("orbit-centre-left");
    ASSERT_TRUE(eye) << "the left orbit is not visible on the skin in a left view";
    const io::RgbaImage paintedLeft = scene.render(core::ViewPreset::Left, key);
    const glm::vec3 before = averageRgb(plainLeft, static_cast<int>(eye->x), static_cast<int>(eye->y), 3);
    const glm::vec3 after = averageRgb(paintedLeft, static_cast<int>(eye->x), static_cast<int>(eye->y), 3);
    EXPECT_GT(redness(after), redness(before) + 40.0f) << "before " << before.x << "," << before.y << "," << before.z
                                                       << " after " << after.x << "," << after.y << "," << after.z;
    EXPECT_GT(after.x, 1.6f * after.y); // red, not skin-coloured

    // The right side of the face stays as it was.
    const io::RgbaImage plainRight = scene.render(core::ViewPreset::Right, nullptr);
    const auto eyeR = scene.skinPixelOver("orbit-centre-right");
    ASSERT_TRUE(eyeR);
    const io::RgbaImage paintedRight = scene.render(core::ViewPreset::Right, key);
    const glm::vec3 r0 = averageRgb(plainRight, static_cast<int>(eyeR->x), static_cast<int>(eyeR->y), 3);
    const glm::vec3 r1 = averageRgb(paintedRight, static_cast<int>(eyeR->x), static_cast<int>(eyeR->y), 3);
    EXPECT_LT(glm::length(r1 - r0), 6.0f) << "the right eye changed colour for a left trigger point";
    // ... and nowhere on the right half of the picture does the referral add red.
    int redder = 0;
    for (int y = 0; y < kHeight; y += 2)
        for (int x = 0; x < kWidth; x += 2)
            redder += redness(averageRgb(paintedRight, x, y, 0)) > redness(averageRgb(plainRight, x, y, 0)) + 40.0f;
    EXPECT_LT(redder, 20) << "pixels reddened in the right view";
}

TEST(ExploreReferral, HiddenSkinMovesThePatternToTheBones)
{
    TA_REQUIRE_GL();
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath() << " (the committed model has not landed)";
    ExploreScene scene;
    ASSERT_TRUE(scene.ex.catalog.loaded()) << scene.ex.message();
    scene.ex.showTriggerPoint(scene.ex.catalog.find("trapezius.upper.trp1-left"));
    scene.ex.update(0.0);
    const core::StructureId skin = scene.state.model.find("skin");
    const core::StructureId skull = scene.state.model.find("skull");
    ASSERT_TRUE(skin.valid() && skull.valid());
    auto painted = [&](core::StructureId id) {
        const auto& w = scene.ex.referralWeights();
        if (id.value >= w.size())
            return 0;
        int n = 0;
        for (const auto& v : w[id.value])
            n += v.x > 0.5f;
        return n;
    };
    EXPECT_GT(painted(skin), 50);
    EXPECT_EQ(painted(skull), 0);
    scene.state.layer(core::Layer::Skin).visible = false;
    scene.ex.update(0.1);
    EXPECT_EQ(painted(skin), 0);
    EXPECT_GT(painted(skull), 20); // the temple and mastoid now on the skull
}

TEST(ExploreReferral, CaptionsSearchAndSnappingOnTheModel)
{
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath() << " (the committed model has not landed)";
    ui::AppState state;
    ui::ExploreState ex{state};
    state.camera.setViewport(kWidth, kHeight);
    state.setModel(io::loadModel(modelPath()), modelPath());
    ex.modelChanged(io::assetPath("data"));
    ASSERT_TRUE(ex.catalog.loaded()) << ex.message();

    const auto ut1 = ex.catalog.find("trapezius.upper.trp1-left");
    ASSERT_TRUE(ut1);
    EXPECT_EQ(ex.catalog.caption(*ut1).rfind("Upper trapezius, trigger point 1: ", 0), 0u) << ex.catalog.caption(*ut1);
    EXPECT_NE(ex.catalog.caption(*ut1).find("temple"), std::string::npos);
    EXPECT_FALSE(ex.catalog.find("trapezius.upper.trp9-left"));

    // "levator" finds both levator scapulae first.
    const auto hits = ex.search.find("levator");
    ASSERT_GE(hits.size(), 2u);
    EXPECT_EQ(state.model.get(hits[0].structure)->id, "levator-scapulae-left");
    EXPECT_EQ(state.model.get(hits[1].structure)->id, "levator-scapulae-right");

    // Trigger points by where they refer, and by name.
    auto temple = ex.catalog.search("temple");
    ASSERT_FALSE(temple.empty());
    EXPECT_EQ(ex.catalog.key(temple.front()), "trapezius.upper.trp1-left");
    const auto eye = ex.catalog.search("behind the eye");
    EXPECT_GE(eye.size(), 3u);
    for (std::size_t i : eye) {
        const bool refersThere = ex.catalog.zoneText(i, true).find("ehind the eye") != std::string::npos ||
                                 ex.catalog.zoneText(i, false).find("ehind the eye") != std::string::npos;
        EXPECT_TRUE(refersThere) << ex.catalog.key(i);
    }
    auto scm = ex.catalog.search("scm sternal");
    ASSERT_EQ(scm.size(), 3u);
    EXPECT_TRUE(ex.catalog.search("zz").empty());

    // A tag placed right on a documented trigger point snaps to it; its mirror on the other side snaps to
    // the other side's point.
    for (const char* key : {"trapezius.upper.trp1-left", "trapezius.upper.trp1-right", "levator-scapulae.upper-left"}) {
        const auto i = ex.catalog.find(key);
        ASSERT_TRUE(i) << key;
        const auto& inst = ex.catalog.instance(*i);
        core::PickHit hit;
        hit.structure = inst.structure;
        hit.point = inst.position + glm::vec3(0.0f, 0.008f, 0.0f); // 8 mm off
        ex.tagAt(hit);
        ASSERT_TRUE(ex.selectedTag) << key;
        const core::TriggerPointTag* tag = ex.bodyMap.tag(*ex.selectedTag);
        ASSERT_NE(tag, nullptr);
        EXPECT_EQ(tag->triggerPoint, std::optional<std::string>(key));
        EXPECT_EQ(ex.shownTriggerPoint(), i); // and its referral is shown
    }
}

TEST(ExploreReferral, DeepZonesGlowInsideTheHead)
{
    TA_REQUIRE_GL();
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath() << " (the committed model has not landed)";
    ExploreScene scene;
    ASSERT_TRUE(scene.ex.catalog.loaded()) << scene.ex.message();
    // The SCM sternal division refers behind the eye (a deep zone): one glow, inside the left orbit region.
    scene.ex.showTriggerPoint(scene.ex.catalog.find("sternocleidomastoid.sternal.middle-left"));
    scene.ex.update(0.0);
    const core::Landmark* orbit = scene.state.model.landmark("orbit-centre-left");
    ASSERT_TRUE(orbit);
    int nearOrbit = 0;
    for (const auto& m : scene.state.markers)
        if (m.glow > 0.0f && glm::distance(m.position, orbit->position) < 0.04f)
            ++nearOrbit;
    EXPECT_GE(nearOrbit, 1);
    for (const auto& m : scene.state.markers)
        if (m.glow > 0.0f)
            EXPECT_GT(m.position.x, 0.0f) << "a deep zone glows on the right side for a left trigger point";
    // A trigger point without deep zones (levator scapulae: angle of the neck, shoulder blade) glows nowhere.
    scene.ex.showTriggerPoint(scene.ex.catalog.find("levator-scapulae.upper-left"));
    scene.ex.update(0.0);
    for (const auto& m : scene.state.markers)
        EXPECT_EQ(m.glow, 0.0f);
}
