#include "app/explore_frontend.h"

#include "app/overlay_renderer.h"
#include "core/records/records.h"
#include "core/error.h"
#include "core/settings/settings_file.h"
#include "ui/view_overlay.h"

#include <GLFW/glfw3.h>

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace ta::app {

core::SettingsLoad readUserSettings()
{
    const auto path = core::defaultSettingsPath();
    return path ? core::loadSettings(*path) : core::SettingsLoad{};
}

ExploreFrontEnd::ExploreFrontEnd(session::AppSession& session, bool interactive,
                                 std::optional<core::SettingsLoad> preloaded)
    : m_session(session), m_explore(session, m_ui), m_interactive(interactive)
{
    if (interactive)
        loadSettings(preloaded ? std::move(*preloaded) : readUserSettings());
}

ExploreFrontEnd::~ExploreFrontEnd()
{
    if (m_interactive)
        saveSettings();
}

void ExploreFrontEnd::loadSettings(core::SettingsLoad loaded)
{
    for (const auto& w : loaded.warnings)
        std::fprintf(stderr, "trigger-atlas: %s\n", w.c_str());
    if (!loaded.warnings.empty())
        m_session.notify(loaded.warnings.front(), true);
    const std::string layout = loaded.settings.imguiLayout;
    m_session.applySettings(std::move(loaded.settings));
    if (!layout.empty() && ImGui::GetCurrentContext())
        ImGui::LoadIniSettingsFromMemory(layout.c_str(), layout.size());
}

void ExploreFrontEnd::saveSettings() noexcept
{
    try {
        const auto path = core::defaultSettingsPath();
        if (!path)
            return;
        if (m_ui.quiz.active())
            m_ui.quiz.close(m_session); // the quiz's layers and labels are not the user's to remember
        m_session.captureSettings();
        core::Settings& s = m_session.settings();
        if (ImGui::GetCurrentContext()) {
            std::size_t size = 0;
            const char* ini = ImGui::SaveIniSettingsToMemory(&size);
            s.imguiLayout.assign(ini, size);
        }
        core::saveSettings(s, *path);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "trigger-atlas: settings not saved: %s\n", e.what());
    }
}

void ExploreFrontEnd::frame(float pixelRatio, bool uiWantsMouse, bool uiWantsKeyboard, double now)
{
    m_explore.frame(pixelRatio, uiWantsMouse, uiWantsKeyboard, now);
}

void ExploreFrontEnd::afterFrame(GLFWwindow* window, const std::function<io::RgbaImage()>& readView,
                                 const std::function<void(const ui::UiState::PdfRequest&)>& writePdf)
{
    // A PDF waiting for the user's answer to "Replace?" stays until then.
    if (m_ui.pdfRequest && writePdf && (m_ui.pdfRequest->overwrite || !std::filesystem::exists(m_ui.pdfRequest->file))) {
        const ui::UiState::PdfRequest request = *m_ui.pdfRequest;
        m_ui.pdfRequest.reset();
        try {
            writePdf(request);
            m_session.notify("Wrote " + request.file);
        } catch (const std::exception& e) {
            m_session.notify(std::string("PDF not written: ") + e.what(), true);
        }
    }
    // Window placement: put the window back where it was last time (once), then keep track of it.
    core::WindowPlacement& placement = m_session.settings().window;
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
    if (m_ui.quitRequested)
        glfwSetWindowShouldClose(window, GLFW_TRUE);
    if (!m_ui.screenshotRequested)
        return;
    m_ui.screenshotRequested = false;
    try {
        const char* home = std::getenv("HOME");
        const std::filesystem::path dir = std::filesystem::path(home ? home : ".") / "trigger-atlas" / "screenshots";
        std::filesystem::create_directories(dir);
        char name[64];
        const std::time_t t = std::time(nullptr);
        std::tm tm{};
        localtime_r(&t, &tm);
        std::strftime(name, sizeof name, "trigger-atlas-%Y%m%d-%H%M%S.png", &tm);
        io::writePng(readView(), dir / name);
        m_session.notify("Saved " + (dir / name).string());
    } catch (const std::exception& e) {
        m_session.notify(std::string("Screenshot not saved: ") + e.what(), true);
    }
}

void ExploreFrontEnd::drawOffscreen(unsigned fbo, int width, int height)
{
    // UI sizes follow the image: a 1600x1000 shot looks like the window at 100 %.
    const float scale = std::max(0.75f, static_cast<float>(height) / 1000.0f);
    OverlayRenderer overlayRenderer(width, height, scale);
    overlayRenderer.render(fbo, [&] {
        m_session.update(0.0);
        ui::drawViewOverlay(m_session, m_ui, 1.0f, /*messages=*/false);
    });
}

} // namespace ta::app

namespace ta::app {

std::vector<PanelRectOut> ExploreFrontEnd::drawWindowOffscreen(unsigned fbo, int width, int height)
{
    // The UI scale a monitor of that size usually has: 1 up to 1080p-ish, 2 for 4K.
    const float scale = std::max(1.0f, std::floor(static_cast<float>(height) / 1080.0f));
    OverlayRenderer renderer(width, height, scale);
    std::vector<PanelRectOut> panels;
    auto frame = [&](bool last) {
        m_explore.frame(1.0f, false, false, 0.0);
        if (!last)
            return;
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
            // Not ImGui's implicit "Debug##Default" window (it takes what is drawn outside any panel), child
            // regions or tooltips.
            if (!w->Active || w->Hidden || w->IsFallbackWindow ||
                (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip)))
                continue;
            std::string name = w->Name;
            if (const auto at = name.find("###"); at != std::string::npos)
                name = name.substr(at + 3);
            panels.push_back({name, w->Pos.x, w->Pos.y, w->Size.x, w->Size.y, w->Collapsed});
        }
    };
    // Auto-sized windows take a frame or two to measure their content: settle first, then draw.
    renderer.settle([&] { frame(false); });
    renderer.settle([&] { frame(false); });
    renderer.render(fbo, [&] { frame(true); });
    return panels;
}

void writePanelRects(const std::vector<PanelRectOut>& panels, int width, int height, const std::string& file)
{
    nlohmann::json doc{{"width", width}, {"height", height}, {"windows", nlohmann::json::array()}};
    for (const auto& p : panels)
        doc["windows"].push_back({{"name", p.name}, {"x", p.x}, {"y", p.y}, {"w", p.w}, {"h", p.h}, {"collapsed", p.collapsed}});
    std::ofstream out(file);
    out << doc.dump(1) << "\n";
    if (!out)
        throw IoError(file + ": cannot write the panel layout");
}

} // namespace ta::app
