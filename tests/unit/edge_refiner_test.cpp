// Splitting long edges: the surface, its closedness and its orientation stay; no edge stays too long.
#include "core/geometry/edge_refiner.h"
#include "io/model_baker.h"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include <cmath>

using namespace ta::core;

namespace {

/// A closed octahedron of "radius" r: eight triangles wound outward, edges r * sqrt(2) long.
Mesh octahedron(float r)
{
    Mesh m;
    m.positions = {{r, 0, 0}, {-r, 0, 0}, {0, r, 0}, {0, -r, 0}, {0, 0, r}, {0, 0, -r}};
    m.indices = {0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5};
    m.computeNormals();
    return m;
}

float longestEdge(const Mesh& m)
{
    float longest = 0.0f;
    for (std::size_t t = 0; t < m.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k)
            longest = std::max(longest, glm::length(m.positions[m.indices[t + k]] - m.positions[m.indices[t + (k + 1) % 3]]));
    return longest;
}

} // namespace

TEST(EdgeRefiner, SplitsUntilNoEdgeIsLongerAndKeepsTheSurface)
{
    Mesh m = octahedron(1.0f);
    const double area = m.area();
    const double volume = m.signedVolume();
    const std::size_t added = refineLongEdges(m, 0.3f);
    EXPECT_GT(added, 0u);
    EXPECT_EQ(m.positions.size(), 6u + added);
    EXPECT_LE(longestEdge(m), 0.3f + 1e-6f);
    EXPECT_NEAR(m.area(), area, 1e-4 * area);       // midpoints lie on the old triangles
    EXPECT_NEAR(m.signedVolume(), volume, 1e-4 * volume); // same solid, still wound outward (positive)
    EXPECT_TRUE(ta::io::isClosedManifold(m));
    ASSERT_EQ(m.normals.size(), m.positions.size());
    for (const auto& n : m.normals)
        EXPECT_NEAR(glm::length(n), 1.0f, 1e-4f);
}

TEST(EdgeRefiner, MixedSplitsStayClosedAndAreDeterministic)
{
    // A stretched octahedron: some edges are long, some short, so triangles get one, two or three splits.
    Mesh m = octahedron(1.0f);
    for (auto& p : m.positions)
        p *= glm::vec3(3.0f, 1.0f, 0.4f);
    m.computeNormals();
    Mesh again = m;
    refineLongEdges(m, 0.9f);
    refineLongEdges(again, 0.9f);
    EXPECT_TRUE(ta::io::isClosedManifold(m));
    EXPECT_LE(longestEdge(m), 0.9f + 1e-6f);
    EXPECT_EQ(m.indices, again.indices);
    EXPECT_EQ(m.positions, again.positions);
    EXPECT_GT(m.signedVolume(), 0.0);
}

TEST(EdgeRefiner, ShortEdgesAndZeroLimitLeaveTheMeshAlone)
{
    Mesh m = octahedron(1.0f);
    const Mesh before = m;
    EXPECT_EQ(refineLongEdges(m, 2.0f), 0u);
    EXPECT_EQ(refineLongEdges(m, 0.0f), 0u);
    EXPECT_EQ(m.indices, before.indices);
    EXPECT_EQ(m.positions, before.positions);
}

TEST(EdgeRefiner, WithinABoxOnlyEdgesInsideAreSplit)
{
    // The upper half of the octahedron (y >= 0) is inside; edges reaching the lower apex must keep their length.
    Mesh m = octahedron(1.0f);
    const Aabb upper{glm::vec3(-2.0f, -1e-6f, -2.0f), glm::vec3(2.0f, 2.0f, 2.0f)};
    const std::size_t added = refineLongEdges(m, 0.3f, upper);
    EXPECT_GT(added, 0u);
    EXPECT_TRUE(ta::io::isClosedManifold(m));
    float longestInside = 0.0f, longestReachingDown = 0.0f;
    for (std::size_t t = 0; t < m.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k) {
            const glm::vec3 a = m.positions[m.indices[t + k]], b = m.positions[m.indices[t + (k + 1) % 3]];
            const float len = glm::length(a - b);
            if (a.y < -1e-3f || b.y < -1e-3f)
                longestReachingDown = std::max(longestReachingDown, len);
            else
                longestInside = std::max(longestInside, len);
        }
    EXPECT_LE(longestInside, 0.3f + 1e-6f);
    EXPECT_NEAR(longestReachingDown, std::sqrt(2.0f), 1e-5f); // the lower apex's edges were not split
    // No vertex was added below the box: the only one there is still the lower apex.
    for (const auto& p : m.positions) {
        if (p.y < -1e-3f) {
            EXPECT_NEAR(p.y, -1.0f, 1e-6f);
        }
    }
}
