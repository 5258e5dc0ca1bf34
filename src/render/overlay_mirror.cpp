#include "render/overlay_mirror.h"

namespace ta::render {

bool OverlayMirror::sync(const core::OverlaySet& overlays, GpuModel& gpu)
{
    bool changed = false;
    if (overlays.referral.revision() != m_referral) {
        m_referral = overlays.referral.revision();
        gpu.clearAllReferral();
        const auto& values = overlays.referral.values();
        for (std::uint32_t i = 0; i < values.size(); ++i)
            if (!values[i].empty() && !gpu.setReferral(core::StructureId{i}, values[i]))
                gpu.clearReferral(core::StructureId{i});
        changed = true;
    }
    if (overlays.pain.revision() != m_pain) {
        m_pain = overlays.pain.revision();
        gpu.clearAllPain();
        const auto& values = overlays.pain.values();
        for (std::uint32_t i = 0; i < values.size(); ++i)
            if (!values[i].empty() && !gpu.setPain(core::StructureId{i}, values[i]))
                gpu.clearPain(core::StructureId{i});
        changed = true;
    }
    return changed;
}

} // namespace ta::render
