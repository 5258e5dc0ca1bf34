#include "core/referral/region_footprint.h"

#include "core/referral/surface_zone.h"

#include <algorithm>

namespace ta::core {
namespace {

/// A shape's size in metres, to turn its normalised distance beyond the boundary into metres.
float shapeSize(const ResolvedShape& s)
{
    return s.kind == ShapeKind::Capsule ? s.radii.x : (s.radii.x + s.radii.y + s.radii.z) / 3.0f;
}

} // namespace

std::vector<float> paintRegions(const ReferralAtlas& atlas, const Mesh& mesh, std::span<const std::uint32_t> regions,
                                FootprintHalo halo)
{
    std::vector<float> out(mesh.positions.size(), 0.0f);
    const bool withHalo = halo.margin > 0.0f && halo.intensity > 0.0f;
    SurfaceZone zone(mesh);
    std::vector<GeodesicReach> reached;
    for (std::uint32_t r : regions) {
        if (r >= atlas.regions().size())
            continue;
        const RegionInstance& reg = atlas.regions()[r];
        for (const ResolvedShape& s : reg.shapes) {
            const float size = std::max(shapeSize(s), 1e-6f);
            // The halo reaches `margin` metres beyond the boundary, over the surface like the zone itself.
            zone.distances(s, withHalo ? 1.0f + halo.margin / size : 1.0f, reached);
            for (const GeodesicReach& g : reached) {
                float w = softFalloff(g.distance, reg.feather);
                if (withHalo) {
                    const float x = std::clamp((g.distance - 1.0f) * size / halo.margin, 0.0f, 1.0f);
                    w = std::max(w, halo.intensity * (1.0f - x * x * (3.0f - 2.0f * x)));
                }
                for (std::uint32_t v : zone.graph().vertices(g.node))
                    out[v] = std::max(out[v], w);
            }
        }
    }
    return out;
}

} // namespace ta::core
