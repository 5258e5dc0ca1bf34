#pragma once
// The one place where the session's per-vertex overlays (core::OverlaySet) reach the GPU: each quantity is
// re-uploaded to the GpuModel when its revision differs from the one uploaded last. The window,
// --screenshot and --bench all go through it, so there is one referral channel and one pain channel.
#include "core/overlay/overlay_set.h"
#include "render/gpu_model.h"

#include <cstdint>

namespace ta::render {

class OverlayMirror {
public:
    /// Uploads every quantity that changed since the last call. Returns true when anything was uploaded.
    /// A structure whose values do not match its vertex count shows nothing rather than garbage. Never throws.
    bool sync(const core::OverlaySet& overlays, GpuModel& gpu);
    /// Forget what was uploaded (a new GpuModel): the next sync() uploads everything.
    void reset() { m_referral = m_pain = 0; }

private:
    std::uint64_t m_referral = 0; ///< revisions uploaded; 0 = nothing yet (quantities start at 1)
    std::uint64_t m_pain = 0;
};

} // namespace ta::render
