// The signed-distance primitives, the marching-tetrahedra mesher and the baker's simplification.
#include "core/anatomy/iso_mesher.h"
#include "core/anatomy/sdf_shape.h"
#include "io/model_baker.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <set>

using namespace ta::core;
using namespace ta::core::anatomy;

namespace {

Primitive sphere(glm::vec3 c, float r)
{
    Primitive p;
    p.type = PrimitiveType::Ellipsoid;
    p.centre = c;
    p.radii = glm::vec3(r);
    return p;
}

} // namespace

TEST(AnatomyMesher, SphereIsClosedOutwardAndTheRightSize)
{
    SdfShape shape({sphere({1, 2, 3}, 10.0f)});
    const Mesh m = meshField([&](const glm::vec3& p) { return shape.distance(p); }, shape.bounds(), {0.8f, 2});
    ASSERT_FALSE(m.empty());
    EXPECT_TRUE(ta::io::isClosedManifold(m));
    const double exact = 4.0 / 3.0 * M_PI * 1000.0;
    EXPECT_NEAR(m.signedVolume(), exact, 0.03 * exact);
    for (const auto& p : m.positions)
        EXPECT_NEAR(glm::length(p - glm::vec3(1, 2, 3)), 10.0f, 0.2f);
    // Normals point outwards.
    for (std::size_t i = 0; i < m.positions.size(); i += 37)
        EXPECT_GT(glm::dot(m.normals[i], m.positions[i] - glm::vec3(1, 2, 3)), 0.0f);
}

TEST(AnatomyMesher, ResultDoesNotDependOnThreadCount)
{
    Primitive tube;
    tube.type = PrimitiveType::Tube;
    tube.points = {{0, 0, 0}, {20, 5, 0}, {30, 20, 5}};
    tube.pointRadii = {4, 3, 5};
    SdfShape shape({sphere({0, 0, 0}, 8.0f), tube});
    auto field = [&](const glm::vec3& p) { return shape.distance(p); };
    const Mesh a = meshField(field, shape.bounds(), {1.0f, 1});
    const Mesh b = meshField(field, shape.bounds(), {1.0f, 3});
    EXPECT_EQ(a.positions, b.positions);
    EXPECT_EQ(a.indices, b.indices);
}

TEST(AnatomyMesher, SubtractionAndHollowingCarve)
{
    Primitive hole = sphere({10, 0, 0}, 6.0f);
    hole.op = CsgOp::Subtract;
    SdfShape shape({sphere({0, 0, 0}, 10.0f), hole});
    EXPECT_LT(shape.distance({-5, 0, 0}), 0.0f);
    EXPECT_GT(shape.distance({8, 0, 0}), 0.0f); // inside the removed part
    Primitive hollow;
    hollow.op = CsgOp::Hollow;
    hollow.thickness = 2.0f;
    SdfShape shell({sphere({0, 0, 0}, 10.0f), hollow});
    EXPECT_GT(shell.distance({0, 0, 0}), 0.0f);
    EXPECT_LT(shell.distance({9, 0, 0}), 0.0f);
    const Mesh m = meshField([&](const glm::vec3& p) { return shell.distance(p); }, shell.bounds(), {0.7f, 2});
    EXPECT_TRUE(ta::io::isClosedManifold(m));
    const double exact = 4.0 / 3.0 * M_PI * (1000.0 - 512.0);
    EXPECT_NEAR(m.signedVolume(), exact, 0.05 * exact);
}

TEST(AnatomyMesher, SimplificationKeepsTheSurfaceClosedAndClose)
{
    SdfShape shape({sphere({0, 0, 0}, 10.0f)});
    Mesh m = meshField([&](const glm::vec3& p) { return shape.distance(p); }, shape.bounds(), {0.5f, 2});
    const Mesh s = ta::io::simplifyMesh(m, 0.1f);
    EXPECT_LT(s.triangleCount(), m.triangleCount() / 2);
    EXPECT_TRUE(ta::io::isClosedManifold(s));
    for (const auto& p : s.positions)
        EXPECT_NEAR(glm::length(p), 10.0f, 0.35f);
}

TEST(AnatomyMesher, SimplificationLeavesTheKeptTrianglesAsTheyAre)
{
    SdfShape shape({sphere({0, 0, 0}, 10.0f)});
    Mesh m = meshField([&](const glm::vec3& p) { return shape.distance(p); }, shape.bounds(), {0.5f, 2});
    // Keep the cap above z = 5: the fine part of a skin that is simplified at a smaller error of its own.
    std::vector<char> keep(m.triangleCount(), 0);
    std::set<std::array<float, 9>> capBefore;
    auto corners = [](const Mesh& mesh, std::size_t t) {
        std::array<float, 9> c{};
        for (int k = 0; k < 3; ++k)
            for (int a = 0; a < 3; ++a)
                c[3 * k + a] = mesh.positions[mesh.indices[3 * t + k]][a];
        return c;
    };
    auto inCap = [](const Mesh& mesh, std::size_t t) {
        return mesh.positions[mesh.indices[3 * t]].z + mesh.positions[mesh.indices[3 * t + 1]].z +
                   mesh.positions[mesh.indices[3 * t + 2]].z >
               15.0f;
    };
    for (std::size_t t = 0; t < keep.size(); ++t)
        if (inCap(m, t)) {
            keep[t] = 1;
            capBefore.insert(corners(m, t));
        }
    ASSERT_GT(capBefore.size(), 100u);
    const Mesh s = ta::io::simplifyMesh(m, 0.1f, keep);
    EXPECT_TRUE(ta::io::isClosedManifold(s));
    // Every kept triangle is still there, corner for corner.
    std::set<std::array<float, 9>> after;
    for (std::size_t t = 0; t < s.triangleCount(); ++t)
        after.insert(corners(s, t));
    for (const auto& c : capBefore)
        EXPECT_TRUE(after.count(c)) << "a kept triangle changed, first corner (" << c[0] << ", " << c[1] << ", " << c[2]
                                    << ")";
    const std::size_t rest = s.triangleCount() - capBefore.size();
    // The rest was simplified: without the cap it had far more triangles than now.
    EXPECT_LT(rest, (m.triangleCount() - capBefore.size()) / 2);
}

TEST(AnatomyMesher, RelaxingMovesAVertexPushedPastItsOwnFanBack)
{
    // A flat hexagonal fan (z = 0, facing +z) around v, with v pushed from the centre to (3, 3), out past
    // its ring: the three triangles on that side now face -z, each next to folded ones, so no single edge
    // flip mends them.
    Mesh m;
    m.positions.push_back({3.0f, 3.0f, 0.0f});
    for (int k = 0; k < 6; ++k) {
        const float a = static_cast<float>(k) * 3.14159265f / 3.0f;
        m.positions.push_back({std::cos(a), std::sin(a), 0.0f});
    }
    m.normals.assign(m.positions.size(), glm::vec3(0, 0, 1));
    for (std::uint32_t k = 0; k < 6; ++k)
        m.indices.insert(m.indices.end(), {0u, 1 + k, 1 + (k + 1) % 6});
    const auto faceZ = [&](std::size_t t) {
        const glm::vec3 p = m.positions[m.indices[t]], q = m.positions[m.indices[t + 1]], r = m.positions[m.indices[t + 2]];
        return glm::cross(q - p, r - p).z;
    };
    std::size_t foldedBefore = 0;
    for (std::size_t t = 0; t < m.indices.size(); t += 3)
        foldedBefore += faceZ(t) < 0.0f ? 1 : 0;
    ASSERT_EQ(foldedBefore, 3u);
    EXPECT_GE(ta::io::relaxFoldedFans(m), 1u);
    for (std::size_t t = 0; t < m.indices.size(); t += 3)
        EXPECT_GT(faceZ(t), 0.0f) << "triangle " << t / 3;
    EXPECT_LT(glm::length(m.positions[0]), 1.0f); // back inside the hexagon
    EXPECT_EQ(m.triangleCount(), 6u);

    // Nothing folded: nothing moves.
    const auto before = m.positions;
    EXPECT_EQ(ta::io::relaxFoldedFans(m), 0u);
    EXPECT_EQ(m.positions, before);
}

TEST(AnatomyMesher, UnfoldingFlipsTheEdgeOfATriangleFoldedOverItsNeighbour)
{
    // A flat patch (z = 0, facing +z) in which a collapse has moved c from (1, 1) to (1, -0.3), across the
    // edge a-b: triangle (a, b, c) now lies folded over (b, a, d) and faces -z.
    Mesh m;
    const glm::vec3 a{0, 0, 0}, b{2, 0, 0}, c{1, -0.3f, 0}, d{1, -1, 0};
    const glm::vec3 x{3, 1, 0}, y{-1, 1, 0}, z{-1, -1, 0}, w{3, -1, 0};
    m.positions = {a, b, c, d, x, y, z, w};
    m.normals.assign(m.positions.size(), glm::vec3(0, 0, 1));
    m.indices = {0, 1, 2,  // a b c: folded
                 1, 0, 3,  // b a d
                 2, 1, 4,  // c b x
                 0, 2, 5,  // a c y
                 3, 0, 6,  // d a z
                 1, 3, 7}; // b d w
    const auto faceZ = [&](std::size_t t) {
        const glm::vec3 p = m.positions[m.indices[t]], q = m.positions[m.indices[t + 1]], r = m.positions[m.indices[t + 2]];
        return glm::cross(q - p, r - p).z;
    };
    ASSERT_LT(faceZ(0), 0.0f);
    const auto positions = m.positions;
    EXPECT_EQ(ta::io::unfoldTriangles(m), 1u);
    EXPECT_EQ(m.triangleCount(), 6u);
    EXPECT_EQ(m.positions, positions); // vertices stay where they are
    for (std::size_t t = 0; t < m.indices.size(); t += 3)
        EXPECT_GT(faceZ(t), 0.0f) << "triangle " << t / 3;

    // Nothing folded: nothing flipped.
    m.positions[2] = {1, 1, 0};
    m.indices = {0, 1, 2, 1, 0, 3, 2, 1, 4, 0, 2, 5, 3, 0, 6, 1, 3, 7};
    EXPECT_EQ(ta::io::unfoldTriangles(m), 0u);
}
