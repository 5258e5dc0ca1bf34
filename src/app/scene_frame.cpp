#include "app/scene_frame.h"

namespace ta::app {

SceneFrame::SceneFrame(const ui::AppState& state) : m_gpu(state.model) {}

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

void SceneFrame::render(const ui::AppState& state)
{
    syncReferral(state);
    m_renderer.render(m_gpu, state.styles(), state.camera, state.markers, state.frame);
}

} // namespace ta::app
