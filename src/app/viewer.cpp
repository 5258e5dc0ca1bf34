#include "app/viewer.h"

#include "app/camera_input.h"
#include "app/commands.h"
#include "app/password_prompt.h"
#include "app/explore_frontend.h"
#include "app/scene_frame.h"
#include "app/startup_trace.h"
#include "app/stop_signals.h"
#include "ui/action_dispatch.h"
#include "core/error.h"
#include "io/asset_paths.h"
#include "render/window.h"
#include "session/app_session.h"
#include "session/model_files.h"
#include "session/records/record_services.h"
#include "ui/imgui_layer.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace ta::app {
namespace {

/// The window's user pointer while a viewer runs it: where the callbacks deliver.
struct WindowInput {
    CameraInput* camera = nullptr;
    ui::InputQueue* queue = nullptr;
};

unsigned modifierBits(int mods)
{
    return ((mods & GLFW_MOD_CONTROL) ? ui::kCtrl : 0u) | ((mods & GLFW_MOD_SHIFT) ? ui::kShift : 0u) |
           ((mods & GLFW_MOD_ALT) ? ui::kAlt : 0u);
}

void onScroll(GLFWwindow* window, double dx, double dy)
{
    ImGui_ImplGlfw_ScrollCallback(window, dx, dy);
    if (auto* input = static_cast<WindowInput*>(glfwGetWindowUserPointer(window)))
        input->camera->addScroll(dy);
}

// Every key and button event goes into our queue (with the modifiers and the time of the event), then on
// to ImGui for its panels and text fields; a key released in the frame it went down reaches ImGui a frame
// later, so ImGui sees it pressed at all.
void onKey(GLFWwindow* window, int key, int scancode, int action, int mods)
{
    auto* input = static_cast<WindowInput*>(glfwGetWindowUserPointer(window));
    if (input && key != GLFW_KEY_UNKNOWN) {
        input->queue->push({ui::InputEvent::Kind::Key, key, action != GLFW_RELEASE, action == GLFW_REPEAT,
                            modifierBits(mods), glfwGetTime(), {}});
        if (action == GLFW_RELEASE && input->queue->holdRelease(key))
            return;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

bool isModifierKey(int key)
{
    return key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_SHIFT ||
           key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT ||
           key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

// Characters wait in our queue for the next frame (InputQueue::charsToDeliver), so the first letters typed
// right after a click that opens a dialog reach its field.
void onChar(GLFWwindow* window, unsigned int codepoint)
{
    if (auto* input = static_cast<WindowInput*>(glfwGetWindowUserPointer(window)))
        input->queue->pushChar(codepoint);
    else
        ImGui_ImplGlfw_CharCallback(window, codepoint);
}

void onMouseButton(GLFWwindow* window, int button, int action, int mods)
{
    if (auto* input = static_cast<WindowInput*>(glfwGetWindowUserPointer(window))) {
        double x = 0.0, y = 0.0;
        glfwGetCursorPos(window, &x, &y);
        input->queue->push({ui::InputEvent::Kind::MouseButton, button, action == GLFW_PRESS, false, modifierBits(mods),
                            glfwGetTime(), {static_cast<float>(x), static_cast<float>(y)}});
    }
    ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
}

/// How long an idle window may sleep before something on screen changes by itself: a message fading
/// (shown 6 s, the last second fading; the status line keeps it 20 s), a quiz's countdown, a protocol's hold
/// timer, a text cursor
/// blinking. Negative: nothing changes until an event, so the loop sleeps without a timeout (an idle
/// window costs no CPU at all).
double idleWakeIn(const session::AppSession& session, const ui::UiState& ui, bool textInput)
{
    double in = -1.0;
    const auto soonest = [&in](double s) { in = in < 0.0 ? s : std::min(in, s); };
    if (!session.message().empty()) {
        const double age = session.messageAge(session.now());
        if (age < 5.0)
            soonest(5.0 - age);
        else if (age < 6.0)
            soonest(1.0 / 30.0);
        else if (age < 20.0)
            soonest(20.0 - age);
    }
    if (const auto left = ui.quiz.secondsLeft(session); left && *left > 0.0)
        soonest(0.25);
    // A protocol's hold timer counts on screen, and glows for a moment when the hold time is reached.
    if (const session::ProtocolRun* run = session.protocolRun(); run && run->holding())
        soonest(0.2);
    if (ui.protocolCueAt >= 0.0 && session.now() - ui.protocolCueAt < 2.5)
        soonest(0.1);
    if (textInput)
        soonest(0.5);
    if (ui.models.job) // an import's progress bar moves
        soonest(0.1);
    if (ui.models.focusFrames > 0) // a dialog just opened gives its field the keyboard over the next frames
        soonest(0.0);
    return in;
}

/// Shows the window at once and runs `load` on a worker thread meanwhile, drawing a progress line until it
/// is done (stage 0: reading the model, 1: building the indexes). Returns false when the window was closed
/// or a stop signal came first (after the worker finished: it owns the session until then). Rethrows what
/// `load` threw.
bool showWhileLoading(render::Window& window, ui::ImGuiLayer& imgui, const StopSignals& stop,
                      const std::function<void(std::atomic<int>&)>& load)
{
    std::atomic<int> stage{0};
    std::atomic<bool> done{false};
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            load(stage);
        } catch (...) {
            failure = std::current_exception();
        }
        done = true;
        glfwPostEmptyEvent();
    });
    bool closed = false;
    bool shown = false;
    const double start = glfwGetTime();
    while (!done) {
        glfwWaitEventsTimeout(0.1);
        closed = closed || window.shouldClose() || stop.pending();
        int w = 0, h = 0;
        window.framebufferSize(w, h);
        if (w <= 0 || h <= 0)
            continue;
        glViewport(0, 0, w, h);
        glClearColor(0.11f, 0.12f, 0.14f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        imgui.beginFrame();
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 0.5f * vp->WorkSize.x, vp->WorkPos.y + 0.5f * vp->WorkSize.y),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(24.0f * ImGui::GetFontSize(), 0.0f), ImGuiCond_Always);
        ImGui::Begin("##loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted("TriggerAtlas");
        ImGui::TextDisabled("%s", stage == 0 ? "Reading the model..." : "Building the picking index and the trigger points...");
        // Two stages of unknown length: the bar fills within each as time passes, never quite to the end.
        const float t = static_cast<float>(glfwGetTime() - start);
        const float within = 1.0f - 1.0f / (1.0f + 0.8f * t);
        ImGui::ProgressBar(0.5f * static_cast<float>(stage) + 0.45f * within, ImVec2(-1.0f, 0.0f), "");
        ImGui::End();
        imgui.endFrame();
        window.swapBuffers();
        if (!shown) {
            traceStartup("first frame");
            shown = true;
        }
    }
    worker.join();
    if (failure)
        std::rethrow_exception(failure);
    return !closed;
}

/// What the settings remember of a model file: its absolute name (the next start may be elsewhere).
std::string rememberedName(const std::filesystem::path& file)
{
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(file, ec);
    return (ec ? file : absolute.lexically_normal()).string();
}

void setTitle(render::Window& window, const std::filesystem::path& model)
{
    glfwSetWindowTitle(window.handle(), ("TriggerAtlas — " + model.filename().string()).c_str());
}

/// File > Open model...: reads `file` ("" = the built-in model) behind the progress bar and, only when it
/// loaded, puts it in the session and a new GPU model in `scene`; the settings remember it. A file that
/// does not load leaves everything as it was and says why in one line naming the file (the dialog opens
/// again with it). Returns false when the window was closed meanwhile.
bool openModelInWindow(const std::string& file, render::Window& window, ui::ImGuiLayer& imgui, const StopSignals& stop,
                       session::AppSession& session, ExploreFrontEnd& explore, std::optional<SceneFrame>& scene)
{
    const std::filesystem::path path = file.empty() ? io::defaultModelPath() : std::filesystem::path(file);
    ui::UiState& ui = explore.uiState();
    if (ui.quiz.active())
        ui.quiz.close(session); // its questions are resolved on the model going away
    if (session.protocolRun())
        session.endProtocol();
    std::string error;
    bool opened = false;
    const bool open = showWhileLoading(window, imgui, stop, [&](std::atomic<int>& stage) {
        core::AnatomyModel model;
        try {
            model = session::loadModelFile(path);
        } catch (const Error& e) {
            error = e.what();
            return;
        }
        stage = 1;
        session.openModel(std::move(model), path, io::assetPath("data"));
        opened = true;
    });
    if (!opened) {
        std::fprintf(stderr, "trigger-atlas: model not opened: %s\n", error.c_str());
        session.notify("Model not opened: " + error, true);
        ui.models.openError = error;
        ui.models.showOpen = true;
        if (scene)
            scene->invalidate();
        return open;
    }
    scene.reset(); // the old GPU model goes first
    scene.emplace(session, true);
    session.frameAll();
    session.settings().rememberModel(file.empty() ? std::string() : rememberedName(path));
    setTitle(window, path);
    session.notify("Opened " + path.string());
    return open;
}

} // namespace

int runViewer(const ViewOptions& options, const session::StartOptions& start)
{
    const ImageSize size = validateViewOptions(options); // fail fast, before loading anything
    StopSignals stop; // before the window: the GL driver's threads inherit the blocked mask
    // The window first, then the model: reading it and building its indexes (picking, search, the
    // trigger-point catalog) takes seconds on a slow machine, so that runs on a worker thread while the
    // window shows its progress. The worker is the only one touching the session until it is done.
    traceStartup("main");
    render::Window window(size.width, size.height, "TriggerAtlas");
    traceStartup("window created");
    glfwSwapInterval(1);
    const StopWaker waker(stop, [] { glfwPostEmptyEvent(); }); // Ctrl+C wakes a loop asleep on events
    ui::ImGuiLayer imgui(window.handle(), window.contentScale(), window.pixelRatio());
    traceStartup("ui ready");
    session::AppSession session;
    int fbWidth = 0, fbHeight = 0;
    window.framebufferSize(fbWidth, fbHeight);
    session.camera().setViewport(fbWidth, fbHeight);
    // Keys pressed while loading are kept and run once the model is there.
    CameraInput input;
    ui::InputQueue earlyInput;
    WindowInput windowInput{&input, &earlyInput};
    glfwSetWindowUserPointer(window.handle(), &windowInput);
    // ImGui installed its callbacks (InitForOpenGL with install_callbacks); ours go first and pass on.
    glfwSetScrollCallback(window.handle(), onScroll);
    glfwSetKeyCallback(window.handle(), onKey);
    glfwSetMouseButtonCallback(window.handle(), onMouseButton);
    glfwSetCharCallback(window.handle(), onChar);
    // The settings before the model: they name the model last open (--model wins over it).
    core::SettingsLoad settings = readUserSettings();
    const std::string remembered = settings.settings.lastModel;
    session::StartModel opened;
    if (!showWhileLoading(window, imgui, stop, [&](std::atomic<int>& stage) {
            opened = session::loadStartModel(options.model, remembered, io::defaultModelPath());
            stage = 1;
            session.openModel(std::move(opened.model), opened.path, io::assetPath("data"));
        })) {
        glfwSetWindowUserPointer(window.handle(), nullptr);
        return 0; // closed (or Ctrl+C) while loading
    }
    setTitle(window, opened.path);
    session.bodyMap().setSessionDate(core::records::todayLocalDate());
    applyViewOptions(options, session);
    render::FrameSettings frame;
    frame.samples = options.samples;
    std::optional<SceneFrame> scene(std::in_place, session, true); // replaced when another model opens
    ExploreFrontEnd explore(session, /*interactive=*/true, std::move(settings));
    session.settings().rememberModel(opened.builtIn ? std::string() : rememberedName(opened.path));
    // The remembered model is gone or damaged: the built-in one opened. Said in the window once its clock
    // runs (after the first frame), or a slow start would age the line before it is seen.
    std::string startMessage = opened.message;
    if (!startMessage.empty())
        std::fprintf(stderr, "trigger-atlas: %s\n", startMessage.c_str());
    if (!start.tags.empty()) {
        session.setRecordsClosedReason("a body-map file was opened with --tags; start the app without --tags to keep "
                                       "clients, sessions and the journal");
    } else {
        // The client records: every finding, pain stroke and note is stored when it is made.
        try {
            session.attachRecords(session::openRecordStore(session::recordDatabase(start), true, &askPasswordOnTerminal));
            // Where the therapist left off: the client open when the window last closed.
            const core::records::ClientId last(session.settings().lastClient);
            if (!last.empty() && session.records()->store().client(last))
                session.openClient(last);
        } catch (const Error& e) {
            std::fprintf(stderr, "trigger-atlas: client records not opened: %s\n", e.what());
            session.notify(std::string("Client records not opened: ") + e.what(), true);
            session.setRecordsClosedReason(e.what());
        }
    }
    session::applyStartOptions(session, start);

    for (const ui::InputEvent& e : earlyInput.take())
        explore.uiState().input.push(e);
    for (unsigned c : earlyInput.takeChars())
        explore.uiState().input.pushChar(c);
    windowInput.queue = &explore.uiState().input;

    double last = glfwGetTime();
    bool idle = false;
    // Frames still to draw after a wake-up before sleeping again: ImGui settles a click or a hover over
    // a frame or two, and nothing else would wake the loop to show that.
    int settleFrames = 2;
    bool modelShown = false;
    bool wentIdle = false;
    while (true) {
        if (window.shouldClose()) {
            // The window's close button with a body-map file not saved: ask first (Save / Discard / Cancel).
            if (!ui::unsavedBodyMap(session) || explore.uiState().quitConfirmed)
                break;
            glfwSetWindowShouldClose(window.handle(), GLFW_FALSE);
            explore.uiState().pending = ui::UiState::Pending::DiscardForQuit;
        }
        // When the last frames changed nothing, sleep until an event instead of spinning, with a timeout
        // only while something on screen changes by itself (idleWakeIn): an idle atlas costs nothing.
        if (idle && settleFrames <= 0 && explore.uiState().input.empty()) {
            if (!wentIdle) {
                traceStartup("idle");
                wentIdle = true;
            }
            const double wakeIn = idleWakeIn(session, explore.uiState(), imgui.wantsTextInput());
            if (wakeIn < 0.0)
                glfwWaitEvents();
            else
                glfwWaitEventsTimeout(wakeIn);
            settleFrames = 2;
        } else {
            glfwPollEvents();
        }
        if (stop.pending())
            break; // Ctrl+C or SIGTERM: close cleanly, saving the settings
        const double now = glfwGetTime();
        const float dt = static_cast<float>(now - last);
        last = now;

        window.framebufferSize(fbWidth, fbHeight);
        if (fbWidth <= 0 || fbHeight <= 0) { // minimised: nothing to draw until it is restored
            glfwWaitEvents();
            continue;
        }
        core::OrbitCamera& camera = session.camera();
        camera.setViewport(fbWidth, fbHeight);
        const float pixelRatio = window.pixelRatio();
        frame.pixelScale = std::max(pixelRatio, window.contentScale());

        imgui.beginFrame();
        // A modifier released mid-frame would leave ImGui's io.KeyMods (set by NewFrame) unlike io.KeyCtrl...,
        // which a text field asserts on (a quick Ctrl+A crashed the window): modifiers go after the widgets.
        std::vector<int> heldModifiers;
        for (int key : explore.uiState().input.releasesHeld()) {
            if (isModifierKey(key))
                heldModifiers.push_back(key);
            else
                ImGui_ImplGlfw_KeyCallback(window.handle(), key, 0, GLFW_RELEASE, 0);
        }
        const bool fieldWaiting = explore.uiState().models.focusFrames > 0 && !imgui.wantsTextInput();
        for (unsigned c : explore.uiState().input.charsToDeliver(fieldWaiting))
            ImGui_ImplGlfw_CharCallback(window.handle(), c);
        input.update(window.handle(), camera, pixelRatio, imgui.wantsMouse(), session.tool() == session::Tool::Pain);
        camera.update(dt);
        explore.frame(pixelRatio, imgui.wantsMouse(), imgui.wantsKeyboard(), now);
        if (!startMessage.empty())
            session.notify(std::exchange(startMessage, std::string()), true);
        for (int key : heldModifiers)
            ImGui_ImplGlfw_KeyCallback(window.handle(), key, 0, GLFW_RELEASE, 0);

        // While the view moves, draw at half resolution without MSAA (a software renderer keeps up);
        // the still picture that follows is drawn at full quality.
        const bool interacting = camera.moving() || glfwGetMouseButton(window.handle(), GLFW_MOUSE_BUTTON_LEFT) ||
                                 glfwGetMouseButton(window.handle(), GLFW_MOUSE_BUTTON_RIGHT) ||
                                 glfwGetMouseButton(window.handle(), GLFW_MOUSE_BUTTON_MIDDLE);
        const bool reduce = interacting && options.interactiveScale < 1.0f;
        frame.renderScale = reduce ? options.interactiveScale : 1.0f;
        frame.samples = reduce ? 1 : options.samples;
        frame.coarse = reduce;
        const bool drew = scene->render(session, frame);
        idle = !drew && !camera.moving();
        settleFrames = drew ? 2 : settleFrames - 1;
        scene->renderer().blitTo(0, fbWidth, fbHeight);
        glViewport(0, 0, fbWidth, fbHeight);
        imgui.endFrame();
        // F12 saves the 3D view alone (at full quality), not the panels over it.
        explore.afterFrame(window.handle(), [&] {
            scene->invalidate();
            render::FrameSettings still = frame;
            still.renderScale = 1.0f;
            still.samples = options.samples;
            still.coarse = false;
            scene->render(session, still);
            return scene->renderer().readPixels();
        }, [&](const ui::UiState::PdfRequest& r) {
            const std::filesystem::path file(r.file);
            if (file.has_parent_path())
                std::filesystem::create_directories(file.parent_path());
            writeSessionPdf(session, r.handout ? PdfKind::Handout : PdfKind::Report, file, explore.uiState().signerName,
                            r.letter ? io::PageSize::Letter : io::PageSize::A4, r.overwrite);
            scene->invalidate(); // the pictures were drawn with other GL state
        });
        window.swapBuffers();
        if (!modelShown) {
            traceStartup("model shown");
            modelShown = true;
        }
        // File > Open model...: outside the ImGui frame (the progress bar draws frames of its own).
        if (auto request = std::exchange(explore.uiState().models.openRequest, std::nullopt)) {
            if (!openModelInWindow(*request, window, imgui, stop, session, explore, scene))
                break; // closed while loading
            last = glfwGetTime();
            settleFrames = 2;
        }
    }
    glfwSetWindowUserPointer(window.handle(), nullptr);
    return 0;
}

} // namespace ta::app
