#pragma once
// One frame of the 3D view from the application state, shared by the window, --screenshot and --bench so
// that all three draw exactly the same picture.
#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "ui/app_state.h"

#include <cstdint>

namespace ta::app {

class SceneFrame {
public:
    /// Uploads the model. Needs a current context. Throws what SceneRenderer throws (shader files).
    explicit SceneFrame(const ui::AppState& state);

    /// Bring GPU-side per-vertex data up to date (referral overlay) and render. Never throws.
    void render(const ui::AppState& state);
    render::SceneRenderer& renderer() { return m_renderer; }
    render::GpuModel& gpuModel() { return m_gpu; }

private:
    void syncReferral(const ui::AppState& state);

    render::SceneRenderer m_renderer;
    render::GpuModel m_gpu;
    std::uint64_t m_referralRevision = UINT64_MAX;
};

} // namespace ta::app
