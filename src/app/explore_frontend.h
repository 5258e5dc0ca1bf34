#pragma once
// The window's side of an explore session: the ImGui UI (panels, input) over a session::AppSession, the
// settings remembered between runs (layers, toggles, panel layout, window placement), F12 screenshots and
// closing on Quit. --screenshot uses only drawOffscreen().
#include "core/settings/settings_file.h"
#include "io/png_image.h"
#include "session/app_session.h"
#include "ui/explore_ui.h"
#include "ui/ui_state.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace ta::app {

/// A window ImGui drew, in pixels from the top-left corner ("Layers", "bodymap" for "...###bodymap").
struct PanelRectOut {
    std::string name;
    float x = 0, y = 0, w = 0, h = 0;
    bool collapsed = false;
};
/// Writes panel rectangles as JSON ({"width", "height", "windows": [{"name", "x", "y", "w", "h"}]}).
/// Throws IoError when the file cannot be written.
void writePanelRects(const std::vector<PanelRectOut>& panels, int width, int height, const std::string& file);

/// The user's settings file read (defaults when there is none, or no HOME). Never throws; the warnings
/// are one line each. The window reads them before the model: they say which model to open.
core::SettingsLoad readUserSettings();

class ExploreFrontEnd {
public:
    /// `interactive`: apply the user's settings now (`preloaded`, or read them when not given) and save
    /// them when the front end is destroyed.
    ExploreFrontEnd(session::AppSession& session, bool interactive, std::optional<core::SettingsLoad> preloaded = {});
    ~ExploreFrontEnd();
    ExploreFrontEnd(const ExploreFrontEnd&) = delete;
    ExploreFrontEnd& operator=(const ExploreFrontEnd&) = delete;

    session::AppSession& session() { return m_session; }
    ui::UiState& uiState() { return m_ui; }
    /// The whole UI for one interactive frame (inside ImGui NewFrame/Render).
    void frame(float pixelRatio, bool uiWantsMouse, bool uiWantsKeyboard, double now);
    /// After ImGui rendered into the window's back buffer: places the window (once), saves a screenshot
    /// of the 3D view when asked (F12; `readView` returns it) and closes the window on Quit. Never throws.
    /// `writePdf` writes a PDF the user asked for (session report or handout; it renders, so it runs here,
    /// after the frame); it throws what writeSessionPdf throws, shown as a message.
    void afterFrame(GLFWwindow* window, const std::function<io::RgbaImage()>& readView,
                    const std::function<void(const ui::UiState::PdfRequest&)>& writePdf = {});
    /// Off-screen: draws the overlay (labels, caption) over framebuffer `fbo` of a width x height image.
    void drawOffscreen(unsigned fbo, int width, int height);
    /// Off-screen: the whole window (menu bar, panels, search, status line and the overlay) over framebuffer
    /// `fbo`, as a window of that size would show it (UI scale 2 from 2000 pixels high: a HiDPI monitor).
    /// Returns the rectangle of every window ImGui drew, for layout tests.
    std::vector<PanelRectOut> drawWindowOffscreen(unsigned fbo, int width, int height);

private:
    void loadSettings(core::SettingsLoad loaded);
    void saveSettings() noexcept;

    session::AppSession& m_session;
    ui::UiState m_ui;
    ui::ExploreUi m_explore;
    bool m_interactive;
    bool m_windowPlaced = false;
};

} // namespace ta::app
