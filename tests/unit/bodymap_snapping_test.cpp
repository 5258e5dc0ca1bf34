// Tag snapping: nearest documented trigger point on the same muscle, within the radius.
#include "core/bodymap/tag_snapping.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace {

using namespace ta::core;

const std::vector<TriggerPointCandidate> kCandidates{
    {"trapezius-1-left", "trapezius-descending-left", {0.08f, 1.50f, -0.02f}},
    {"trapezius-2-left", "trapezius-descending-left", {0.11f, 1.47f, -0.04f}},
    {"trapezius-3-left", "trapezius-ascending-left", {0.06f, 1.30f, -0.10f}},
    {"levator-scapulae-1-left", "levator-scapulae-left", {0.06f, 1.51f, -0.04f}},
    {"trapezius-1-right", "trapezius-descending-right", {-0.08f, 1.50f, -0.02f}},
    {"scm-sternal-1-left", "sternocleidomastoid-sternal-left", {0.04f, 1.55f, 0.03f}},
};

TEST(BodymapSnapping, MuscleOfGroupsPartsButKeepsSides)
{
    EXPECT_EQ(muscleOf("trapezius-descending-left"), "trapezius-left");
    EXPECT_EQ(muscleOf("trapezius-ascending-right"), "trapezius-right");
    EXPECT_EQ(muscleOf("sternocleidomastoid-clavicular-left"), "sternocleidomastoid-left");
    EXPECT_EQ(muscleOf("levator-scapulae-left"), "levator-scapulae-left");
    EXPECT_EQ(muscleOf("rectus-capitis-posterior-major-left"), "rectus-capitis-posterior-major-left");
    EXPECT_EQ(muscleOf("skull"), "skull");
    EXPECT_EQ(muscleOf("trapezoid"), "trapezoid"); // a prefix is not a muscle name
}

TEST(BodymapSnapping, NearestOnSameMuscleWithinRadius)
{
    // 1 cm from trapezius-1-left, and closer still to levator scapulae's point, which is another muscle.
    const glm::vec3 tag{0.07f, 1.50f, -0.02f};
    auto snap = snapToTriggerPoint("trapezius-descending-left", tag, kCandidates);
    ASSERT_TRUE(snap);
    EXPECT_EQ(snap->triggerPoint, "trapezius-1-left");
    EXPECT_NEAR(snap->distance, 0.01f, 1e-5f);

    // Same place, tagged on levator scapulae: snaps to its own point.
    snap = snapToTriggerPoint("levator-scapulae-left", tag, kCandidates);
    ASSERT_TRUE(snap);
    EXPECT_EQ(snap->triggerPoint, "levator-scapulae-1-left");

    // A tag on the transverse part may snap to a point on the descending part of the same trapezius.
    snap = snapToTriggerPoint("trapezius-transverse-left", {0.10f, 1.47f, -0.04f}, kCandidates);
    ASSERT_TRUE(snap);
    EXPECT_EQ(snap->triggerPoint, "trapezius-2-left");
}

TEST(BodymapSnapping, NothingBeyondRadiusOrOnOtherSide)
{
    // 5 cm away from everything on the left trapezius.
    EXPECT_FALSE(snapToTriggerPoint("trapezius-descending-left", {0.08f, 1.55f, 0.03f}, kCandidates));
    // The mirror position on the right side snaps to the right point only.
    auto snap = snapToTriggerPoint("trapezius-descending-right", {-0.07f, 1.50f, -0.02f}, kCandidates);
    ASSERT_TRUE(snap);
    EXPECT_EQ(snap->triggerPoint, "trapezius-1-right");
    // A muscle without documented points.
    EXPECT_FALSE(snapToTriggerPoint("rhomboid-major-left", {0.06f, 1.51f, -0.04f}, kCandidates));
    // Custom radius.
    EXPECT_TRUE(snapToTriggerPoint("trapezius-descending-left", {0.08f, 1.55f, 0.03f}, kCandidates, 0.08f));
    // Odd input.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    EXPECT_FALSE(snapToTriggerPoint("trapezius-descending-left", {nan, 1.5f, 0.0f}, kCandidates));
    EXPECT_FALSE(snapToTriggerPoint("trapezius-descending-left", {0.08f, 1.50f, -0.02f}, {}));
}

} // namespace
