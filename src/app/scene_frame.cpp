#include "app/scene_frame.h"

#include <algorithm>

namespace ta::app {

SceneFrame::SceneFrame(const ui::AppState& state, bool buildLod)
    : m_gpu(state.model, buildLod),
      // The GPU starts with no referral, matching a freshly loaded state: only later changes to the state's
      // overlay are uploaded here, so referral uploaded to gpuModel() by another owner is left alone.
      m_referralRevision(state.referralWeights.empty() ||
                                 std::all_of(state.referralWeights.begin(), state.referralWeights.end(),
                                             [](const auto& w) { return w.empty(); })
                             ? state.referralRevision
                             : UINT64_MAX)
{
}

void SceneFrame::syncReferral(const ui::AppState& state)
{
    if (m_referralRevision == state.referralRevision)
        return;
    m_referralRevision = state.referralRevision;
    for (std::uint32_t i = 0; i < m_gpu.size(); ++i) {
        const core::StructureId id{i};
        if (i < state.referralWeights.size() && !state.referralWeights[i].empty()) {
            if (!m_gpu.setReferral(id, state.referralWeights[i]))
                m_gpu.clearReferral(id); // wrong length: show nothing rather than garbage
        } else {
            m_gpu.clearReferral(id);
        }
    }
}

bool SceneFrame::render(const ui::AppState& state)
{
    syncReferral(state);
    // Any upload since the last frame (ours above, or another owner of the GpuModel) means redraw.
    const bool referralChanged = m_gpu.revision() != m_lastGpuRevision;
    std::vector<render::StructureStyle> styles = state.styles();
    const glm::mat4 viewProjection = state.camera.viewProjection();
    if (m_hasFrame && !referralChanged && styles == m_lastStyles && state.markers == m_lastMarkers &&
        state.frame == m_lastSettings && viewProjection == m_lastViewProjection &&
        state.camera.width() == m_lastWidth && state.camera.height() == m_lastHeight)
        return false;
    m_renderer.render(m_gpu, styles, state.camera, state.markers, state.frame);
    m_hasFrame = true;
    m_lastGpuRevision = m_gpu.revision();
    m_lastStyles = std::move(styles);
    m_lastMarkers = state.markers;
    m_lastSettings = state.frame;
    m_lastViewProjection = viewProjection;
    m_lastWidth = state.camera.width();
    m_lastHeight = state.camera.height();
    return true;
}

} // namespace ta::app
