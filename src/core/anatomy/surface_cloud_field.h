#pragma once
// An approximate signed distance to closed meshes from points sampled on their faces with the faces'
// normals: the distance to the nearest point, negative only when the query lies behind every point within
// a few millimetres of that distance (sharp edges and thin sheets fool a single nearest point). Callers
// sample at most ~3 mm apart. Good near dense samples (the muscles), which is all the skin's clearance
// needs. Millimetres.
#include "core/mesh.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ta::core::anatomy {

class SurfaceCloudField {
public:
    /// `positionsMm` and `normals` of one or more meshes; `reach` = the largest distance callers care
    /// about: beyond it distance() returns float max, so a smooth union with it changes nothing.
    SurfaceCloudField(std::vector<glm::vec3> positionsMm, std::vector<glm::vec3> normals, float reach);

    float distance(const glm::vec3& p) const;
    const Aabb& bounds() const { return m_bounds; }
    bool empty() const { return m_points.empty(); }

private:
    std::int64_t key(int x, int y, int z) const;

    std::vector<glm::vec3> m_points;
    std::vector<glm::vec3> m_normals;
    float m_cell;
    float m_reach;
    Aabb m_bounds;
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> m_grid;
};

} // namespace ta::core::anatomy
