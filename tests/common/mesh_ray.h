#pragma once
// A ray cast against one mesh by brute force, in millimetres, for the tests that measure the committed
// model's surfaces (the face, the head's proportions): independent of the picking BVH they check.
#include "core/mesh.h"

#include <cmath>
#include <limits>
#include <optional>

namespace ta::test {

/// Distance (mm) along `dir` (unit) from `origin` (mm) to the first triangle of `m` (metres) it meets, on
/// either face (Moeller-Trumbore); nullopt when it meets none.
inline std::optional<float> firstHitMm(const core::Mesh& m, glm::vec3 origin, glm::vec3 dir)
{
    float best = std::numeric_limits<float>::max();
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]] * 1000.0f, b = m.positions[m.indices[t + 1]] * 1000.0f,
                        c = m.positions[m.indices[t + 2]] * 1000.0f;
        const glm::vec3 e1 = b - a, e2 = c - a, p = glm::cross(dir, e2);
        const float det = glm::dot(e1, p);
        if (std::abs(det) < 1e-9f)
            continue;
        const glm::vec3 s = origin - a;
        const float u = glm::dot(s, p) / det;
        if (u < 0.0f || u > 1.0f)
            continue;
        const glm::vec3 q = glm::cross(s, e1);
        const float v = glm::dot(dir, q) / det;
        if (v < 0.0f || u + v > 1.0f)
            continue;
        const float d = glm::dot(e2, q) / det;
        if (d > 0.0f && d < best)
            best = d;
    }
    if (best == std::numeric_limits<float>::max())
        return std::nullopt;
    return best;
}

} // namespace ta::test
