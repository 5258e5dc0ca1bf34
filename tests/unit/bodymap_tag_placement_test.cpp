// Placing tags by clicking: muscles only, snapped to documented trigger points, end to end with the BVH.
#include "core/bodymap/tag_placement.h"

#include <gtest/gtest.h>

namespace {

using namespace ta::core;

Mesh square(float z, float cx, float h = 0.05f)
{
    Mesh m;
    m.positions = {{cx - h, 1.5f - h, z}, {cx + h, 1.5f - h, z}, {cx + h, 1.5f + h, z}, {cx - h, 1.5f + h, z}};
    m.indices = {0, 1, 2, 0, 2, 3};
    return m;
}

TEST(BodymapTagPlacement, ClickOnMuscleMakesSnappedTag)
{
    AnatomyModel m;
    m.structures.push_back({.id = "trapezius-descending-left", .layer = Layer::Superficial, .kind = Kind::Muscle,
                            .mesh = square(-0.05f, 0.08f)});
    m.structures.push_back({.id = "scapula-left", .layer = Layer::Bone, .kind = Kind::Bone, .mesh = square(-0.1f, 0.08f)});
    const Bvh bvh(m);
    const std::vector<TriggerPointCandidate> tps{{"trapezius.upper.trp1-left", "trapezius-descending-left", {0.09f, 1.5f, -0.05f}}};

    // Click on the muscle 1 cm from the documented point: the tag names both.
    auto hit = bvh.raycast({{0.08f, 1.5f, 1.0f}, {0, 0, -1}}, PickFilter::all(2));
    ASSERT_TRUE(hit);
    auto tag = tagAt(m, *hit, tps);
    ASSERT_TRUE(tag);
    EXPECT_EQ(tag->structure, "trapezius-descending-left");
    EXPECT_EQ(tag->triggerPoint, std::optional<std::string>("trapezius.upper.trp1-left"));
    EXPECT_NEAR(tag->position.z, -0.05f, 1e-6f);

    // Far corner of the muscle, 5.6 cm away: a tag on the muscle, no documented point.
    hit = bvh.raycast({{0.04f, 1.46f, 1.0f}, {0, 0, -1}}, PickFilter::all(2));
    ASSERT_TRUE(hit);
    tag = tagAt(m, *hit, tps);
    ASSERT_TRUE(tag);
    EXPECT_FALSE(tag->triggerPoint.has_value());

    // Moving it near the point snaps it.
    hit = bvh.raycast({{0.095f, 1.505f, 1.0f}, {0, 0, -1}}, PickFilter::all(2));
    ASSERT_TRUE(hit);
    EXPECT_TRUE(moveTag(*tag, m, *hit, tps));
    EXPECT_EQ(tag->triggerPoint, std::optional<std::string>("trapezius.upper.trp1-left"));

    // Bone takes no tag.
    PickFilter boneOnly;
    boneOnly.set(StructureId{1}, true);
    hit = bvh.raycast({{0.08f, 1.5f, 1.0f}, {0, 0, -1}}, boneOnly);
    ASSERT_TRUE(hit);
    EXPECT_FALSE(tagAt(m, *hit, tps));
    const std::string before = tag->structure;
    EXPECT_FALSE(moveTag(*tag, m, *hit, tps));
    EXPECT_EQ(tag->structure, before); // a refused move changes nothing

    // A hit on a structure the model does not have.
    PickHit bogus;
    bogus.structure = StructureId{42};
    EXPECT_FALSE(tagAt(m, bogus, tps));
}

} // namespace
