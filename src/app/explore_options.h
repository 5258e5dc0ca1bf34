#pragma once
// Command-line options of the explore UI (scriptable state, so any state renders headlessly):
//   --select STRUCTURE  --trigger-point ID  --layers skin,bone  --ghost  --presentation  --tags FILE
// and the session object that carries them into the window or an off-screen render. main() registers the
// options; the viewer and --screenshot create an ExploreSession after loading the model.
#include "ui/app_state.h"
#include "ui/explore_state.h"
#include "ui/explore_ui.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

struct GLFWwindow;

namespace ta::render {
class GpuModel;
}

namespace ta::app {

struct ExploreOptions {
    std::string select;       ///< structure id to select and frame
    std::string triggerPoint; ///< trigger point key ("sternocleidomastoid.sternal.trp1-left") or id (left)
    std::string layers;       ///< visible layers, comma-separated
    bool ghost = false;
    bool presentation = false;
    bool landmarks = false;   ///< label the landmarks near the selection
    bool referralPath = false; ///< draw the path from the trigger point to its pain zone
    std::string tags;         ///< body-map file to open
};

/// The process's explore options, filled by CLI11 during parsing.
ExploreOptions& exploreOptions();
/// Registers the options above on the main command (values land in exploreOptions()).
void addExploreOptions(CLI::App& cli);

/// The explore UI attached to a loaded AppState.
class ExploreSession {
public:
    /// Applies `options` to `app` (whose model is loaded). `interactive`: load the user's settings now
    /// and save them when the session ends. Throws ArgumentError naming a bad value (unknown structure,
    /// trigger point or layer) and IoError/ParseError/ValidationError for a bad --tags file.
    ExploreSession(ui::AppState& app, const ExploreOptions& options, bool interactive);
    ~ExploreSession();
    ExploreSession(const ExploreSession&) = delete;
    ExploreSession& operator=(const ExploreSession&) = delete;

    ui::ExploreState& state() { return m_state; }
    /// The whole UI for one interactive frame (inside ImGui NewFrame/Render).
    void frame(float pixelRatio, bool uiWantsMouse, bool uiWantsKeyboard, double now);
    /// Only what is drawn over the 3D view (labels, caption); for off-screen renders.
    void overlay(float pixelRatio, double now);
    /// After ImGui rendered into the window's back buffer: saves a screenshot of it when asked (F12) and
    /// closes the window on Quit. Never throws.
    void afterFrame(GLFWwindow* window, int fbWidth, int fbHeight);
    /// Off-screen: draws the overlay (labels, caption) over framebuffer `fbo` of a width x height image.
    void drawOffscreen(unsigned fbo, int width, int height);
    /// Uploads the referral overlay and the pain drawing to the GPU when they changed. Never throws.
    void syncGpu(render::GpuModel& gpu);

private:
    void loadSettings();
    void saveSettings() noexcept;

    ui::AppState& m_app;
    ui::ExploreState m_state;
    ui::ExploreUi m_ui;
    bool m_interactive;
    std::uint64_t m_uploadedRevision = UINT64_MAX;
    std::uint64_t m_uploadedPainRevision = UINT64_MAX;
    bool m_windowPlaced = false;
};

} // namespace ta::app
