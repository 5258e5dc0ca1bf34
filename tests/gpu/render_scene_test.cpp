// Headless renders of a small model built in code: baselines, pixel probes against the camera maths,
// referral overlay, order-independent transparency and the off-screen command line.
#include "gpu_fixture.h"
#include "test_scene.h"

#include "core/orbit_camera.h"
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "render/overlay_mirror.h"
#include "render_state.h"

#include <algorithm>
#include <vector>

using namespace ta;
using ta::testing::averageRgb;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 200;

struct Scene {
    ta::testing::RenderState state;
    render::GpuModel gpu;
    render::SceneRenderer renderer;

    explicit Scene(core::AnatomyModel model, core::ViewPreset preset = core::ViewPreset::Anterior)
    {
        state.camera.setViewport(kWidth, kHeight);
        state.setModel(std::move(model), "test");
        state.camera.applyPreset(preset, true);
        state.camera.frame(state.model.bounds(), true);
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
    while (glGetError() != GL_NO_ERROR) {
    }
    const io::RgbaImage image = scene.render();
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR)) << "the frame raised an OpenGL error";
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
    scene.state.markers.push_back({{0.0f, 1.62f, 0.0f}, 0.01f, {0.1f, 0.4f, 0.95f}, true});
    while (glGetError() != GL_NO_ERROR) {
    }
    const io::RgbaImage image = scene.render();
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR)) << "the frame raised an OpenGL error";
    ta::testing::expectMatchesBaseline(image, "test_scene_posterior_ghost");
}

TEST(GpuRender, SkinHidesMusclesAndGhostingRevealsThem)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Posterior);
    const glm::vec3 musclePoint(0.12f, 1.45f, -0.08f); // back surface of the left trapezius
    const auto px = scene.state.camera.project(musclePoint);
    ASSERT_TRUE(px);
    const glm::vec3 skinColour = averageRgb(scene.render(), int(px->x), int(px->y), 2);
    scene.state.ghost = true;
    const glm::vec3 ghostColour = averageRgb(scene.render(), int(px->x), int(px->y), 2);
    // Skin is warm and light; the muscle seen through ghosted skin is much redder (red over green).
    const float skinRedness = skinColour.x / std::max(skinColour.y, 1.0f);
    const float ghostRedness = ghostColour.x / std::max(ghostColour.y, 1.0f);
    EXPECT_GT(ghostRedness, skinRedness + 0.25f) << "skin " << skinRedness << " ghosted " << ghostRedness;
    // Hiding the skin layer instead shows the muscle itself: redder still.
    scene.state.ghost = false;
    scene.state.layer(core::Layer::Skin).visible = false;
    const glm::vec3 bare = averageRgb(scene.render(), int(px->x), int(px->y), 2);
    EXPECT_GT(bare.x / std::max(bare.y, 1.0f), ghostRedness);
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
    // Seen through ghosted layers, an on-top marker keeps its full colour (the x-ray does not veil it).
    scene.state.ghost = true;
    scene.state.structures[scene.state.model.find("skull")->value].ghost = true;
    const glm::vec3 throughGhost = averageRgb(scene.render(), int(px->x), int(px->y), 0);
    EXPECT_LT(glm::distance(throughGhost, centre), 8.0f) << "veiled: " << throughGhost.x << "," << throughGhost.y << "," << throughGhost.z;
    scene.state.ghost = false;
    scene.state.structures[scene.state.model.find("skull")->value].ghost = false;
    // Not on top: the same marker is hidden by skin and skull.
    scene.state.markers.back().onTop = false;
    const glm::vec3 hidden = averageRgb(scene.render(), int(px->x), int(px->y), 0);
    EXPECT_FALSE(hidden.y > 120.0f && hidden.y > 2.0f * hidden.x);
}

TEST(GpuRender, ReferralEssentialPaintsSolidRedOnlyWhereWeighted)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Anterior);
    const core::StructureId skin = scene.state.model.find("skin").value();
    const core::Mesh& mesh = scene.state.model.get(skin)->mesh;
    // Essential zone: the subject's left half of the skin (x > 0.02).
    std::vector<glm::vec2> weights(mesh.vertexCount(), glm::vec2(0.0f));
    for (std::size_t i = 0; i < weights.size(); ++i)
        if (mesh.positions[i].x > 0.02f)
            weights[i].x = 1.0f;
    ASSERT_TRUE(scene.gpu.setReferral(skin, weights));
    const io::RgbaImage image = scene.render();
    const auto leftSide = scene.state.camera.project({0.12f, 1.53f, 0.10f});
    const auto rightSide = scene.state.camera.project({-0.12f, 1.53f, 0.10f});
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
    const core::StructureId skin = scene.state.model.find("skin").value();
    const std::size_t n = scene.state.model.get(skin)->mesh.vertexCount();
    ASSERT_TRUE(scene.gpu.setReferral(skin, std::vector<glm::vec2>(n, glm::vec2(0.0f, 1.0f))));
    const io::RgbaImage image = scene.render();
    const auto c = scene.state.camera.project({0.0f, 1.50f, 0.125f});
    ASSERT_TRUE(c);
    int red = 0, notRed = 0;
    for (int y = int(c->y) - 10; y < int(c->y) + 10; ++y)
        for (int x = int(c->x) - 10; x < int(c->x) + 10; ++x)
            (isReddish(averageRgb(image, x, y, 0)) ? red : notRed)++;
    // Dots cover part of the area, not all of it and not none of it.
    EXPECT_GT(red, 40) << "no stipple dots";
    EXPECT_GT(notRed, 40) << "spillover filled solid";
}

// The client's pain drawing is blue hatching: blue lines where painted, skin between them, nothing on the
// unpainted side; and it shows beside a red referral zone without hiding it.
TEST(GpuRender, PainDrawingIsBlueHatchingOnlyWherePainted)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Anterior);
    const core::StructureId skin = scene.state.model.find("skin").value();
    const core::Mesh& mesh = scene.state.model.get(skin)->mesh;
    std::vector<float> pain(mesh.vertexCount(), 0.0f);
    for (std::size_t i = 0; i < pain.size(); ++i)
        if (mesh.positions[i].x > 0.02f)
            pain[i] = 1.0f;
    ASSERT_TRUE(scene.gpu.setPain(skin, pain));
    const io::RgbaImage image = scene.render();
    const auto c = scene.state.camera.project({0.10f, 1.50f, 0.10f});
    const auto other = scene.state.camera.project({-0.10f, 1.50f, 0.10f});
    ASSERT_TRUE(c && other);
    const auto isBluish = [](glm::vec3 p) { return p.z > 100.0f && p.z > 1.6f * p.x && p.z > 1.3f * p.y; };
    int blue = 0, notBlue = 0, blueOther = 0;
    for (int y = int(c->y) - 10; y < int(c->y) + 10; ++y)
        for (int x = int(c->x) - 10; x < int(c->x) + 10; ++x) {
            (isBluish(averageRgb(image, x, y, 0)) ? blue : notBlue)++;
            blueOther += isBluish(averageRgb(image, x + int(other->x - c->x), y, 0)) ? 1 : 0;
        }
    EXPECT_GT(blue, 60) << "no hatching";
    EXPECT_GT(notBlue, 40) << "hatching filled solid";
    EXPECT_EQ(blueOther, 0) << "the unpainted side must stay clean";

    // With a red essential zone over the same skin, both show: red between the blue lines.
    ASSERT_TRUE(scene.gpu.setReferral(skin, std::vector<glm::vec2>(mesh.vertexCount(), glm::vec2(1.0f, 0.0f))));
    const io::RgbaImage both = scene.render();
    int red = 0, blue2 = 0;
    for (int y = int(c->y) - 10; y < int(c->y) + 10; ++y)
        for (int x = int(c->x) - 10; x < int(c->x) + 10; ++x) {
            red += isReddish(averageRgb(both, x, y, 0)) ? 1 : 0;
            blue2 += isBluish(averageRgb(both, x, y, 0)) ? 1 : 0;
        }
    EXPECT_GT(red, 40);
    EXPECT_GT(blue2, 60);

    EXPECT_FALSE(scene.gpu.setPain(skin, std::vector<float>(3)));
    scene.gpu.clearPain(skin);
    scene.gpu.clearReferral(skin);
    const io::RgbaImage none = scene.render();
    int left = 0;
    for (int y = int(c->y) - 10; y < int(c->y) + 10; ++y)
        for (int x = int(c->x) - 10; x < int(c->x) + 10; ++x)
            left += isBluish(averageRgb(none, x, y, 0)) ? 1 : 0;
    EXPECT_EQ(left, 0) << "cleared";
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

    // Interactive quality: half the pixels each way, same picture framing.
    scene.state.frame.renderScale = 0.5f;
    const io::RgbaImage half = scene.render();
    EXPECT_EQ(half.width, 62);
    EXPECT_EQ(half.height, 39);
}

TEST(GpuRender, ReferralChartMatchesBaseline)
{
    TA_REQUIRE_GL();
    // A chart-like zone on the skin: solid essential core around a point on the subject's left temple,
    // spillover stipple fading out around it, soft edges from smoothly falling weights.
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Left);
    const core::StructureId skin = scene.state.model.find("skin").value();
    const core::Mesh& mesh = scene.state.model.get(skin)->mesh;
    const glm::vec3 centre(0.17f, 1.60f, 0.05f);
    std::vector<std::vector<glm::vec2>> weights(scene.state.model.structures.size());
    weights[skin.value].resize(mesh.vertexCount());
    for (std::size_t i = 0; i < mesh.vertexCount(); ++i) {
        const float d = glm::distance(mesh.positions[i], centre);
        weights[skin.value][i] = {1.0f - glm::smoothstep(0.03f, 0.06f, d), 1.0f - glm::smoothstep(0.06f, 0.12f, d)};
    }
    core::OverlaySet overlays; // through the same mirror the window uses
    overlays.referral.assign(std::move(weights));
    for (const auto& w : overlays.referral.values()[skin.value])
        ASSERT_TRUE(w.x >= 0.0f && w.y >= 0.0f);
    render::OverlayMirror mirror;
    ASSERT_TRUE(mirror.sync(overlays, scene.gpu));
    EXPECT_FALSE(mirror.sync(overlays, scene.gpu)) << "an unchanged overlay is not uploaded again";
    ta::testing::expectMatchesBaseline(scene.render(), "test_scene_referral_left");
}

TEST(GpuRender, CoarseMeshesLookLikeTheFullOnes)
{
    TA_REQUIRE_GL();
    core::AnatomyModel model;
    model.structures.push_back(ta::testing::makeStructure(
        "skull", core::Layer::Bone, core::Kind::Bone, core::Side::Midline,
        ta::testing::makeEllipsoid({0.0f, 1.62f, 0.0f}, {0.075f, 0.095f, 0.095f}, glm::vec3(0.0f), 80, 120)));
    ta::testing::RenderState state;
    state.camera.setViewport(kWidth, kHeight);
    state.setModel(std::move(model), "fine");
    render::GpuModel gpu(state.model, true);
    const render::GpuMesh& mesh = gpu.mesh(0);
    ASSERT_GT(mesh.lodIndexCount, 0);
    EXPECT_LE(mesh.lodIndexCount, mesh.indexCount / 2) << "the coarse mesh is not much coarser";

    render::SceneRenderer renderer;
    renderer.render(gpu, state.styles(), state.camera, state.markers, state.frame);
    const io::RgbaImage full = renderer.readPixels();
    state.frame.coarse = true;
    renderer.render(gpu, state.styles(), state.camera, state.markers, state.frame);
    const io::RgbaImage coarse = renderer.readPixels();
    const ta::testing::ImageDifference d = ta::testing::compareImages(full, coarse, 30);
    EXPECT_LT(d.meanAbs, 2.0);
    EXPECT_LT(d.fractionOver, 0.01);
    // A small muscle-sized mesh (1200 triangles) gets one too: most of the model's muscles are that size,
    // and drawn at full detail they kept a turning view slow on a CPU renderer.
    core::AnatomyModel small;
    small.structures.push_back(ta::testing::makeStructure(
        "small", core::Layer::Superficial, core::Kind::Muscle, core::Side::Left,
        ta::testing::makeEllipsoid({0.0f, 1.4f, 0.0f}, {0.03f, 0.05f, 0.01f}, glm::vec3(0.0f), 20, 30)));
    const render::GpuModel smallGpu(small, true);
    ASSERT_GE(small.structures[0].mesh.triangleCount(), 1000u);
    EXPECT_GT(smallGpu.mesh(0).lodIndexCount, 0);
    EXPECT_LE(smallGpu.mesh(0).lodIndexCount, smallGpu.mesh(0).indexCount / 2);
    // Without coarse meshes built, `coarse` falls back to the full mesh: identical pictures.
    render::GpuModel plain(state.model);
    EXPECT_EQ(plain.mesh(0).lodIndexCount, 0);
    renderer.render(plain, state.styles(), state.camera, state.markers, state.frame);
    EXPECT_LT(ta::testing::compareImages(full, renderer.readPixels(), 2).fractionOver, 0.001);
}

TEST(GpuRender, GlowMarkerShowsThroughSurfacesSoftly)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Left);
    const glm::vec3 point(0.05f, 1.60f, 0.08f); // inside the skin and skull
    const auto px = scene.state.camera.project(point);
    ASSERT_TRUE(px);
    const glm::vec3 plain = averageRgb(scene.render(), int(px->x), int(px->y), 1);
    render::Marker glow;
    glow.position = point;
    glow.radius = 0.02f;
    glow.axes = {1.0f, 0.5f, 1.0f};
    glow.colour = {0.0f, 0.2f, 1.0f};
    glow.glow = 0.6f;
    scene.state.markers.push_back(glow);
    while (glGetError() != GL_NO_ERROR) {
    }
    const io::RgbaImage image = scene.render();
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
    const glm::vec3 centre = averageRgb(image, int(px->x), int(px->y), 1);
    // Seen through the opaque skin: bluer than the skin alone, yet the skin still shows (translucent).
    EXPECT_GT(centre.z, plain.z + 40.0f) << "no glow at " << px->x << "," << px->y;
    EXPECT_GT(centre.x, 30.0f) << "the glow hides the surface instead of tinting it";
    // Its half-height along y is 1 cm: 2 cm above the centre the picture is as before.
    const auto above = scene.state.camera.project(point + glm::vec3(0.0f, 0.02f, 0.0f));
    ASSERT_TRUE(above);
    const glm::vec3 outside = averageRgb(image, int(above->x), int(above->y), 0);
    scene.state.markers.clear();
    const glm::vec3 before = averageRgb(scene.render(), int(above->x), int(above->y), 0);
    EXPECT_LT(glm::distance(outside, before), 6.0f);
}
