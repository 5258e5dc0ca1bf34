// Closest-point queries and surface distances on shapes whose answers are known analytically.
#include "core/geometry/closest_point_tree.h"
#include "core/geometry/surface_distance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace {

using ta::core::Mesh;

Mesh cube(float half)
{
    Mesh m;
    for (int i = 0; i < 8; ++i)
        m.positions.push_back({(i & 1) ? half : -half, (i & 2) ? half : -half, (i & 4) ? half : -half});
    // Two counter-clockwise (outward) triangles per face.
    const std::uint32_t q[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
    for (const auto& f : q)
        m.indices.insert(m.indices.end(), {f[0], f[1], f[2], f[0], f[2], f[3]});
    return m;
}

Mesh uvSphere(float r, glm::vec3 c, int slices, int stacks)
{
    Mesh m;
    for (int i = 0; i <= stacks; ++i) {
        const double th = std::numbers::pi * i / stacks;
        for (int j = 0; j < slices; ++j) {
            const double ph = 2 * std::numbers::pi * j / slices;
            m.positions.push_back(c + r * glm::vec3(std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph)));
        }
    }
    for (int i = 0; i < stacks; ++i)
        for (int j = 0; j < slices; ++j) {
            const std::uint32_t a = i * slices + j, b = i * slices + (j + 1) % slices;
            const std::uint32_t c2 = a + slices, d = b + slices;
            m.indices.insert(m.indices.end(), {a, b, d, a, d, c2});
        }
    return m;
}

TEST(FidelityClosestPoint, TriangleRegions)
{
    const glm::vec3 a(0, 0, 0), b(1, 0, 0), c(0, 1, 0);
    // Face: straight down onto the plane.
    EXPECT_EQ(ta::core::closestPointOnTriangle({0.2f, 0.3f, 5.0f}, a, b, c), glm::vec3(0.2f, 0.3f, 0.0f));
    // Vertex regions.
    EXPECT_EQ(ta::core::closestPointOnTriangle({-1, -1, 1}, a, b, c), a);
    EXPECT_EQ(ta::core::closestPointOnTriangle({3, -0.5f, 0}, a, b, c), b);
    EXPECT_EQ(ta::core::closestPointOnTriangle({-0.2f, 4, 0}, a, b, c), c);
    // Edge regions: below ab, left of ac, beyond the hypotenuse bc.
    const glm::vec3 onAb = ta::core::closestPointOnTriangle({0.5f, -2, 1}, a, b, c);
    EXPECT_NEAR(onAb.x, 0.5f, 1e-6f);
    EXPECT_NEAR(onAb.y, 0.0f, 1e-6f);
    const glm::vec3 onBc = ta::core::closestPointOnTriangle({1, 1, 0}, a, b, c);
    EXPECT_NEAR(onBc.x, 0.5f, 1e-6f);
    EXPECT_NEAR(onBc.y, 0.5f, 1e-6f);
    // A degenerate triangle still gives a point on it.
    const glm::vec3 deg = ta::core::closestPointOnTriangle({0.5f, 1, 0}, a, b, b);
    EXPECT_NEAR(deg.x, 0.5f, 1e-6f);
    EXPECT_NEAR(deg.y, 0.0f, 1e-6f);
}

TEST(FidelityClosestPoint, TreeAgreesWithBruteForce)
{
    const Mesh sphere = uvSphere(0.1f, {0.02f, 1.5f, -0.03f}, 40, 20);
    const ta::core::ClosestPointTree tree(sphere);
    ASSERT_EQ(tree.triangleCount(), sphere.triangleCount());
    std::uint32_t state = 12345;
    auto rnd = [&] { state = state * 1664525u + 1013904223u; return (state >> 8) / float(1 << 24) - 0.5f; };
    for (int i = 0; i < 500; ++i) {
        const glm::vec3 p = glm::vec3(0.02f, 1.5f, -0.03f) + 0.4f * glm::vec3(rnd(), rnd(), rnd());
        float best = 1e9f;
        for (std::size_t t = 0; t < sphere.triangleCount(); ++t) {
            const glm::vec3 q = ta::core::closestPointOnTriangle(p, sphere.positions[sphere.indices[3 * t]],
                                                                 sphere.positions[sphere.indices[3 * t + 1]],
                                                                 sphere.positions[sphere.indices[3 * t + 2]]);
            best = std::min(best, glm::length(q - p));
        }
        const auto hit = tree.closest(p);
        ASSERT_TRUE(hit.has_value());
        ASSERT_NEAR(hit->distance, best, 1e-6f) << "query " << i;
    }
}

TEST(FidelityClosestPoint, EmptyMeshAndRadiusLimit)
{
    const ta::core::ClosestPointTree empty{Mesh{}};
    EXPECT_FALSE(empty.closest({0, 0, 0}).has_value());
    const ta::core::ClosestPointTree tree(cube(0.5f));
    EXPECT_FALSE(tree.closestWithin({0, 0, 2.0f}, 1.0f).has_value());
    const auto hit = tree.closestWithin({0, 0, 2.0f}, 1.6f);
    ASSERT_TRUE(hit.has_value());
    EXPECT_NEAR(hit->distance, 1.5f, 1e-6f);
}

TEST(FidelitySurfaceDistance, SamplesAreDeterministicOnTheSurfaceAndUniformByArea)
{
    Mesh m; // two triangles in the plane z = 0 with areas 0.5 and 1.5
    m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {10, 0, 0}, {13, 0, 0}, {10, 1, 0}};
    m.indices = {0, 1, 2, 3, 4, 5};
    const auto a = ta::core::sampleSurface(m, 8000, 7);
    const auto b = ta::core::sampleSurface(m, 8000, 7);
    const auto c = ta::core::sampleSurface(m, 8000, 8);
    ASSERT_EQ(a.size(), 8000u);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    int onSmall = 0;
    const ta::core::ClosestPointTree tree(m);
    for (const auto& p : a) {
        onSmall += p.x < 5.0f ? 1 : 0;
        ASSERT_LT(tree.closest(p)->distance, 1e-5f);
    }
    EXPECT_NEAR(onSmall / 8000.0, 0.25, 0.02);
    EXPECT_TRUE(ta::core::sampleSurface(Mesh{}, 10, 1).empty());
}

TEST(FidelitySurfaceDistance, QuantilesInterpolate)
{
    std::vector<double> d = {4, 1, 3, 2, 0};
    const auto s = ta::core::summarizeDistances(d);
    EXPECT_EQ(s.samples, 5u);
    EXPECT_DOUBLE_EQ(s.median, 2.0);
    EXPECT_DOUBLE_EQ(s.p90, 3.6);
    EXPECT_DOUBLE_EQ(s.max, 4.0);
    EXPECT_DOUBLE_EQ(s.mean, 2.0);
    std::vector<double> none;
    EXPECT_EQ(ta::core::summarizeDistances(none).median, 0.0);
}

TEST(FidelitySurfaceDistance, ScaledCubeIsFiveMillimetresPerMetre)
{
    // Unit cube against the same cube scaled by 1.01 about its centre: faces are 5 mm apart.
    const auto r = ta::core::compareSurfaces(cube(0.5f), cube(0.505f), 20000, 3);
    EXPECT_NEAR(r.aToB.median, 0.005, 1e-5);
    EXPECT_NEAR(r.bToA.median, 0.005, 1e-5);
    EXPECT_NEAR(r.aToB.p90, 0.005, 1e-5);
    // Sampled on the big cube, points near an edge overhang the small face: a little more than 5 mm.
    EXPECT_GT(r.bToA.max, 0.00505);
    EXPECT_LT(r.bToA.max, 0.0072);
    EXPECT_EQ(r.aToB.samples, 20000u);
}

TEST(FidelitySurfaceDistance, TranslatedSphereMatchesAnalyticDistance)
{
    // Distance from a point p to a sphere (centre c, radius r) is | |p - c| - r |.
    const float r = 0.08f;
    const glm::vec3 c0(0, 1.5f, 0), c1(0.01f, 1.5f, 0.005f);
    const Mesh a = uvSphere(r, c0, 256, 128), b = uvSphere(r, c1, 256, 128);
    const auto pts = ta::core::sampleSurface(a, 5000, 11);
    const ta::core::ClosestPointTree tb(b);
    auto measured = ta::core::distancesTo(pts, tb);
    std::vector<double> analytic;
    for (const auto& p : pts)
        analytic.push_back(std::abs(glm::length(p - c1) - r));
    const auto sm = ta::core::summarizeDistances(measured);
    const auto sa = ta::core::summarizeDistances(analytic);
    // The faceted sphere deviates from the true one by at most r (1 - cos(pi / 128)) ~ 0.024 mm.
    EXPECT_NEAR(sm.median, sa.median, 5e-5);
    EXPECT_NEAR(sm.p90, sa.p90, 5e-5);
    EXPECT_NEAR(sm.max, sa.max, 1e-4);
    // And the shift itself: the largest gap is the translation length (11.2 mm).
    EXPECT_NEAR(sm.max, glm::length(c1 - c0), 3e-4);
}

} // namespace
