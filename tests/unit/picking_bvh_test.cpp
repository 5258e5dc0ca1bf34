// The BVH must agree with brute force on every query, honour the structure filter (hidden and ghosted
// layers) and never throw on odd input.
#include "../common/uv_sphere.h"
#include "core/picking/bvh.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <limits>
#include <random>

namespace {

using ta::core::AnatomyModel;
using ta::core::Bvh;
using ta::core::Layer;
using ta::core::Mesh;
using ta::core::PickFilter;
using ta::core::Ray;
using ta::core::StructureId;

Mesh sphere(glm::vec3 centre, float radius, int stacks = 12, int slices = 24)
{
    return ta::testing::uvSphere(centre, glm::vec3(radius), stacks, slices);
}

/// A square in the plane z = `z`, facing +z, spanning [-h, h] in x and y.
Mesh square(float z, float h = 0.1f)
{
    Mesh m;
    m.positions = {{-h, -h, z}, {h, -h, z}, {h, h, z}, {-h, h, z}};
    m.indices = {0, 1, 2, 0, 2, 3};
    return m;
}

AnatomyModel layeredSquares()
{
    // Looking down -z from z = 1: skin at z = 0.3, a superficial muscle at 0.2, bone at 0.
    AnatomyModel model;
    model.structures.push_back({.id = "skin", .layer = Layer::Skin, .mesh = square(0.3f)});
    model.structures.push_back({.id = "trapezius-descending-left", .layer = Layer::Superficial, .mesh = square(0.2f)});
    model.structures.push_back({.id = "skull", .layer = Layer::Bone, .mesh = square(0.0f)});
    return model;
}

const Ray kDown{{0.01f, 0.02f, 1.0f}, {0.0f, 0.0f, -1.0f}};

TEST(PickingBvh, FirstAcceptedSurfaceWins)
{
    const AnatomyModel model = layeredSquares();
    const Bvh bvh(model);
    EXPECT_EQ(bvh.triangleCount(), 6u);

    auto hit = bvh.raycast(kDown, PickFilter::all(3));
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, model.find("skin"));
    EXPECT_NEAR(hit->distance, 0.7f, 1e-5f);

    // Skin ghosted: the click goes through to the muscle beneath.
    hit = bvh.raycast(kDown, PickFilter::byLayers(model, {Layer::Superficial, Layer::Bone}));
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, model.find("trapezius-descending-left"));
    EXPECT_NEAR(hit->point.z, 0.2f, 1e-5f);

    // Only bone visible.
    hit = bvh.raycast(kDown, PickFilter::byLayers(model, {Layer::Bone}));
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, model.find("skull"));
    EXPECT_NEAR(hit->distance, 1.0f, 1e-5f);

    // Nothing accepted: no hit.
    EXPECT_FALSE(bvh.raycast(kDown, PickFilter{}));
}

TEST(PickingBvh, HitReportsBarycentricsPointNormalAndDistance)
{
    AnatomyModel model;
    Mesh tri;
    tri.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    tri.indices = {0, 1, 2};
    model.structures.push_back({.id = "t", .mesh = tri});
    const Bvh bvh(model);
    // Unnormalised direction: distance is still in metres along the ray.
    const auto hit = bvh.raycast({{0.25f, 0.5f, 2.0f}, {0.0f, 0.0f, -5.0f}}, PickFilter::all(1));
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->triangle, 0u);
    EXPECT_NEAR(hit->distance, 2.0f, 1e-6f);
    EXPECT_NEAR(hit->barycentrics.x, 0.25f, 1e-6f);
    EXPECT_NEAR(hit->barycentrics.y, 0.25f, 1e-6f);
    EXPECT_NEAR(hit->barycentrics.z, 0.5f, 1e-6f);
    EXPECT_NEAR(glm::length(hit->point - glm::vec3(0.25f, 0.5f, 0.0f)), 0.0f, 1e-6f);
    EXPECT_NEAR(hit->normal.z, 1.0f, 1e-6f); // counter-clockwise seen from +z

    // maxDistance shorter than the hit: no hit.
    EXPECT_FALSE(bvh.raycast({{0.25f, 0.5f, 2.0f}, {0.0f, 0.0f, -1.0f}}, PickFilter::all(1), 1.9f));
    // Pointing away: no hit.
    EXPECT_FALSE(bvh.raycast({{0.25f, 0.5f, 2.0f}, {0.0f, 0.0f, 1.0f}}, PickFilter::all(1)));
}

TEST(PickingBvh, SmoothNormalIsInterpolated)
{
    AnatomyModel model;
    model.structures.push_back({.id = "ball", .mesh = sphere({0, 1, 0}, 0.1f, 24, 48)});
    const Bvh bvh(model);
    // A ray aimed off-centre hits where the sphere's true normal leans towards the ray's offset.
    const auto hit = bvh.raycast({{0.05f, 1.0f, 1.0f}, {0, 0, -1}}, PickFilter::all(1));
    ASSERT_TRUE(hit);
    const glm::vec3 expected = glm::normalize(hit->point - glm::vec3(0, 1, 0));
    EXPECT_GT(glm::dot(hit->normal, expected), 0.999f);
    EXPECT_NEAR(glm::length(hit->normal), 1.0f, 1e-5f);
}

TEST(PickingBvh, RayFromInsideHitsTheBackFace)
{
    AnatomyModel model;
    model.structures.push_back({.id = "skull", .mesh = sphere({0, 0, 0}, 0.1f)});
    const Bvh bvh(model);
    const auto hit = bvh.raycast({{0, 0, 0}, {1, 0, 0}}, PickFilter::all(1));
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, 0.1f, 0.002f);
}

struct Brute {
    float distance = std::numeric_limits<float>::infinity();
    std::uint32_t structure = UINT32_MAX;
};

Brute bruteRay(const AnatomyModel& model, const Ray& ray, const PickFilter& filter)
{
    Brute best;
    const glm::vec3 dir = glm::normalize(ray.direction);
    for (std::uint32_t s = 0; s < model.structures.size(); ++s) {
        if (!filter.accepts(s))
            continue;
        const Mesh& m = model.structures[s].mesh;
        for (std::size_t t = 0; t < m.triangleCount(); ++t) {
            const glm::vec3 a = m.positions[m.indices[3 * t]], b = m.positions[m.indices[3 * t + 1]],
                            c = m.positions[m.indices[3 * t + 2]];
            // Plane intersection then an inside test by edge functions: independent of Möller-Trumbore.
            const glm::vec3 n = glm::cross(b - a, c - a);
            const float denom = glm::dot(n, dir);
            if (std::abs(denom) < 1e-12f)
                continue;
            const float d = glm::dot(n, a - ray.origin) / denom;
            if (d < 0.0f)
                continue;
            const glm::vec3 p = ray.origin + d * dir;
            const float e0 = glm::dot(glm::cross(b - a, p - a), n), e1 = glm::dot(glm::cross(c - b, p - b), n),
                        e2 = glm::dot(glm::cross(a - c, p - c), n);
            if (e0 >= 0 && e1 >= 0 && e2 >= 0 && d < best.distance)
                best = {d, s};
        }
    }
    return best;
}

AnatomyModel randomSpheres(std::mt19937& rng, int count)
{
    std::uniform_real_distribution<float> pos(-0.3f, 0.3f), rad(0.02f, 0.12f);
    AnatomyModel model;
    for (int i = 0; i < count; ++i)
        model.structures.push_back({.id = "s" + std::to_string(i), .layer = static_cast<Layer>(i % 5),
                                    .mesh = sphere({pos(rng), 1.0f + pos(rng), pos(rng)}, rad(rng))});
    return model;
}

TEST(PickingBvh, AgreesWithBruteForceOnRandomRays)
{
    std::mt19937 rng(7);
    const AnatomyModel model = randomSpheres(rng, 40);
    const Bvh bvh(model);
    // The spheres' north-pole triangles are exactly degenerate (two vertices coincide) and are left out;
    // the south pole's are only nearly so (sin(pi) is not 0 in float) and may stay.
    EXPECT_LE(bvh.triangleCount(), model.triangleCount() - 40u * 24u);
    EXPECT_GE(bvh.triangleCount(), model.triangleCount() - 40u * 2u * 24u);
    EXPECT_GT(bvh.depth(), 5);
    const PickFilter all = PickFilter::all(model.structures.size());
    const PickFilter some = PickFilter::byLayers(model, {Layer::Intermediate, Layer::Bone});
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    int hits = 0;
    for (int i = 0; i < 600; ++i) {
        const glm::vec3 origin{u(rng), 1.0f + u(rng), 1.5f};
        const glm::vec3 target{0.4f * u(rng), 1.0f + 0.4f * u(rng), 0.4f * u(rng)};
        const Ray ray{origin, target - origin};
        for (const PickFilter* f : {&all, &some}) {
            const Brute expect = bruteRay(model, ray, *f);
            const auto got = bvh.raycast(ray, *f);
            ASSERT_EQ(got.has_value(), expect.structure != UINT32_MAX) << "ray " << i;
            if (got) {
                ++hits;
                EXPECT_NEAR(got->distance, expect.distance, 1e-4f) << "ray " << i;
                EXPECT_TRUE(f->accepts(got->structure));
            }
        }
    }
    EXPECT_GT(hits, 200); // the test means something only if many rays hit
}

TEST(PickingBvh, NearestSurfacePointAgreesWithBruteForce)
{
    std::mt19937 rng(11);
    const AnatomyModel model = randomSpheres(rng, 25);
    const Bvh bvh(model);
    const PickFilter filter = PickFilter::byLayers(model, {Layer::Skin, Layer::Deep});
    std::uniform_real_distribution<float> u(-0.5f, 0.5f);
    for (int i = 0; i < 200; ++i) {
        const glm::vec3 p{u(rng), 1.0f + u(rng), u(rng)};
        // Brute force over vertices bounds the answer from above; over dense sampled triangle points too.
        float bruteBest = std::numeric_limits<float>::infinity();
        for (std::uint32_t s = 0; s < model.structures.size(); ++s) {
            if (!filter.accepts(s))
                continue;
            const Mesh& m = model.structures[s].mesh;
            for (std::size_t t = 0; t < m.triangleCount(); ++t) {
                const glm::vec3 a = m.positions[m.indices[3 * t]], b = m.positions[m.indices[3 * t + 1]],
                                c = m.positions[m.indices[3 * t + 2]];
                for (int x = 0; x <= 8; ++x)
                    for (int y = 0; x + y <= 8; ++y) {
                        const glm::vec3 q = a + (b - a) * (x / 8.0f) + (c - a) * (y / 8.0f);
                        bruteBest = std::min(bruteBest, glm::length(q - p));
                    }
            }
        }
        const auto got = bvh.nearestSurfacePoint(p, filter);
        ASSERT_TRUE(got);
        EXPECT_TRUE(filter.accepts(got->structure));
        EXPECT_LE(got->distance, bruteBest + 1e-5f);
        EXPECT_GE(got->distance, bruteBest - 0.01f); // sampling is 1/8 of a triangle edge
        EXPECT_NEAR(glm::length(got->point - p), got->distance, 1e-5f);
    }
}

TEST(PickingBvh, NearestSurfacePointRespectsMaxDistanceAndFilter)
{
    const AnatomyModel model = layeredSquares();
    const Bvh bvh(model);
    const glm::vec3 p{0.0f, 0.0f, 0.25f};
    auto got = bvh.nearestSurfacePoint(p, PickFilter::all(3));
    ASSERT_TRUE(got);
    EXPECT_NEAR(got->distance, 0.05f, 1e-6f); // skin and muscle tie; either is 5 cm away
    got = bvh.nearestSurfacePoint(p, PickFilter::byLayers(model, {Layer::Bone}));
    ASSERT_TRUE(got);
    EXPECT_EQ(got->structure, model.find("skull"));
    EXPECT_NEAR(got->distance, 0.25f, 1e-6f);
    EXPECT_FALSE(bvh.nearestSurfacePoint(p, PickFilter::byLayers(model, {Layer::Bone}), 0.2f));
}

TEST(PickingBvh, OddInputNeverThrowsOrHits)
{
    AnatomyModel model = layeredSquares();
    // A degenerate triangle and an index out of range are skipped.
    model.structures[0].mesh.indices.insert(model.structures[0].mesh.indices.end(), {0, 0, 1, 0, 1, 99});
    const Bvh bvh(model);
    EXPECT_EQ(bvh.triangleCount(), 6u);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    EXPECT_FALSE(bvh.raycast({{0, 0, 1}, {0, 0, 0}}, PickFilter::all(3)));
    EXPECT_FALSE(bvh.raycast({{nan, 0, 1}, {0, 0, -1}}, PickFilter::all(3)));
    EXPECT_FALSE(bvh.raycast({{0, 0, 1}, {0, 0, -1}}, PickFilter::all(3), nan));
    EXPECT_FALSE(bvh.nearestSurfacePoint({nan, 0, 0}, PickFilter::all(3)));
    EXPECT_FALSE(bvh.nearestSurfacePoint({0, 0, 0}, PickFilter::all(3), -1.0f));
    // An axis-aligned ray grazing a box face along a zero direction component still works.
    EXPECT_TRUE(bvh.raycast({{0.1f, 0.0f, 1.0f}, {0, 0, -1}}, PickFilter::all(3)));

    const Bvh empty{AnatomyModel{}};
    EXPECT_FALSE(empty.raycast(kDown, PickFilter::all(0)));
    EXPECT_FALSE(empty.nearestSurfacePoint({0, 0, 0}, PickFilter::all(0)));
    const Bvh defaulted;
    EXPECT_FALSE(defaulted.raycast(kDown, PickFilter::all(0)));
}

TEST(PickingFilter, FromPredicateAndSet)
{
    const AnatomyModel model = layeredSquares();
    PickFilter f = PickFilter::from(model, [](StructureId s) { return s.value != 1; });
    EXPECT_TRUE(f.accepts(StructureId{0}));
    EXPECT_FALSE(f.accepts(StructureId{1}));
    f.set(StructureId{1}, true);
    f.set(StructureId{0}, false);
    EXPECT_TRUE(f.accepts(StructureId{1}));
    EXPECT_FALSE(f.accepts(StructureId{0}));
    EXPECT_FALSE(f.accepts(StructureId{7}));
    EXPECT_TRUE(f.acceptsAny());
    EXPECT_FALSE(PickFilter{}.acceptsAny());
}

} // namespace
