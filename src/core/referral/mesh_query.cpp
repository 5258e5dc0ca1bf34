#include "core/referral/mesh_query.h"

#include <limits>

namespace ta::core {

// Ericson, Real-Time Collision Detection, 5.1.5: region tests on the barycentric coordinates.

ClosestPoint closestPointOnMesh(const Mesh& mesh, const glm::vec3& p)
{
    ClosestPoint best;
    float bestD2 = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const glm::vec3 q = closestPointOnTriangle(p, mesh.positions[mesh.indices[i]],
                                                   mesh.positions[mesh.indices[i + 1]],
                                                   mesh.positions[mesh.indices[i + 2]]);
        const glm::vec3 d = q - p;
        const float d2 = glm::dot(d, d);
        if (d2 < bestD2) {
            bestD2 = d2;
            best.point = q;
        }
    }
    if (bestD2 < std::numeric_limits<float>::max())
        best.distance = std::sqrt(bestD2);
    return best;
}

} // namespace ta::core
