#include "app/viewer.h"

#include "app/camera_input.h"
#include "app/explore_options.h"
#include "app/overlay_renderer.h"
#include "core/error.h"
#include "app/scene_frame.h"
#include "render/window.h"
#include "ui/app_state.h"
#include "ui/imgui_layer.h"

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
    const ImageSize size = validateViewOptions(options); // fail fast, before loading anything
    std::filesystem::path modelPath;
    core::AnatomyModel model = loadRequestedModel(options, modelPath);

    render::Window window(size.width, size.height, "TriggerAtlas — " + modelPath.filename().string());
    glfwSwapInterval(1);
    ui::ImGuiLayer imgui(window.handle(), window.contentScale(), window.pixelRatio());
    ui::AppState state;
    int fbWidth = 0, fbHeight = 0;
    window.framebufferSize(fbWidth, fbHeight);
    state.camera.setViewport(fbWidth, fbHeight);
    state.setModel(std::move(model), modelPath);
    applyViewOptions(options, state);
    state.frame.samples = options.samples;
    SceneFrame scene(state, true);
    ExploreSession explore(state, exploreOptions(), /*interactive=*/true);

    CameraInput input;
    g_input = &input;
    // ImGui installed its callbacks (InitForOpenGL with install_callbacks); chain the wheel through ours.
    glfwSetScrollCallback(window.handle(), onScroll);

    double last = glfwGetTime();
    bool idle = false;
    while (!window.shouldClose()) {
        // When the last frame changed nothing, sleep until an event (or a quarter second) instead of
        // spinning: an idle atlas should not load the machine.
        if (idle)
            glfwWaitEventsTimeout(0.25);
        else
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
        input.update(window.handle(), state, pixelRatio, imgui.wantsMouse(), explore.state().pain.active);
        state.camera.update(dt);
        explore.frame(pixelRatio, imgui.wantsMouse(), imgui.wantsKeyboard(), now);
        explore.syncGpu(scene.gpuModel());

        // While the view moves, draw at half resolution without MSAA (a software renderer keeps up);
        // the still picture that follows is drawn at full quality.
        const bool interacting = state.camera.moving() || glfwGetMouseButton(window.handle(), GLFW_MOUSE_BUTTON_LEFT) ||
                                 glfwGetMouseButton(window.handle(), GLFW_MOUSE_BUTTON_RIGHT) ||
                                 glfwGetMouseButton(window.handle(), GLFW_MOUSE_BUTTON_MIDDLE);
        state.frame.renderScale = interacting && options.interactiveScale < 1.0f ? options.interactiveScale : 1.0f;
        state.frame.samples = interacting && options.interactiveScale < 1.0f ? 1 : options.samples;
        state.frame.coarse = interacting && options.interactiveScale < 1.0f;
        const bool drew = scene.render(state);
        idle = !drew && !state.camera.moving();
        scene.renderer().blitTo(0, fbWidth, fbHeight);
        glViewport(0, 0, fbWidth, fbHeight);
        imgui.endFrame();
        explore.afterFrame(window.handle(), fbWidth, fbHeight);
        window.swapBuffers();
    }
    g_input = nullptr;
    return 0;
}

} // namespace ta::app
