#include "app/headless.h"

#include "app/explore_frontend.h"

#include "core/error.h"
#include "io/png_image.h"
#include "render/gl_context.h"
#include "app/scene_frame.h"
#include "io/asset_paths.h"
#include "session/app_session.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace ta::app {
namespace {

} // namespace

std::unique_ptr<render::GlContext> requireHeadlessContext()
{
    std::string why;
    auto context = render::createHeadlessContext(&why);
    if (!context) {
        while (!why.empty() && why.back() == '\n')
            why.pop_back();
        std::string oneLine;
        for (char c : why)
            oneLine += c == '\n' ? std::string("; ") : std::string(1, c);
        throw Error("no OpenGL 4.1 context for off-screen rendering (" + oneLine + ")");
    }
    return context;
}

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

int runScreenshot(const ViewOptions& options, const session::StartOptions& start)
{
    // Check every value before the slow parts, so a typo fails at once.
    const ImageSize size = validateViewOptions(options); // fail fast, before loading anything
    std::filesystem::path modelPath;
    core::AnatomyModel model = loadRequestedModel(options, modelPath);

    auto context = requireHeadlessContext();
    session::AppSession session;
    session.camera().setViewport(size.width, size.height);
    session.openModel(std::move(model), modelPath, io::assetPath("data"));
    session.bodyMap().setSessionDate(core::records::todayLocalDate());
    session.setRecordsClosedReason("a screenshot never reads them");
    applyViewOptions(options, session);
    render::FrameSettings frame;
    frame.samples = options.samples;
    // Stipple dots keep their share of the picture in large images (a 1600x1000 shot looks like the window).
    frame.pixelScale = std::max(1.0f, static_cast<float>(size.height) / 1000.0f);
    ExploreFrontEnd explore(session, /*interactive=*/false);
    session::applyStartOptions(session, start);
    SceneFrame scene(session);
    scene.render(session, frame);
    const bool window = !options.screenshotWindow.empty();
    const std::string& file = window ? options.screenshotWindow : options.screenshot;
    if (window) {
        const auto panels = explore.drawWindowOffscreen(scene.renderer().target().outputFramebuffer(), size.width, size.height);
        if (!options.layoutJson.empty())
            writePanelRects(panels, size.width, size.height, options.layoutJson);
    } else {
        explore.drawOffscreen(scene.renderer().target().outputFramebuffer(), size.width, size.height);
    }
    io::writePng(scene.renderer().readPixels(), file);
    std::printf("wrote %s (%dx%d, %s view%s)\n", file.c_str(), size.width, size.height, options.view.c_str(),
                window ? ", whole window" : "");
    return 0;
}

int runBench(const ViewOptions& options, const session::StartOptions& start)
{
    const ImageSize size = validateViewOptions(options); // fail fast, before loading anything
    using Clock = std::chrono::steady_clock;
    std::filesystem::path modelPath;
    const auto loadStart = Clock::now();
    core::AnatomyModel model = loadRequestedModel(options, modelPath);
    std::printf("load: model read in %.0f ms\n",
                std::chrono::duration<double, std::milli>(Clock::now() - loadStart).count());

    auto context = requireHeadlessContext();
    std::printf("context: %s\n", context->description().c_str());
    session::AppSession session;
    session.camera().setViewport(size.width, size.height);
    const auto openStart = Clock::now();
    session.openModel(std::move(model), modelPath, io::assetPath("data"));
    std::printf("open: search index and trigger-point catalog (the picking BVH waits for the first pick) %.0f ms\n",
                std::chrono::duration<double, std::milli>(Clock::now() - openStart).count());
    applyViewOptions(options, session);
    render::FrameSettings frameSettings;
    frameSettings.samples = options.samples;
    // Every layer at full detail; skin and superficial muscles ghosted (the heaviest case: both passes busy).
    for (core::Layer l : core::kAllLayers)
        session.visibility().layer(l) = session::LayerState{};
    session.visibility().setGhost(true);
    session.visibility().setGhostDownTo(core::Layer::Superficial);
    session::applyStartOptions(session, start);
    const auto uploadStart = Clock::now();
    SceneFrame scene(session, true); // with the coarse meshes the window draws while moving
    const core::AnatomyModel& m = session.model();
    std::printf("model: %s (%zu structures, %zu triangles); upload with coarse meshes %.0f ms\n",
                modelPath.string().c_str(), m.structures.size(), m.triangleCount(),
                std::chrono::duration<double, std::milli>(Clock::now() - uploadStart).count());

    auto frame = [&]() {
        // Turn a little each frame so nothing can be cached between frames.
        core::CameraPose pose = session.camera().pose();
        pose.yaw += 0.01f;
        session.camera().setPose(pose);
        scene.render(session, frameSettings);
        // glFinish-equivalent: reading one pixel waits for the frame to complete.
        unsigned char pixel[4];
        glBindFramebuffer(GL_READ_FRAMEBUFFER, scene.renderer().target().outputFramebuffer());
        glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
    };
    auto timeFrames = [&](const char* label) {
        for (int i = 0; i < 2; ++i)
            frame(); // warm-up: shader compilation, allocations
        std::vector<double> ms;
        for (int i = 0; i < options.benchFrames; ++i) {
            const auto t0 = Clock::now();
            frame();
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
        std::printf("%s: %dx%d drawn at %dx%d, %d samples: median %.2f ms, p99 %.2f ms per frame (%d frames; "
                    "%zu hidden structures skipped)\n",
                    label, size.width, size.height, scene.renderer().target().width(),
                    scene.renderer().target().height(), scene.renderer().target().samples(), percentile(ms, 0.5),
                    percentile(ms, 0.99), options.benchFrames, scene.renderer().lastCulled());
    };
    const render::FrameSettings still = frameSettings;
    // What the window draws while the view moves: coarse meshes, reduced resolution, no MSAA.
    render::FrameSettings moving = frameSettings;
    moving.coarse = true;
    moving.samples = 1;
    moving.renderScale = options.interactiveScale;
    for (const bool xray : {true, false}) {
        session.visibility().setGhost(xray);
        frameSettings = still;
        timeFrames(xray ? "still view, x-ray on: full detail, all layers, skin and superficial muscles x-rayed"
                        : "still view, x-ray off: full detail, all layers");
        frameSettings = moving;
        timeFrames(xray ? "moving view, x-ray on: coarse meshes, all layers, skin and superficial muscles x-rayed"
                        : "moving view, x-ray off: coarse meshes, all layers");
    }
    session.visibility().setGhost(true);

    // The pick path the window uses: the session's ray cast through its visibility filter (hidden and
    // x-rayed structures skipped, a click goes through the x-ray to what lies beneath).
    {
        std::vector<double> pickUs;
        std::vector<double> hitUs;
        int hits = 0;
        const int kProbes = 2000;
        // Rays through the projected model: a fixed grid over the screen box of the model's bounds.
        glm::vec2 lo(1e9f), hi(-1e9f);
        const core::Aabb box = session.model().bounds();
        for (int c = 0; c < 8; ++c) {
            const glm::vec3 corner{c & 1 ? box.max.x : box.min.x, c & 2 ? box.max.y : box.min.y,
                                   c & 4 ? box.max.z : box.min.z};
            if (auto p = session.camera().project(corner)) {
                lo = glm::min(lo, glm::vec2(*p));
                hi = glm::max(hi, glm::vec2(*p));
            }
        }
        for (int i = 0; i < kProbes; ++i) {
            const float fx = static_cast<float>(i % 50) / 49.0f;
            const float fy = static_cast<float>(i / 50) / 39.0f;
            const core::PixelRay ray = session.camera().rayFromPixel(glm::mix(lo, hi, glm::vec2(fx, fy)));
            const auto t0 = Clock::now();
            const bool hit = session.pickRay(ray).has_value();
            const double us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
            pickUs.push_back(us);
            if (hit) {
                ++hits;
                hitUs.push_back(us);
            }
        }
        std::printf("pick: median %.2f us, p99 %.2f us (%d rays over the model's screen box); rays that hit "
                    "(%d): median %.2f us, p99 %.2f us\n",
                    percentile(pickUs, 0.5), percentile(pickUs, 0.99), kProbes, hits, percentile(hitUs, 0.5),
                    percentile(hitUs, 0.99));
    }
    return 0;
}

} // namespace ta::app
