#include "core/referral/mesh_query.h"

#include <limits>

namespace ta::core {

// Ericson, Real-Time Collision Detection, 5.1.5: region tests on the barycentric coordinates.
glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f)
        return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3)
        return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f)
        return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6)
        return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f)
        return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

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
