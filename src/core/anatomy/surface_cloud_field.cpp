#include "core/anatomy/surface_cloud_field.h"

#include <cmath>
#include <limits>

namespace ta::core::anatomy {

namespace {
constexpr float kCell = 4.0f; // mm
/// Points this much farther than the nearest one still vote on the sign: more than the spacing at which
/// callers sample their surfaces (coverField: 2.5 mm), so every face beside the nearest point is heard.
constexpr float kSignMargin = 3.0f; // mm
} // namespace

SurfaceCloudField::SurfaceCloudField(std::vector<glm::vec3> positionsMm, std::vector<glm::vec3> normals, float reach)
    : m_points(std::move(positionsMm)), m_normals(std::move(normals)), m_cell(kCell), m_reach(reach)
{
    for (std::uint32_t i = 0; i < m_points.size(); ++i) {
        const glm::vec3& p = m_points[i];
        m_bounds.expand(p);
        m_grid[key(int(std::floor(p.x / m_cell)), int(std::floor(p.y / m_cell)), int(std::floor(p.z / m_cell)))]
            .push_back(i);
    }
}

std::int64_t SurfaceCloudField::key(int x, int y, int z) const
{
    return ((static_cast<std::int64_t>(x) + (1 << 20)) << 42) | ((static_cast<std::int64_t>(y) + (1 << 20)) << 21) |
           (static_cast<std::int64_t>(z) + (1 << 20));
}

float SurfaceCloudField::distance(const glm::vec3& p) const
{
    const int cx = int(std::floor(p.x / m_cell)), cy = int(std::floor(p.y / m_cell)), cz = int(std::floor(p.z / m_cell));
    float best2 = m_reach * m_reach;
    std::int64_t bestIndex = -1;
    const int rings = static_cast<int>(std::ceil(m_reach / m_cell));
    for (int r = 0; r <= rings; ++r) {
        // Cells at Chebyshev distance r; any point there is at least (r - 1) cells away.
        for (int z = cz - r; z <= cz + r; ++z) {
            for (int y = cy - r; y <= cy + r; ++y) {
                const bool face = z == cz - r || z == cz + r || y == cy - r || y == cy + r;
                for (int x = cx - r; x <= cx + r; x += (face ? 1 : std::max(1, 2 * r))) {
                    const auto it = m_grid.find(key(x, y, z));
                    if (it == m_grid.end())
                        continue;
                    for (auto i : it->second) {
                        const glm::vec3 d = p - m_points[i];
                        const float d2 = glm::dot(d, d);
                        if (d2 < best2) {
                            best2 = d2;
                            bestIndex = i;
                        }
                    }
                }
            }
        }
        if (bestIndex >= 0 && std::sqrt(best2) <= r * m_cell)
            break;
    }
    if (bestIndex < 0)
        return std::numeric_limits<float>::max();
    const float d = std::sqrt(best2);
    if (glm::dot(p - m_points[bestIndex], m_normals[bestIndex]) >= 0.0f)
        return d;
    // The nearest point alone misjudges the sign beside a sharp edge or corner of a thin sheet (a muscle's
    // end cap meeting its side): a point 20 mm beyond the corner can lie behind the nearest top- or
    // bottom-face point and would read as 20 mm inside, which folds the skin. Near a convex edge the solid
    // is the intersection of its faces' half-spaces, so p is outside when it lies in front of any surface
    // point about as near as the nearest; inside only when it lies behind all of them.
    const float reach = d + kSignMargin, reach2 = reach * reach;
    const int lo[3] = {int(std::floor((p.x - reach) / m_cell)), int(std::floor((p.y - reach) / m_cell)),
                       int(std::floor((p.z - reach) / m_cell))};
    const int hi[3] = {int(std::floor((p.x + reach) / m_cell)), int(std::floor((p.y + reach) / m_cell)),
                       int(std::floor((p.z + reach) / m_cell))};
    for (int z = lo[2]; z <= hi[2]; ++z) {
        for (int y = lo[1]; y <= hi[1]; ++y) {
            for (int x = lo[0]; x <= hi[0]; ++x) {
                const auto it = m_grid.find(key(x, y, z));
                if (it == m_grid.end())
                    continue;
                for (auto i : it->second) {
                    const glm::vec3 v = p - m_points[i];
                    if (glm::dot(v, v) <= reach2 && glm::dot(v, m_normals[i]) > 0.0f)
                        return d;
                }
            }
        }
    }
    return -d;
}

} // namespace ta::core::anatomy
