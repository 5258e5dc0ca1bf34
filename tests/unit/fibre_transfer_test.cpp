// core::transferFibres: fibres and the striation coordinate carried from one surface to another (an
// imported muscle takes them from our generated one).
#include "core/geometry/fibre_transfer.h"
#include "uv_sphere.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace {

using ta::core::Mesh;

constexpr float kPi = std::numbers::pi_v<float>;

/// The unit meridian direction (towards the south pole) at a point of an ellipsoid centred at 0 with
/// radii (r, ry, r): it lies in the plane through the y axis and the point.
glm::vec3 meridianAt(const glm::vec3& p, float r, float ry)
{
    const float phi = std::acos(std::clamp(p.y / ry, -1.0f, 1.0f));
    const float theta = std::atan2(p.z, p.x);
    return glm::normalize(
        glm::vec3(r * std::cos(phi) * std::cos(theta), -ry * std::sin(phi), r * std::cos(phi) * std::sin(theta)));
}

/// A sphere of radius 5 cm whose fibres run along its meridians, every other one with its sense flipped
/// (fibres have no sense), and `across` = the longitude in radians times the radius.
Mesh meridianSphere()
{
    Mesh m = ta::testing::uvSphere({0, 0, 0}, {0.05f, 0.05f, 0.05f}, 32, 64);
    for (std::size_t v = 0; v < m.positions.size(); ++v) {
        const glm::vec3& p = m.positions[v];
        const float phi = std::acos(std::clamp(p.y / 0.05f, -1.0f, 1.0f));
        float theta = std::atan2(p.z, p.x);
        if (theta < 0.0f)
            theta += 2.0f * kPi;
        // The seam's second copy (j = slices) stands at 2 pi.
        if (v % 65 == 64)
            theta = 2.0f * kPi;
        const glm::vec3 f(std::cos(phi) * std::cos(theta), -std::sin(phi), std::cos(phi) * std::sin(theta));
        m.fibres.push_back(v % 2 ? -f : f);
        m.across.push_back(theta * 0.05f);
    }
    return m;
}

TEST(FibreTransfer, FibresFollowTheSourceAndLieInTheTargetSurface)
{
    const Mesh from = meridianSphere();
    // Taller than the source and meshed differently: the source's fibres are not tangent to it as they are.
    Mesh to = ta::testing::uvSphere({0, 0, 0}, {0.05f, 0.07f, 0.05f}, 19, 37);
    to.computeNormals();
    const auto stats = ta::core::transferFibres(from, to);
    ASSERT_EQ(stats.vertices, to.positions.size());
    ASSERT_EQ(to.fibres.size(), to.positions.size());
    ASSERT_EQ(to.across.size(), to.positions.size());
    EXPECT_NEAR(stats.worstDistance, 0.02f, 0.001f); // the poles: 7 cm against 5 cm
    int checked = 0;
    for (std::size_t v = 0; v < to.positions.size(); ++v) {
        const glm::vec3& p = to.positions[v];
        EXPECT_NEAR(glm::length(to.fibres[v]), 1.0f, 1e-4f) << v;
        EXPECT_LT(std::abs(glm::dot(to.fibres[v], glm::normalize(to.normals[v]))), 1e-4f) << v;
        const float ringRadius = std::hypot(p.x, p.z);
        if (ringRadius < 0.02f) // near the poles the meridians meet
            continue;
        EXPECT_GT(std::abs(glm::dot(to.fibres[v], meridianAt(p, 0.05f, 0.07f))), 0.99f) << v;
        float theta = std::atan2(p.z, p.x);
        if (theta < 0.0f)
            theta += 2.0f * kPi;
        if (theta > 0.2f && theta < 2.0f * kPi - 0.2f) { // away from the seam, where across jumps
            EXPECT_NEAR(to.across[v], theta * 0.05f, 0.002f) << v;
            ++checked;
        }
    }
    EXPECT_GT(checked, 400);
}

TEST(FibreTransfer, NothingToTakeLeavesTheTargetAlone)
{
    Mesh from = ta::testing::uvSphere({0, 0, 0}, {0.05f, 0.05f, 0.05f});
    Mesh to = ta::testing::uvSphere({0, 0, 0}, {0.05f, 0.06f, 0.05f});
    EXPECT_EQ(ta::core::transferFibres(from, to).vertices, 0u); // the source has no fibres
    EXPECT_TRUE(to.fibres.empty());
    from = meridianSphere();
    to.normals.clear();
    EXPECT_EQ(ta::core::transferFibres(from, to).vertices, 0u); // the target has no normals
    EXPECT_TRUE(to.fibres.empty());
    EXPECT_TRUE(to.across.empty());
}

} // namespace
