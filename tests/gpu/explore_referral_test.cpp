// Referral patterns as the explore UI shows them, on the committed model with the clinical data:
// the sternocleidomastoid sternal trigger point paints the skin around the eye red in a lateral view and
// leaves the other side of the face untouched. Pixel probes are placed with the camera maths.
// Needs assets/models/neck-shoulder.glb (or TRIGGER_ATLAS_TEST_MODEL); skips loudly without it.
#include "gpu_fixture.h"

#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "render/overlay_mirror.h"
#include "session/app_session.h"

#include <cstdlib>
#include <filesystem>

using namespace ta;
using ta::testing::averageRgb;

namespace {

constexpr int kWidth = 480;
constexpr int kHeight = 360;

std::filesystem::path modelPath() { return ta::testing::testModelPath(); }

struct ExploreScene {
    session::AppSession ex;
    render::GpuModel gpu;
    render::OverlayMirror overlays;
    render::SceneRenderer renderer;

    ExploreScene()
    {
        ex.camera().setViewport(kWidth, kHeight);
        ex.openModel(io::loadModel(modelPath()), modelPath(), io::assetPath("data"));
        gpu = render::GpuModel(ex.model());
    }
    /// Looks from `preset` at the head (framed on the skull), optionally showing trigger point `key`.
    io::RgbaImage render(core::ViewPreset preset, const char* key)
    {
        ex.select(std::nullopt);
        ex.showTriggerPoint(key ? ex.catalog().find(key) : std::nullopt);
        ex.camera().applyPreset(preset, true);
        ex.camera().frame(ex.model().get(ex.model().find("skull"))->mesh.bounds(), true);
        ex.camera().snap();
        ex.update(0.0);
        overlays.sync(ex.overlays(), gpu); // the same mirror the window uses
        std::vector<render::StructureStyle> styles = ex.styles();
        for (auto& st : styles)
            st.highlight = 0.0f; // no selection highlight: only the referral colours the skin
        // Markers are not what is probed.
        renderer.render(gpu, styles, ex.camera(), std::vector<render::Marker>{}, render::FrameSettings{});
        return renderer.readPixels();
    }
    /// Pixel of the skin point in front of a landmark, as seen by the camera (first skin hit).
    std::optional<glm::vec2> skinPixelOver(const char* landmark)
    {
        const core::Landmark* l = ex.model().landmark(landmark);
        if (!l)
            return std::nullopt;
        const auto p = ex.camera().project(l->position);
        if (!p)
            return std::nullopt;
        const auto hit = ex.pick({p->x, p->y});
        if (!hit || ex.model().get(hit->structure)->kind != core::Kind::Skin)
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
    ASSERT_TRUE(scene.ex.catalog().loaded()) << scene.ex.message();
    const char* key = "sternocleidomastoid.sternal.middle-left";
    ASSERT_TRUE(scene.ex.catalog().find(key));

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

