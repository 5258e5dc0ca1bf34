#pragma once
// A latitude-longitude ellipsoid for tests and benchmarks: `stacks` rings from pole to pole, `slices`
// segments around, outward normals. The seam and the poles repeat vertices, so it is not welded.
#include "core/mesh.h"

#include <cmath>
#include <numbers>

namespace ta::testing {

inline core::Mesh uvSphere(glm::vec3 centre, glm::vec3 radii, int stacks = 12, int slices = 24)
{
    core::Mesh m;
    for (int i = 0; i <= stacks; ++i) {
        const float phi = std::numbers::pi_v<float> * i / stacks;
        for (int j = 0; j <= slices; ++j) {
            const float theta = 2.0f * std::numbers::pi_v<float> * j / slices;
            const glm::vec3 n{std::sin(phi) * std::cos(theta), std::cos(phi), std::sin(phi) * std::sin(theta)};
            m.positions.push_back(centre + radii * n);
            m.normals.push_back(n);
        }
    }
    for (int i = 0; i < stacks; ++i)
        for (int j = 0; j < slices; ++j) {
            const std::uint32_t a = i * (slices + 1) + j, b = a + slices + 1;
            m.indices.insert(m.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
        }
    return m;
}

} // namespace ta::testing
