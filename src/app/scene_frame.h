#pragma once
// One frame of the 3D view from the application state, shared by the window, --screenshot and --bench so
// that all three draw exactly the same picture.
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "ui/app_state.h"

#include <cstdint>
#include <vector>

namespace ta::app {

class SceneFrame {
public:
    /// Uploads the model. Needs a current context. Throws what SceneRenderer throws (shader files).
    /// `buildLod`: also build coarse meshes for drawing while the view moves (the window wants them).
    explicit SceneFrame(const ui::AppState& state, bool buildLod = false);

    /// Bring GPU-side per-vertex data up to date (referral overlay) and render. Never throws.
    /// Returns false when nothing changed since the last frame and the previous image was kept (the window
    /// then just shows it again: an idle viewer costs almost nothing, even on a software renderer).
    bool render(const ui::AppState& state);
    /// Forget the last frame so the next render() draws (e.g. after the GL state was disturbed).
    void invalidate() { m_hasFrame = false; }
    render::SceneRenderer& renderer() { return m_renderer; }
    render::GpuModel& gpuModel() { return m_gpu; }

private:
    void syncReferral(const ui::AppState& state);

    render::SceneRenderer m_renderer;
    render::GpuModel m_gpu;
    std::uint64_t m_referralRevision = UINT64_MAX;
    std::uint64_t m_lastGpuRevision = UINT64_MAX;
    // What the last frame showed.
    bool m_hasFrame = false;
    std::vector<render::StructureStyle> m_lastStyles;
    std::vector<render::Marker> m_lastMarkers;
    render::FrameSettings m_lastSettings;
    glm::mat4 m_lastViewProjection{0.0f};
    int m_lastWidth = 0;
    int m_lastHeight = 0;
};

} // namespace ta::app
