// Muscles lie on the layers beneath them instead of passing through them: only a thin seam of a
// muscle's surface may sink into a deeper muscle (where two bellies touch or share an attachment).
#include "core/anatomy/muscle_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

using namespace ta::core;
using namespace ta::core::anatomy;

bool rayHitsTriangle(const glm::vec3& o, const glm::vec3& d, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    const glm::vec3 e1 = b - a, e2 = c - a, p = glm::cross(d, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-14f)
        return false;
    const float inv = 1.0f / det;
    const glm::vec3 s = o - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f)
        return false;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(d, q) * inv;
    if (v < 0.0f || u + v > 1.0f)
        return false;
    return glm::dot(e2, q) * inv > 0.0f;
}

/// Point in closed mesh by majority of three ray-parity votes.
bool inside(const Mesh& m, const Aabb& box, const glm::vec3& p)
{
    if (glm::any(glm::lessThan(p, box.min)) || glm::any(glm::greaterThan(p, box.max)))
        return false;
    const glm::vec3 dirs[3] = {glm::normalize(glm::vec3(1.0f, 0.123f, 0.071f)),
                               glm::normalize(glm::vec3(-0.09f, 1.0f, 0.13f)),
                               glm::normalize(glm::vec3(0.05f, -0.11f, 1.0f))};
    int votes = 0;
    for (const auto& d : dirs) {
        int hits = 0;
        for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
            hits += rayHitsTriangle(p, d, m.positions[m.indices[t]], m.positions[m.indices[t + 1]],
                                    m.positions[m.indices[t + 2]]);
        votes += hits & 1;
    }
    return votes >= 2;
}

std::vector<Structure> leftMuscles()
{
    const auto spec = AnatomySpec::load(std::filesystem::path(TA_TEST_DIR) / ".." / "assets" / "anatomy");
    std::vector<Structure> out;
    for (auto& s : buildMuscles(spec))
        if (s.side == Side::Left)
            out.push_back(std::move(s));
    return out;
}

TEST(MuscleLayering, NoMuscleSinksIntoADeeperOne)
{
    const auto all = leftMuscles();
    int pairsChecked = 0;
    for (const auto& a : all)
        for (const auto& b : all) {
            if (&a == &b || b.layer <= a.layer)
                continue; // only a shallower muscle `a` against a deeper muscle `b`
            const Aabb box = b.mesh.bounds();
            ++pairsChecked;
            std::size_t in = 0;
            for (const auto& p : a.mesh.positions)
                in += inside(b.mesh, box, p);
            EXPECT_LE(static_cast<double>(in) / static_cast<double>(a.mesh.positions.size()), 0.06)
                << a.id << " (" << toString(a.layer) << ") has " << in << " vertices inside " << b.id << " ("
                << toString(b.layer) << ")";
        }
    EXPECT_GT(pairsChecked, 100);
}

TEST(MuscleLayering, InsideTestSeesInsideAndOutside)
{
    // The check above can fail: points just under a muscle's surface count as inside, points just above
    // it as outside.
    for (const auto& s : leftMuscles()) {
        if (s.id != "levator-scapulae-left" && s.id != "trapezius-descending-left")
            continue;
        const Aabb box = s.mesh.bounds();
        std::size_t under = 0, over = 0;
        for (std::size_t i = 0; i < s.mesh.positions.size(); ++i) {
            under += inside(s.mesh, box, s.mesh.positions[i] - s.mesh.normals[i] * 1e-4f);
            over += inside(s.mesh, box, s.mesh.positions[i] + s.mesh.normals[i] * 1e-4f);
        }
        const auto n = static_cast<double>(s.mesh.positions.size());
        EXPECT_GT(static_cast<double>(under) / n, 0.9) << s.id;
        EXPECT_LT(static_cast<double>(over) / n, 0.1) << s.id;
    }
}

} // namespace
