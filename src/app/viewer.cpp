#include "app/viewer.h"

#include "app/camera_input.h"
#include "app/explore_options.h"
#include "app/overlay_renderer.h"
#include "core/error.h"
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "render/window.h"
#include "ui/app_state.h"
#include "ui/imgui_layer.h"
#include "ui/view_panel.h"

#include <imgui_impl_glfw.h>

#include <GLFW/glfw3.h>

#include <cstdio>

namespace ta::app {
namespace {

CameraInput* g_input = nullptr; // the GLFW scroll callback's target while the viewer runs

void onScroll(GLFWwindow* window, double dx, double dy)
{
    ImGui_ImplGlfw_ScrollCallback(window, dx, dy);
    if (g_input)
        g_input->addScroll(dy);
}

} // namespace

int runViewer(const ViewOptions& options)
{
    const core::ViewPreset preset = core::parseViewPreset(options.view);
    const ImageSize size = parseImageSize(options.size);
    std::filesystem::path modelPath;
    core::AnatomyModel model = loadRequestedModel(options, modelPath);

    render::Window window(size.width, size.height, "TriggerAtlas — " + modelPath.filename().string());
    glfwSwapInterval(1);
    ui::ImGuiLayer imgui(window.handle(), window.contentScale(), window.pixelRatio());
    render::SceneRenderer renderer;
    ui::AppState state;
    int fbWidth = 0, fbHeight = 0;
    window.framebufferSize(fbWidth, fbHeight);
    state.camera.setViewport(fbWidth, fbHeight);
    state.setModel(std::move(model), modelPath);
    state.camera.applyPreset(preset, true);
    state.frame.samples = options.samples;
    render::GpuModel gpu(state.model);
    ExploreSession explore(state, exploreOptions(), /*interactive=*/true);

    CameraInput input;
    g_input = &input;
    // ImGui installed its callbacks (InitForOpenGL with install_callbacks); chain the wheel through ours.
    glfwSetScrollCallback(window.handle(), onScroll);

    double last = glfwGetTime();
    while (!window.shouldClose()) {
        glfwPollEvents();
        const double now = glfwGetTime();
        const float dt = static_cast<float>(now - last);
        last = now;

        window.framebufferSize(fbWidth, fbHeight);
        if (fbWidth <= 0 || fbHeight <= 0) { // minimised
            glfwWaitEvents();
            continue;
        }
        state.camera.setViewport(fbWidth, fbHeight);
        const float pixelRatio = window.pixelRatio();
        state.frame.pixelScale = std::max(pixelRatio, window.contentScale());

        imgui.beginFrame();
        input.update(window.handle(), state, pixelRatio, imgui.wantsMouse(), imgui.wantsKeyboard());
        state.camera.update(dt);
        explore.frame(pixelRatio, imgui.wantsMouse(), imgui.wantsKeyboard(), now);
        explore.syncGpu(gpu);

        renderer.render(gpu, state.styles(), state.camera, state.markers, state.frame);
        renderer.blitTo(0, fbWidth, fbHeight);
        glViewport(0, 0, fbWidth, fbHeight);
        imgui.endFrame();
        explore.afterFrame(window.handle(), fbWidth, fbHeight);
        window.swapBuffers();
    }
    g_input = nullptr;
    return 0;
}

} // namespace ta::app
