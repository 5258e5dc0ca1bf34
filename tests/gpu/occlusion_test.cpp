// The opaque pass skips structures hidden behind the outermost opaque layer (occlusion queries of their
// bounding boxes). It must be exact: a hidden structure is skipped, one that shows (even a little) is drawn,
// and the picture is the same as without the hidden one.
#include "gpu_fixture.h"
#include "test_scene.h"

#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "render_state.h"

using namespace ta;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 200;

/// A skin ellipsoid, a bone well inside it, and a muscle that pokes out of the skin at the front.
core::AnatomyModel enclosedModel()
{
    using core::Kind;
    using core::Layer;
    using core::Side;
    core::AnatomyModel model;
    model.structures.push_back(ta::testing::makeStructure(
        "skin", Layer::Skin, Kind::Skin, Side::Midline,
        ta::testing::makeEllipsoid({0.0f, 1.6f, 0.0f}, {0.12f, 0.15f, 0.10f})));
    model.structures.push_back(ta::testing::makeStructure(
        "hidden-bone", Layer::Bone, Kind::Bone, Side::Midline,
        ta::testing::makeEllipsoid({0.0f, 1.6f, 0.0f}, {0.04f, 0.05f, 0.04f})));
    model.structures.push_back(ta::testing::makeStructure(
        "poking-muscle", Layer::Deep, Kind::Muscle, Side::Midline,
        ta::testing::makeEllipsoid({0.05f, 1.62f, 0.10f}, {0.03f, 0.03f, 0.03f})));
    return model;
}

} // namespace

TEST(GpuOcclusion, HiddenStructuresAreSkippedAndThePictureIsUnchanged)
{
    TA_REQUIRE_GL();
    ta::testing::RenderState state;
    state.camera.setViewport(kWidth, kHeight);
    state.setModel(enclosedModel(), "enclosed");
    state.camera.applyPreset(core::ViewPreset::Anterior, true);
    state.camera.frame(state.model.bounds(), true);
    render::GpuModel gpu(state.model);
    render::SceneRenderer renderer;

    renderer.render(gpu, state.styles(), state.camera, state.markers, state.frame);
    const io::RgbaImage all = renderer.readPixels();
    EXPECT_EQ(renderer.lastCulled(), 1u) << "the bone inside the skin should be skipped, the poking muscle drawn";

    std::vector<render::StructureStyle> styles = state.styles();
    styles[1].visible = false; // without the hidden bone: the same picture
    renderer.render(gpu, styles, state.camera, state.markers, state.frame);
    EXPECT_EQ(renderer.lastCulled(), 0u);
    EXPECT_EQ(ta::testing::compareImages(all, renderer.readPixels(), 0).fractionOver, 0.0);

    styles = state.styles();
    styles[2].visible = false; // without the muscle that shows: a different picture, so it was drawn
    renderer.render(gpu, styles, state.camera, state.markers, state.frame);
    EXPECT_GT(ta::testing::compareImages(all, renderer.readPixels(), 30).fractionOver, 0.0005);
}

TEST(GpuOcclusion, NothingIsSkippedWhenTheSkinIsXrayed)
{
    TA_REQUIRE_GL();
    ta::testing::RenderState state;
    state.camera.setViewport(kWidth, kHeight);
    state.setModel(enclosedModel(), "enclosed");
    state.ghost = true;
    state.ghostDownTo = core::Layer::Skin;
    render::GpuModel gpu(state.model);
    render::SceneRenderer renderer;
    renderer.render(gpu, state.styles(), state.camera, state.markers, state.frame);
    EXPECT_EQ(renderer.lastCulled(), 0u) << "with the skin x-rayed the bone shows and must be drawn";
}
