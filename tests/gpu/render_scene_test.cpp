// Headless renders of a small model built in code: baselines, pixel probes against the camera maths,
// referral overlay, order-independent transparency and the off-screen command line.
#include "gpu_fixture.h"
#include "test_scene.h"

#include "core/orbit_camera.h"
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "ui/app_state.h"

#include <algorithm>
#include <vector>

using namespace ta;
using ta::testing::averageRgb;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 200;

struct Scene {
    ui::AppState state;
    render::GpuModel gpu;
    render::SceneRenderer renderer;

    explicit Scene(core::AnatomyModel model, core::ViewPreset preset = core::ViewPreset::Anterior)
    {
        state.camera.setViewport(kWidth, kHeight);
        state.setModel(std::move(model), "test");
        state.camera.applyPreset(preset, true);
        gpu = render::GpuModel(state.model);
    }
    io::RgbaImage render()
    {
        renderer.render(gpu, state.styles(), state.camera, state.markers, state.frame);
        return renderer.readPixels();
    }
    io::RgbaImage render(const std::vector<render::StructureStyle>& styles)
    {
        renderer.render(gpu, styles, state.camera, state.markers, state.frame);
        return renderer.readPixels();
    }
};

bool isReddish(glm::vec3 c) { return c.x > 120.0f && c.x > 2.2f * c.y && c.x > 2.2f * c.z; }

} // namespace

TEST(GpuRender, AnteriorMatchesBaseline)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel());
    const io::RgbaImage image = scene.render();
    ASSERT_EQ(image.width, kWidth);
    ASSERT_EQ(image.height, kHeight);
    ta::testing::expectMatchesBaseline(image, "test_scene_anterior");
}

TEST(GpuRender, PosteriorGhostedSkinMatchesBaseline)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Posterior);
    scene.state.ghost = true;
    scene.state.ghostDownTo = core::Layer::Skin;
    ta::testing::expectMatchesBaseline(scene.render(), "test_scene_posterior_ghost");
}

TEST(GpuRender, SkinHidesMusclesAndGhostingRevealsThem)
{
    TA_REQUIRE_GL();
    core::AnatomyModel model = ta::testing::makeTestModel();
    const glm::vec3 muscleFront(0.12f, 1.45f, -0.045f + 0.035f);
    Scene scene(std::move(model), core::ViewPreset::Posterior);
    const glm::vec3 musclePoint(0.12f, 1.45f, -0.08f); // back surface of the left trapezius
    const auto px = scene.state.camera.project(musclePoint);
    ASSERT_TRUE(px);
    const glm::vec3 skinColour = averageRgb(scene.render(), int(px->x), int(px->y), 2);
    scene.state.ghost = true;
    const glm::vec3 ghostColour = averageRgb(scene.render(), int(px->x), int(px->y), 2);
    // Skin is warm and light; the muscle under ghosted skin is darker and redder (less green).
    EXPECT_GT(skinColour.y, ghostColour.y + 15.0f) << "skin " << skinColour.y << " ghosted " << ghostColour.y;
    (void)muscleFront;
}

TEST(GpuRender, MarkerLandsWhereTheCameraProjectsIt)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Left);
    scene.state.camera.setPose({{0.02f, 1.55f, 0.01f}, 0.9f, 0.35f, 0.9f}); // an arbitrary oblique view
    const glm::vec3 point(0.05f, 1.60f, 0.08f); // inside the skin and skull: only an on-top marker shows
    scene.state.markers.push_back({point, 0.006f, {0.0f, 0.9f, 0.1f}, true});
    const io::RgbaImage image = scene.render();
    const auto px = scene.state.camera.project(point);
    ASSERT_TRUE(px);
    ASSERT_GT(px->x, 10.0f);
    ASSERT_LT(px->x, kWidth - 10.0f);
    const glm::vec3 centre = averageRgb(image, int(px->x), int(px->y), 0);
    EXPECT_GT(centre.y, 120.0f) << "marker not at projected pixel " << px->x << "," << px->y;
    EXPECT_GT(centre.y, 2.0f * centre.x);
    // 12 pixels away the marker (a few pixels across) is not there.
    for (const glm::ivec2 off : {glm::ivec2(12, 0), glm::ivec2(-12, 0), glm::ivec2(0, 12), glm::ivec2(0, -12)}) {
        const glm::vec3 c = averageRgb(image, int(px->x) + off.x, int(px->y) + off.y, 0);
        EXPECT_FALSE(c.y > 120.0f && c.y > 2.0f * c.x) << "marker colour spills to offset " << off.x << "," << off.y;
    }
    // Not on top: the same marker is hidden by skin and skull.
    scene.state.markers.back().onTop = false;
    const glm::vec3 hidden = averageRgb(scene.render(), int(px->x), int(px->y), 0);
    EXPECT_FALSE(hidden.y > 120.0f && hidden.y > 2.0f * hidden.x);
}

TEST(GpuRender, ReferralEssentialPaintsSolidRedOnlyWhereWeighted)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Anterior);
    const core::StructureId skin = scene.state.model.find("skin");
    const core::Mesh& mesh = scene.state.model.get(skin)->mesh;
    // Essential zone: the subject's left half of the skin (x > 0.02).
    std::vector<glm::vec2> weights(mesh.vertexCount(), glm::vec2(0.0f));
    for (std::size_t i = 0; i < weights.size(); ++i)
        if (mesh.positions[i].x > 0.02f)
            weights[i].x = 1.0f;
    ASSERT_TRUE(scene.gpu.setReferral(skin, weights));
    const io::RgbaImage image = scene.render();
    const auto leftSide = scene.state.camera.project({0.12f, 1.53f, 0.085f});
    const auto rightSide = scene.state.camera.project({-0.12f, 1.53f, 0.085f});
    ASSERT_TRUE(leftSide && rightSide);
    EXPECT_TRUE(isReddish(averageRgb(image, int(leftSide->x), int(leftSide->y), 2)));
    EXPECT_FALSE(isReddish(averageRgb(image, int(rightSide->x), int(rightSide->y), 2)))
        << "the other side must stay clean";

    // Wrong vertex count is refused and changes nothing.
    EXPECT_FALSE(scene.gpu.setReferral(skin, std::vector<glm::vec2>(3)));
    scene.gpu.clearReferral(skin);
    EXPECT_FALSE(isReddish(averageRgb(scene.render(), int(leftSide->x), int(leftSide->y), 2)));
}

TEST(GpuRender, ReferralSpilloverIsAStippleNotASolidFill)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Anterior);
    const core::StructureId skin = scene.state.model.find("skin");
    const std::size_t n = scene.state.model.get(skin)->mesh.vertexCount();
    ASSERT_TRUE(scene.gpu.setReferral(skin, std::vector<glm::vec2>(n, glm::vec2(0.0f, 1.0f))));
    const io::RgbaImage image = scene.render();
    const auto c = scene.state.camera.project({0.0f, 1.50f, 0.11f});
    ASSERT_TRUE(c);
    int red = 0, notRed = 0;
    for (int y = int(c->y) - 10; y < int(c->y) + 10; ++y)
        for (int x = int(c->x) - 10; x < int(c->x) + 10; ++x)
            (isReddish(averageRgb(image, x, y, 0)) ? red : notRed)++;
    // Dots cover part of the area, not all of it and not none of it.
    EXPECT_GT(red, 40) << "no stipple dots";
    EXPECT_GT(notRed, 40) << "spillover filled solid";
}

TEST(GpuRender, GhostLayersAreOrderIndependent)
{
    TA_REQUIRE_GL();
    // The same ghosted scene with the structures stored in reverse order must give the same picture:
    // weighted blended transparency does not depend on draw order (no sorting, no popping).
    core::AnatomyModel forward = ta::testing::makeTestModel();
    core::AnatomyModel reversed = forward;
    std::reverse(reversed.structures.begin(), reversed.structures.end());
    Scene a(std::move(forward), core::ViewPreset::Posterior);
    Scene b(std::move(reversed), core::ViewPreset::Posterior);
    for (Scene* s : {&a, &b})
        for (core::Layer l : {core::Layer::Skin, core::Layer::Superficial, core::Layer::Bone})
            s->state.layer(l).opacity = 0.5f; // several translucent layers overlapping
    const ta::testing::ImageDifference d = ta::testing::compareImages(a.render(), b.render(), 6);
    EXPECT_LT(d.fractionOver, 0.002) << "draw order changed the transparent image";
    EXPECT_LT(d.meanAbs, 0.5);
}

TEST(GpuRender, ImageHasTheRequestedSizeAndGammaEncodedBackground)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel());
    scene.state.camera.setViewport(123, 77);
    const io::RgbaImage image = scene.render();
    EXPECT_EQ(image.width, 123);
    EXPECT_EQ(image.height, 77);
    // Top-left corner is background: linear 0.045 encodes to about sRGB 60/255 (manual gamma applied once).
    const glm::vec3 corner = averageRgb(image, 0, 0, 0);
    EXPECT_NEAR(corner.x, 58.0f, 8.0f);
}
