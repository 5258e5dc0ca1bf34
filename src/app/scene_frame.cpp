#include "app/scene_frame.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace ta::app {

SceneFrame::SceneFrame(const session::AppSession& session, bool buildLod) : m_gpu(session.model(), buildLod)
{
#ifdef __GLIBC__
    // Reading the glb, building the indexes and uploading (interleaved copies, simplification) leave
    // tens of MB of freed heap that glibc keeps; give it back before the frames' own allocations.
    malloc_trim(0);
#endif
}

bool SceneFrame::render(const session::AppSession& session, const render::FrameSettings& frameSettings)
{
    render::FrameSettings settings = frameSettings;
    settings.skinTone = session.display().skinTone; // View > Skin tone, --skin-tone, the settings
    m_overlays.sync(session.overlays(), m_gpu);
    // Any upload since the last frame (the overlays above, or another owner of the GpuModel) means redraw.
    const bool uploaded = m_gpu.revision() != m_lastGpuRevision;
    std::vector<render::StructureStyle> styles = session.styles();
    const core::OrbitCamera& camera = session.camera();
    const glm::mat4 viewProjection = camera.viewProjection();
    if (m_hasFrame && !uploaded && styles == m_lastStyles && session.markers() == m_lastMarkers &&
        settings == m_lastSettings && viewProjection == m_lastViewProjection && camera.width() == m_lastWidth &&
        camera.height() == m_lastHeight)
        return false;
    m_renderer.render(m_gpu, styles, camera, session.markers(), settings);
    m_hasFrame = true;
    m_lastGpuRevision = m_gpu.revision();
    m_lastStyles = std::move(styles);
    m_lastMarkers = session.markers();
    m_lastSettings = settings;
    m_lastViewProjection = viewProjection;
    m_lastWidth = camera.width();
    m_lastHeight = camera.height();
    return true;
}

} // namespace ta::app
