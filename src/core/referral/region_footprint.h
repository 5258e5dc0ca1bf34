#pragma once
// Named regions painted as a drawing, the way `lookup --region` asks: each region's footprint as the
// projector paints it (1 inside, its soft edge), and beyond it a fainter halo that fades out over a few
// centimetres, measured over the surface like the zone itself (core/referral/surface_zone.h). A named region
// is an approximate place ("the side of the neck"), so a zone right next to it counts in part, as it would
// if the therapist had painted the area with the brush.
#include "core/mesh.h"
#include "core/referral/referral_atlas.h"

#include <cstdint>
#include <span>
#include <vector>

namespace ta::core {

struct FootprintHalo {
    float margin = 0.025f;   ///< metres beyond the footprint's boundary where the halo ends
    float intensity = 0.5f;  ///< the halo's intensity at the boundary, fading smoothly to 0 at the margin
};

/// One intensity in [0,1] per vertex of `mesh` (model frame) for region instances `regions` (indices into
/// atlas.regions(); out of range skipped). Never throws beyond std::bad_alloc.
std::vector<float> paintRegions(const ReferralAtlas& atlas, const Mesh& mesh, std::span<const std::uint32_t> regions,
                                FootprintHalo halo = {});

} // namespace ta::core
