#include "core/referral/region_footprint.h"

#include <algorithm>

namespace ta::core {
namespace {

/// Roughly how far (metres) p lies outside the shape: the normalised distance beyond 1 times the size.
float outsideDistance(const ResolvedShape& s, const glm::vec3& p)
{
    const float size = s.kind == ShapeKind::Capsule ? s.radii.x : (s.radii.x + s.radii.y + s.radii.z) / 3.0f;
    return std::max(0.0f, s.normalisedDistance(p) - 1.0f) * size;
}

} // namespace

std::vector<float> paintRegions(const ReferralAtlas& atlas, const Mesh& mesh, std::span<const std::uint32_t> regions,
                                FootprintHalo halo)
{
    std::vector<float> out(mesh.positions.size(), 0.0f);
    for (std::uint32_t r : regions) {
        if (r >= atlas.regions().size())
            continue;
        const RegionInstance& reg = atlas.regions()[r];
        if (!reg.bounds.valid())
            continue;
        Aabb reach = reg.bounds;
        reach.expand(reg.bounds.min - glm::vec3(halo.margin));
        reach.expand(reg.bounds.max + glm::vec3(halo.margin));
        for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
            const glm::vec3& p = mesh.positions[v];
            if (p.x < reach.min.x || p.x > reach.max.x || p.y < reach.min.y || p.y > reach.max.y || p.z < reach.min.z ||
                p.z > reach.max.z)
                continue;
            float w = reg.weight(p);
            if (halo.margin > 0.0f && halo.intensity > 0.0f)
                for (const auto& s : reg.shapes) {
                    const float x = std::clamp(outsideDistance(s, p) / halo.margin, 0.0f, 1.0f);
                    w = std::max(w, halo.intensity * (1.0f - x * x * (3.0f - 2.0f * x)));
                }
            out[v] = std::max(out[v], w);
        }
    }
    return out;
}

} // namespace ta::core
