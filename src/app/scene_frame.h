#pragma once
// One frame of the 3D view from the session, shared by the window, --screenshot and --bench so that all
// three draw exactly the same picture. Keeps the GPU model and its overlay mirror up to date.
#include "render/gpu_model.h"
#include "render/overlay_mirror.h"
#include "render/scene_renderer.h"
#include "session/app_session.h"

#include <cstdint>
#include <vector>

namespace ta::app {

class SceneFrame {
public:
    /// Uploads the session's model. Needs a current context. Throws what SceneRenderer throws (shader
    /// files). `buildLod`: also build coarse meshes for drawing while the view moves (the window wants them).
    explicit SceneFrame(const session::AppSession& session, bool buildLod = false);

    /// Bring the GPU overlays up to date and render. Never throws. Returns false when nothing changed
    /// since the last frame and the previous image was kept (the window then just shows it again: an idle
    /// viewer costs almost nothing, even on a software renderer). The skin tone is the session's
    /// (`DisplayOptions::skinTone`), whatever `settings` says.
    bool render(const session::AppSession& session, const render::FrameSettings& settings);
    /// Forget the last frame so the next render() draws (e.g. after the GL state was disturbed).
    void invalidate() { m_hasFrame = false; }
    render::SceneRenderer& renderer() { return m_renderer; }
    render::GpuModel& gpuModel() { return m_gpu; }

private:
    render::SceneRenderer m_renderer;
    render::GpuModel m_gpu;
    render::OverlayMirror m_overlays;
    // What the last frame showed.
    bool m_hasFrame = false;
    std::uint64_t m_lastGpuRevision = UINT64_MAX;
    std::vector<render::StructureStyle> m_lastStyles;
    std::vector<render::Marker> m_lastMarkers;
    render::FrameSettings m_lastSettings;
    glm::mat4 m_lastViewProjection{0.0f};
    int m_lastWidth = 0;
    int m_lastHeight = 0;
};

} // namespace ta::app
