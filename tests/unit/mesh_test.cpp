#include "core/anatomy_model.h"
#include "core/mesh.h"

#include <gtest/gtest.h>

namespace {

ta::core::Mesh unitRightTriangle()
{
    ta::core::Mesh m;
    m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    m.indices = {0, 1, 2};
    return m;
}

TEST(Mesh, NormalsFollowCounterClockwiseWinding)
{
    auto m = unitRightTriangle();
    m.computeNormals();
    ASSERT_EQ(m.normals.size(), 3u);
    EXPECT_NEAR(m.normals[0].z, 1.0f, 1e-6f);
}

TEST(Mesh, AreaAndBounds)
{
    auto m = unitRightTriangle();
    EXPECT_NEAR(m.area(), 0.5, 1e-9);
    const auto b = m.bounds();
    EXPECT_EQ(b.max, glm::vec3(1, 1, 0));
    EXPECT_EQ(b.min, glm::vec3(0, 0, 0));
}

TEST(AnatomyModel, EnumNamesRoundTrip)
{
    for (auto l : ta::core::kAllLayers)
        EXPECT_EQ(ta::core::layerFromString(ta::core::toString(l)), l);
    EXPECT_FALSE(ta::core::sideFromString("middle").has_value());
    EXPECT_EQ(ta::core::kindFromString("tendon"), ta::core::Kind::Tendon);
}

TEST(AnatomyModel, FindByIdAndMissing)
{
    ta::core::AnatomyModel model;
    model.structures.push_back({.id = "skull"});
    model.structures.push_back({.id = "c1"});
    ASSERT_TRUE(model.find("c1").has_value());
    EXPECT_EQ(model.find("c1")->value, 1u);
    EXPECT_FALSE(model.find("c9").has_value());
    EXPECT_EQ(model.get(model.find("c9")), nullptr);
}

} // namespace
