// Paint scoring by area (core/study/paint_score.h) on a flat grid whose vertex areas are known: the Dice
// overlap uses areas, not vertex counts, and the spillover zone counts neither for nor against.
#include "core/study/paint_score.h"

#include <gtest/gtest.h>

using namespace ta::core;
using namespace ta::core::study;

namespace {

/// An n x n grid of unit squares (two triangles each) in the XY plane.
Mesh grid(int n)
{
    Mesh m;
    for (int y = 0; y <= n; ++y)
        for (int x = 0; x <= n; ++x)
            m.positions.push_back({float(x), float(y), 0.0f});
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const std::uint32_t a = y * (n + 1) + x, b = a + 1, c = a + n + 1, d = c + 1;
            m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
        }
    return m;
}

} // namespace

TEST(StudyPaintScore, VertexAreasAddUpToTheMeshArea)
{
    const Mesh m = grid(4);
    const auto areas = vertexAreas(m);
    double sum = 0.0;
    for (double a : areas)
        sum += a;
    EXPECT_NEAR(sum, 16.0, 1e-9);
    EXPECT_NEAR(sum, m.area(), 1e-6);
    EXPECT_NEAR(areas[0], 1.0 / 3.0, 1e-9) << "the corner with two triangles";
    EXPECT_NEAR(areas[6], 1.0, 1e-9) << "an inner vertex: six triangles of 1/2, a third each";
}

TEST(StudyPaintScore, DiceIsByAreaWithTheSpilloverTakenOut)
{
    // Four vertices with areas 1, 1, 2, 4.
    const std::vector<double> areas = {1.0, 1.0, 2.0, 4.0};
    const std::vector<glm::vec2> zone = {{1, 0}, {1, 0}, {0, 1}, {0, 0}}; // essential, essential, spillover, outside
    {
        const std::vector<float> exact = {1, 1, 0, 0};
        EXPECT_DOUBLE_EQ(scorePaint(areas, zone, exact).dice, 1.0);
    }
    {
        const std::vector<float> plusSpill = {1, 1, 1, 0};
        const auto s = scorePaint(areas, zone, plusSpill);
        EXPECT_DOUBLE_EQ(s.dice, 1.0) << "painting the spillover zone costs nothing";
        EXPECT_DOUBLE_EQ(s.spilloverPainted, 2.0);
    }
    {
        const std::vector<float> half = {1, 0, 1, 0};
        EXPECT_DOUBLE_EQ(scorePaint(areas, zone, half).dice, 2.0 * 1.0 / (2.0 + 1.0)) << "spillover adds nothing";
    }
    {
        const std::vector<float> plusOutside = {1, 1, 0, 1};
        const auto s = scorePaint(areas, zone, plusOutside);
        EXPECT_DOUBLE_EQ(s.dice, 2.0 * 2.0 / (2.0 + 6.0)) << "the big outside vertex weighs by its area";
        EXPECT_DOUBLE_EQ(s.extraArea(), 4.0);
        EXPECT_DOUBLE_EQ(s.missedArea(), 0.0);
    }
    {
        const std::vector<float> faint = {0.4f, 0.4f, 0, 0};
        EXPECT_DOUBLE_EQ(scorePaint(areas, zone, faint).dice, 0.0) << "below the threshold is not painted";
    }
    const std::vector<glm::vec2> none = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
    const std::vector<float> some = {1, 0, 0, 0};
    EXPECT_DOUBLE_EQ(scorePaint(areas, none, some).dice, 0.0);
}
