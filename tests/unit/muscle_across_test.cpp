// The coordinate across each muscle sheet (`_ACROSS`), from which the shader draws striations: present on
// every muscle of the committed model, within the sheet's width, and constant along the fibres (its
// gradient on the surface is across them), so the stripes follow the fibres.
#include "io/gltf_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace fs = std::filesystem;
using namespace ta;

TEST(MuscleAcross, EveryMuscleCarriesACoordinateThatRunsAcrossItsFibres)
{
    const core::AnatomyModel model = io::loadModel(fs::path(TA_TEST_DIR) / ".." / "assets/models/neck-shoulder.glb");
    int muscles = 0;
    int good = 0; ///< muscles where at least 85 % of the measured triangles have the gradient across the fibre
    for (const core::Structure& s : model.structures) {
        if (s.kind != core::Kind::Muscle) {
            EXPECT_TRUE(s.mesh.across.empty()) << s.id;
            continue;
        }
        ++muscles;
        const core::Mesh& m = s.mesh;
        ASSERT_EQ(m.across.size(), m.positions.size()) << s.id;
        ASSERT_EQ(m.fibres.size(), m.positions.size()) << s.id;
        const float width = *std::max_element(m.across.begin(), m.across.end());
        EXPECT_GT(width, 0.003f) << s.id << ": a sheet at least a few millimetres wide";
        EXPECT_LT(width, 0.5f) << s.id;
        // On each triangle the coordinate is linear; its gradient in the triangle's plane should be at a
        // right angle to the fibre (lines of constant value run along the fibres).
        int measured = 0, across = 0;
        for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
            const std::uint32_t i0 = m.indices[t], i1 = m.indices[t + 1], i2 = m.indices[t + 2];
            const glm::vec3 e1 = m.positions[i1] - m.positions[i0], e2 = m.positions[i2] - m.positions[i0];
            const glm::vec3 n = glm::cross(e1, e2);
            const float area2 = glm::length(n);
            if (area2 < 1e-10f)
                continue;
            const float d1 = m.across[i1] - m.across[i0], d2 = m.across[i2] - m.across[i0];
            // Gradient of a linear function on the triangle: (d1 (e2 x n) + d2 (n x e1)) / |n|^2.
            const glm::vec3 grad = (d1 * glm::cross(e2, n) + d2 * glm::cross(n, e1)) / (area2 * area2);
            if (glm::length(grad) < 0.2f) // nearly constant here (ends and rounded sides): nothing to measure
                continue;
            const glm::vec3 f = glm::normalize(m.fibres[i0] + m.fibres[i1] + m.fibres[i2]);
            ++measured;
            if (std::abs(glm::dot(glm::normalize(grad), f)) < 0.35f)
                ++across;
        }
        ASSERT_GT(measured, 10) << s.id;
        const double share = static_cast<double>(across) / measured;
        // Short thick bellies (the pterygoids, teres minor, subclavius) fall lowest: their thickness changes
        // fast along the muscle, which tilts the outer surface against the fibre direction, taken on the
        // mid-surface. A coordinate running along the fibres instead would score near 0 everywhere.
        EXPECT_GT(share, 0.5) << s.id << ": " << across << " of " << measured;
        if (share > 0.85)
            ++good;
    }
    EXPECT_GT(muscles, 40);
    EXPECT_GE(good, muscles * 9 / 10) << good << " of " << muscles << " muscles have 85 % of triangles right";
}
