// The committed model (assets/models/neck-shoulder.glb) seen through the renderer: each view puts the
// subject's sides where an anatomist expects them, and landmarks land on drawn pixels. Skips (loudly) when
// the model file is not in the tree yet or no GL context can be made.
#include "gpu_fixture.h"

#include "core/orbit_camera.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "render_state.h"

using namespace ta;

namespace {

struct ModelView {
    ta::testing::RenderState state;
    io::RgbaImage image;
};

bool modelPresent() { return std::filesystem::exists(io::defaultModelPath()); }

ModelView renderView(const core::AnatomyModel& model, core::ViewPreset preset)
{
    static render::SceneRenderer* renderer = new render::SceneRenderer(); // one per process, leaked on purpose
    ModelView v;
    v.state.camera.setViewport(400, 250);
    v.state.setModel(model, io::defaultModelPath());
    v.state.camera.applyPreset(preset, true);
    v.state.camera.frame(v.state.model.bounds(), true);
    render::GpuModel gpu(v.state.model);
    renderer->render(gpu, v.state.styles(), v.state.camera, v.state.markers, v.state.frame);
    v.image = renderer->readPixels();
    return v;
}

glm::vec3 landmarkPixel(const ModelView& v, const char* id)
{
    const core::Landmark* l = v.state.model.landmark(id);
    EXPECT_NE(l, nullptr) << "landmark " << id << " missing from the committed model";
    if (!l)
        return glm::vec3(-1.0f);
    return v.state.camera.project(l->position).value_or(glm::vec3(-1.0f));
}

bool drawnAt(const ModelView& v, glm::vec3 px)
{
    const glm::vec3 background = ta::testing::averageRgb(v.image, 1, int(px.y), 0);
    return glm::distance(ta::testing::averageRgb(v.image, int(px.x), int(px.y), 1), background) > 25.0f;
}

} // namespace

TEST(CommittedModel, SidesAndLandmarksLandWhereTheViewsSay)
{
    if (!modelPresent())
        GTEST_SKIP() << "SKIPPED LOUDLY: " << io::defaultModelPath() << " is not in the tree yet";
    TA_REQUIRE_GL();
    const core::AnatomyModel model = io::loadModel(io::defaultModelPath());

    const ModelView front = renderView(model, core::ViewPreset::Anterior);
    const glm::vec3 frontLeft = landmarkPixel(front, "acromion-left");
    const glm::vec3 frontRight = landmarkPixel(front, "acromion-right");
    EXPECT_GT(frontLeft.x, 200.0f) << "anterior: the subject's left shoulder belongs on screen right";
    EXPECT_LT(frontRight.x, 200.0f);
    EXPECT_TRUE(drawnAt(front, frontLeft));
    EXPECT_TRUE(drawnAt(front, frontRight));

    const ModelView back = renderView(model, core::ViewPreset::Posterior);
    const glm::vec3 backLeft = landmarkPixel(back, "acromion-left");
    EXPECT_LT(backLeft.x, 200.0f) << "posterior: the subject's left shoulder belongs on screen left";
    EXPECT_TRUE(drawnAt(back, backLeft));
    EXPECT_TRUE(drawnAt(back, landmarkPixel(back, "c7-spinous")));

    const ModelView side = renderView(model, core::ViewPreset::Left);
    const glm::vec3 nasion = landmarkPixel(side, "nasion");
    const glm::vec3 inion = landmarkPixel(side, "inion");
    EXPECT_LT(nasion.x, inion.x) << "left view: the face points to screen left";
    EXPECT_TRUE(drawnAt(side, nasion));
    EXPECT_TRUE(drawnAt(side, inion));
    EXPECT_LT(landmarkPixel(side, "vertex").y, landmarkPixel(side, "menton").y) << "head up";
}
