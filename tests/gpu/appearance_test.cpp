// How the tissue looks on a render of the small test model: the skin tones differ, the selection highlight
// is a colour no tissue has, and baked ambient occlusion darkens what it covers, and tendon is painted pale.
#include "gpu_fixture.h"
#include "test_scene.h"

#include "core/orbit_camera.h"
#include "core/view/skin_tone.h"
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "session/visibility.h"

#include <functional>
#include <vector>

using namespace ta;
using ta::testing::averageRgb;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 200;

struct Scene {
    core::AnatomyModel model;
    core::OrbitCamera camera;
    session::Visibility visibility;
    render::FrameSettings frame;
    render::GpuModel gpu;
    render::SceneRenderer renderer;

    explicit Scene(core::AnatomyModel m, core::ViewPreset preset) : model(std::move(m))
    {
        camera.setViewport(kWidth, kHeight);
        camera.setSceneRadius(0.5f * glm::length(model.bounds().size()));
        camera.applyPreset(preset, true);
        camera.frame(model.bounds(), true);
        visibility.reset(model.structures.size());
        gpu = render::GpuModel(model);
    }
    /// The colour (0..255) around a model point, rendered with `selected` selected.
    glm::vec3 colourAt(glm::vec3 point, std::optional<core::StructureId> selected = std::nullopt)
    {
        renderer.render(gpu, visibility.styles(model, selected, std::nullopt), camera, {}, frame);
        const auto px = camera.project(point);
        EXPECT_TRUE(px);
        return px ? averageRgb(renderer.readPixels(), int(px->x), int(px->y), 2) : glm::vec3(0.0f);
    }
};

const glm::vec3 kSkinPoint(0.12f, 1.53f, 0.10f);    // front of the skin, the subject's left
const glm::vec3 kMusclePoint(0.12f, 1.45f, -0.08f); // back of the left trapezius

float luminance(glm::vec3 c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; }

/// The test model with one structure's mesh changed by `edit`.
core::AnatomyModel withMesh(const char* id, const std::function<void(core::Mesh&)>& edit)
{
    core::AnatomyModel model = ta::testing::makeTestModel();
    edit(model.structures[model.find(id).value().value].mesh);
    return model;
}

/// Selection colour: green above red and blue clearly (every tissue is warm: red on top).
bool isSelectionTeal(glm::vec3 c) { return c.y > c.x + 30.0f && c.y > c.z + 10.0f; }

} // namespace

TEST(GpuAppearance, SkinTonesDifferInTheRenderedSkin)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Anterior);
    std::vector<glm::vec3> colours;
    for (core::SkinTone tone : core::kAllSkinTones) {
        scene.frame.skinTone = tone;
        colours.push_back(scene.colourAt(kSkinPoint));
    }
    // Light, medium, dark: each clearly darker than the one before, and all of them warm.
    EXPECT_GT(luminance(colours[0]), luminance(colours[1]) + 25.0f);
    EXPECT_GT(luminance(colours[1]), luminance(colours[2]) + 25.0f);
    for (const glm::vec3& c : colours) {
        EXPECT_GT(c.x, c.y) << c.x << "," << c.y << "," << c.z;
        EXPECT_GT(c.y, c.z) << c.x << "," << c.y << "," << c.z;
    }
    // The tone colours only the skin: a muscle seen without skin is the same in every tone.
    scene.visibility.layer(core::Layer::Skin).visible = false;
    scene.camera.applyPreset(core::ViewPreset::Posterior, true);
    scene.frame.skinTone = core::SkinTone::Light;
    const glm::vec3 muscleLight = scene.colourAt(kMusclePoint);
    scene.frame.skinTone = core::SkinTone::Dark;
    EXPECT_LT(glm::distance(scene.colourAt(kMusclePoint), muscleLight), 2.0f);
}

TEST(GpuAppearance, SelectionIsTintedInAColourNoTissueHas)
{
    TA_REQUIRE_GL();
    Scene scene(ta::testing::makeTestModel(), core::ViewPreset::Anterior);
    const core::StructureId skin = scene.model.find("skin").value();
    for (core::SkinTone tone : core::kAllSkinTones) {
        scene.frame.skinTone = tone;
        const glm::vec3 plain = scene.colourAt(kSkinPoint);
        const glm::vec3 selected = scene.colourAt(kSkinPoint, skin);
        EXPECT_FALSE(isSelectionTeal(plain)) << core::toString(tone);
        EXPECT_TRUE(isSelectionTeal(selected))
            << core::toString(tone) << ": selected skin " << selected.x << "," << selected.y << "," << selected.z;
    }
    // A selected muscle too, and the muscle beside it stays red.
    scene.visibility.layer(core::Layer::Skin).visible = false;
    scene.camera.applyPreset(core::ViewPreset::Posterior, true);
    const core::StructureId left = scene.model.find("trapezius-descending-left").value();
    const glm::vec3 otherPoint(-0.12f, 1.45f, -0.08f);
    EXPECT_FALSE(isSelectionTeal(scene.colourAt(kMusclePoint)));
    EXPECT_TRUE(isSelectionTeal(scene.colourAt(kMusclePoint, left)));
    const glm::vec3 other = scene.colourAt(otherPoint, left);
    EXPECT_GT(other.x, other.y + 30.0f) << "the unselected muscle keeps its colour";
}

TEST(GpuAppearance, BakedOcclusionDarkensTheSurface)
{
    TA_REQUIRE_GL();
    Scene withoutOcclusion(ta::testing::makeTestModel(), core::ViewPreset::Anterior);
    Scene withOcclusion(withMesh("skin", [](core::Mesh& m) { m.occlusion.assign(m.positions.size(), 0.25f); }),
                        core::ViewPreset::Anterior);
    const glm::vec3 bright = withoutOcclusion.colourAt(kSkinPoint);
    const glm::vec3 dark = withOcclusion.colourAt(kSkinPoint);
    // A quarter open: the ambient light is mostly gone and the direct light dimmed (sRGB-encoded).
    EXPECT_LT(luminance(dark), 0.85f * luminance(bright)) << luminance(dark) << " vs " << luminance(bright);
    EXPECT_GT(luminance(dark), 0.3f * luminance(bright)) << "still lit: occlusion is not a black-out";
}

TEST(GpuAppearance, TendonIsPaintedPaleWhereTheMuscleSaysSo)
{
    TA_REQUIRE_GL();
    Scene muscle(ta::testing::makeTestModel(), core::ViewPreset::Posterior);
    Scene tendon(
        withMesh("trapezius-descending-left", [](core::Mesh& m) { m.tendon.assign(m.positions.size(), 1.0f); }),
        core::ViewPreset::Posterior);
    muscle.visibility.layer(core::Layer::Skin).visible = false;
    tendon.visibility.layer(core::Layer::Skin).visible = false;
    const glm::vec3 red = muscle.colourAt(kMusclePoint);
    const glm::vec3 pale = tendon.colourAt(kMusclePoint);
    // Muscle: red well above green. Tendon: pale, nearly neutral, and much lighter.
    EXPECT_GT(red.x, red.y + 40.0f) << red.x << " " << red.y;
    EXPECT_LT(pale.x - pale.y, 0.5f * (red.x - red.y)) << pale.x << " " << pale.y << " " << pale.z;
    EXPECT_GT(luminance(pale), 1.5f * luminance(red)) << luminance(pale) << " vs " << luminance(red);
}
