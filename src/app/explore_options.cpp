#include "app/explore_options.h"

#include "core/error.h"
#include "core/referral/close_matches.h"
#include "core/settings/settings_file.h"
#include "io/asset_paths.h"
#include "render/gpu_model.h"
#include "ui/view_overlay.h"
#include "app/overlay_renderer.h"

#include <GLFW/glfw3.h>

#include <imgui.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>

namespace ta::app {
namespace {

volatile std::sig_atomic_t g_stopRequested = 0; // Ctrl+C or SIGTERM: close the window cleanly, saving settings

extern "C" void onStopSignal(int) { g_stopRequested = 1; }

std::string today()
{
    const std::time_t t = std::time(nullptr);
    char buf[16];
    std::tm tm{};
    localtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string suggestionText(const std::vector<std::string>& matches)
{
    if (matches.empty())
        return "";
    std::string out = " (did you mean ";
    for (std::size_t i = 0; i < matches.size(); ++i)
        out += (i ? ", " : "") + matches[i];
    return out + "?)";
}

} // namespace

ExploreOptions& exploreOptions()
{
    static ExploreOptions options;
    return options;
}

void addExploreOptions(CLI::App& cli)
{
    ExploreOptions& o = exploreOptions();
    cli.add_option("--select", o.select, "Select and frame a structure, e.g. levator-scapulae-left");
    cli.add_option("--trigger-point", o.triggerPoint,
                   "Show a trigger point's referral, e.g. sternocleidomastoid.sternal.trp1-left");
    cli.add_option("--layers", o.layers, "Visible layers, e.g. skin,bone (skin, superficial, intermediate, deep, bone, muscles)");
    cli.add_flag("--ghost", o.ghost, "X-ray the layers above the selection");
    cli.add_flag("--presentation", o.presentation, "Presentation mode: no panels, large caption");
    cli.add_flag("--referral-path", o.referralPath, "Draw the path from the trigger point to where it refers");
    cli.add_flag("--landmarks", o.landmarks, "Label the bony landmarks near the selection");
    cli.add_option("--tags", o.tags, "Open a body map (JSON) with the client's tags");
}

ExploreSession::ExploreSession(ui::AppState& app, const ExploreOptions& o, bool interactive)
    : m_app(app), m_state(app), m_ui(m_state), m_interactive(interactive)
{
    m_state.modelChanged(io::assetPath("data"));
    m_state.bodyMap.setSessionDate(today());
    if (interactive) {
        loadSettings();
        std::signal(SIGINT, onStopSignal);
        std::signal(SIGTERM, onStopSignal);
    }

    if (!o.layers.empty()) {
        std::string error;
        if (!m_state.setLayers(o.layers, error))
            throw ArgumentError(error);
    }
    if (!o.tags.empty()) {
        std::string error;
        if (!m_state.bodyMap.open(o.tags, error))
            throw IoError("--tags " + error);
        m_state.settings.addRecent(o.tags);
    }
    if (!o.triggerPoint.empty()) {
        if (!m_state.catalog.loaded())
            throw ArgumentError("--trigger-point " + o.triggerPoint + ": " + m_state.message());
        const auto i = m_state.catalog.find(o.triggerPoint);
        if (!i)
            throw ArgumentError("--trigger-point: unknown trigger point \"" + o.triggerPoint + "\"" +
                                suggestionText(m_state.catalog.suggestions(o.triggerPoint)) +
                                "; `trigger-atlas list trigger-points` lists them");
        m_state.showTriggerPoint(*i, /*frameMuscle=*/o.select.empty());
    }
    if (!o.select.empty()) {
        const core::StructureId id = app.model.find(o.select);
        if (!id.valid()) {
            std::vector<std::string> ids;
            for (const auto& s : app.model.structures)
                ids.push_back(s.id);
            throw ArgumentError("--select: unknown structure \"" + o.select + "\"" +
                                suggestionText(core::closeMatches(o.select, ids)) +
                                "; `trigger-atlas list structures` lists them");
        }
        m_state.select(id, true);
    }
    if (o.ghost)
        app.ghost = true;
    m_state.presentation = o.presentation;
    if (o.landmarks)
        m_state.showLandmarks = true;
    if (o.referralPath)
        m_state.referralPath = true;
    if (o.presentation)
        m_state.showHelp = false;
    // Whatever the options did to the camera happens now, not as an animation.
    app.camera.snap();
    m_state.update(0.0);
    m_state.history.reset(app);
    m_state.undo.clear();
}

ExploreSession::~ExploreSession()
{
    if (m_interactive)
        saveSettings();
}

void ExploreSession::loadSettings()
{
    const auto path = core::defaultSettingsPath();
    if (!path)
        return;
    core::SettingsLoad loaded = core::loadSettings(*path);
    for (const auto& w : loaded.warnings)
        std::fprintf(stderr, "trigger-atlas: %s\n", w.c_str());
    if (!loaded.warnings.empty())
        m_state.notify(loaded.warnings.front(), true);
    m_state.settings = std::move(loaded.settings);
    const core::Settings& s = m_state.settings;
    for (core::Layer l : core::kAllLayers) {
        m_app.layer(l).visible = s.layer(l).visible;
        m_app.layer(l).opacity = s.layer(l).opacity;
    }
    m_app.ghost = s.ghost;
    m_state.showMarkers = s.showTriggerPoints;
    m_state.showLabels = s.showLabels;
    if (!s.imguiLayout.empty() && ImGui::GetCurrentContext())
        ImGui::LoadIniSettingsFromMemory(s.imguiLayout.c_str(), s.imguiLayout.size());
}

void ExploreSession::saveSettings() noexcept
{
    try {
        const auto path = core::defaultSettingsPath();
        if (!path)
            return;
        core::Settings& s = m_state.settings;
        for (core::Layer l : core::kAllLayers) {
            s.layer(l).visible = m_app.layer(l).visible;
            s.layer(l).opacity = m_app.layer(l).opacity;
        }
        s.ghost = m_app.ghost;
        s.showTriggerPoints = m_state.showMarkers;
        s.showLabels = m_state.showLabels;
        if (ImGui::GetCurrentContext()) {
            std::size_t size = 0;
            const char* ini = ImGui::SaveIniSettingsToMemory(&size);
            s.imguiLayout.assign(ini, size);
        }
        if (m_state.bodyMap.path())
            s.addRecent(m_state.bodyMap.path()->string());
        core::saveSettings(s, *path);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "trigger-atlas: settings not saved: %s\n", e.what());
    }
}

void ExploreSession::frame(float pixelRatio, bool uiWantsMouse, bool uiWantsKeyboard, double now)
{
    m_ui.frame(pixelRatio, uiWantsMouse, uiWantsKeyboard, now);
}

void ExploreSession::overlay(float pixelRatio, double now)
{
    m_state.update(now);
    ui::drawViewOverlay(m_state, pixelRatio, /*messages=*/false);
}

void ExploreSession::afterFrame(GLFWwindow* window, int fbWidth, int fbHeight)
{
    // Window placement: put the window back where it was last time (once), then keep track of it.
    core::WindowPlacement& placement = m_state.settings.window;
    if (!m_windowPlaced) {
        m_windowPlaced = true;
        if (m_interactive && placement.x >= 0 && placement.y >= 0) {
            glfwSetWindowPos(window, placement.x, placement.y);
            glfwSetWindowSize(window, placement.width, placement.height);
            if (placement.maximised)
                glfwMaximizeWindow(window);
        }
    } else if (m_interactive) {
        placement.maximised = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) == GLFW_TRUE;
        if (!placement.maximised) {
            glfwGetWindowPos(window, &placement.x, &placement.y);
            glfwGetWindowSize(window, &placement.width, &placement.height);
        }
    }
    if (m_state.quitRequested || g_stopRequested)
        glfwSetWindowShouldClose(window, GLFW_TRUE);
    if (!m_state.screenshotRequested)
        return;
    m_state.screenshotRequested = false;
    try {
        const char* home = std::getenv("HOME");
        const std::filesystem::path dir = std::filesystem::path(home ? home : ".") / "trigger-atlas" / "screenshots";
        std::filesystem::create_directories(dir);
        char name[64];
        const std::time_t t = std::time(nullptr);
        std::tm tm{};
        localtime_r(&t, &tm);
        std::strftime(name, sizeof name, "trigger-atlas-%Y%m%d-%H%M%S.png", &tm);
        io::writePng(readWindowPixels(fbWidth, fbHeight), dir / name);
        m_state.notify("Saved " + (dir / name).string());
    } catch (const std::exception& e) {
        m_state.notify(std::string("Screenshot not saved: ") + e.what(), true);
    }
}

void ExploreSession::drawOffscreen(unsigned fbo, int width, int height)
{
    // UI sizes follow the image: a 1600x1000 shot looks like the window at 100 %.
    const float scale = std::max(0.75f, static_cast<float>(height) / 1000.0f);
    OverlayRenderer overlayRenderer(width, height, scale);
    overlayRenderer.render(fbo, [&] { overlay(1.0f, 0.0); });
}

void ExploreSession::syncGpu(render::GpuModel& gpu)
{
    if (m_state.referralRevision() != m_uploadedRevision) {
        m_uploadedRevision = m_state.referralRevision();
        gpu.clearAllReferral();
        const auto& weights = m_state.referralWeights();
        for (std::uint32_t i = 0; i < weights.size(); ++i)
            if (!weights[i].empty())
                gpu.setReferral(core::StructureId{i}, weights[i]);
    }
    if (m_state.pain.revision() != m_uploadedPainRevision) {
        m_uploadedPainRevision = m_state.pain.revision();
        gpu.clearAllPain();
        const auto& pain = m_state.pain.weights();
        for (std::uint32_t i = 0; i < pain.size(); ++i)
            if (!pain[i].empty())
                gpu.setPain(core::StructureId{i}, pain[i]);
    }
}

} // namespace ta::app
