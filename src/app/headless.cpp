#include "app/headless.h"

#include "app/explore_options.h"

#include "core/error.h"
#include "io/png_image.h"
#include "render/gl_context.h"
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "ui/app_state.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace ta::app {
namespace {

PickProbe g_pickProbe;

std::unique_ptr<render::GlContext> requireContext()
{
    std::string why;
    auto context = render::createHeadlessContext(&why);
    if (!context) {
        std::string oneLine;
        for (char c : why)
            oneLine += c == '\n' ? std::string("; ") : std::string(1, c);
        throw Error("no OpenGL 4.1 context for off-screen rendering (" + oneLine + ")");
    }
    return context;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

void setBenchPickProbe(PickProbe probe) { g_pickProbe = std::move(probe); }

int runScreenshot(const ViewOptions& options)
{
    // Check every value before the slow parts, so a typo fails at once.
    const core::ViewPreset preset = core::parseViewPreset(options.view);
    const ImageSize size = parseImageSize(options.size);
    std::filesystem::path modelPath;
    core::AnatomyModel model = loadRequestedModel(options, modelPath);

    auto context = requireContext();
    render::SceneRenderer renderer;
    ui::AppState state;
    state.camera.setViewport(size.width, size.height);
    state.setModel(std::move(model), modelPath);
    state.camera.applyPreset(preset, true);
    state.frame.samples = options.samples;
    render::GpuModel gpu(state.model);
    ExploreSession explore(state, exploreOptions(), /*interactive=*/false);
    explore.syncGpu(gpu);
    renderer.render(gpu, state.styles(), state.camera, state.markers, state.frame);
    explore.drawOffscreen(renderer.target().outputFramebuffer(), size.width, size.height);
    io::writePng(renderer.readPixels(), options.screenshot);
    std::printf("wrote %s (%dx%d, %s view)\n", options.screenshot.c_str(), size.width, size.height,
                options.view.c_str());
    return 0;
}

int runBench(const ViewOptions& options)
{
    const core::ViewPreset preset = core::parseViewPreset(options.view);
    const ImageSize size = parseImageSize(options.size);
    std::filesystem::path modelPath;
    core::AnatomyModel model = loadRequestedModel(options, modelPath);

    auto context = requireContext();
    std::printf("context: %s\n", context->description().c_str());
    render::SceneRenderer renderer;
    ui::AppState state;
    state.camera.setViewport(size.width, size.height);
    state.setModel(std::move(model), modelPath);
    state.camera.applyPreset(preset, true);
    state.frame.samples = options.samples;
    // Every layer at full detail; skin and superficial muscles ghosted (the heaviest case: both passes busy).
    state.ghost = true;
    state.ghostDownTo = core::Layer::Superficial;
    render::GpuModel gpu(state.model);
    ExploreSession explore(state, exploreOptions(), /*interactive=*/false);
    setBenchPickProbe([&explore](const core::PixelRay& ray) { explore.state().pickRay(ray); });
    const std::vector<render::StructureStyle> styles = state.styles();

    using Clock = std::chrono::steady_clock;
    auto frame = [&](int i) {
        // Turn a little each frame so nothing can be cached between frames.
        core::CameraPose pose = state.camera.pose();
        pose.yaw += 0.01f;
        state.camera.setPose(pose);
        renderer.render(gpu, styles, state.camera, state.markers, state.frame);
        // glFinish-equivalent: reading one pixel waits for the frame to complete.
        unsigned char pixel[4];
        glBindFramebuffer(GL_READ_FRAMEBUFFER, renderer.target().outputFramebuffer());
        glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
    };
    for (int i = 0; i < 3; ++i)
        frame(i); // warm-up: shader compilation, allocations
    std::vector<double> ms;
    for (int i = 0; i < options.benchFrames; ++i) {
        const auto t0 = Clock::now();
        frame(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::printf("model: %s (%zu structures, %zu triangles)\n", modelPath.string().c_str(),
                state.model.structures.size(), state.model.triangleCount());
    std::printf("frame %dx%d, %d samples, all layers, ghosting on: median %.2f ms, p99 %.2f ms (%d frames)\n",
                size.width, size.height, renderer.target().samples(), percentile(ms, 0.5), percentile(ms, 0.99),
                options.benchFrames);

    if (g_pickProbe) {
        std::vector<double> pickUs;
        const int kProbes = 2000;
        for (int i = 0; i < kProbes; ++i) {
            // A fixed grid of pixels over the central part of the image.
            const float fx = 0.2f + 0.6f * static_cast<float>(i % 50) / 49.0f;
            const float fy = 0.1f + 0.8f * static_cast<float>(i / 50) / 39.0f;
            const core::PixelRay ray = state.camera.rayFromPixel({fx * size.width, fy * size.height});
            const auto t0 = Clock::now();
            g_pickProbe(ray);
            pickUs.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        }
        std::printf("pick: median %.1f us, p99 %.1f us (%d rays)\n", percentile(pickUs, 0.5),
                    percentile(pickUs, 0.99), kProbes);
    } else {
        std::printf("pick: not measured (no pick probe registered)\n");
    }
    return 0;
}

} // namespace ta::app
