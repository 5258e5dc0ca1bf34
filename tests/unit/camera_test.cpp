// Orbit camera maths: presets, projection round trips, zoom toward the cursor, framing (also into a strip
// of the view), smooth motion.
#include "core/error.h"
#include "core/orbit_camera.h"
#include "core/view_preset.h"

#include <gtest/gtest.h>

#include <glm/glm.hpp>

#include <algorithm>

using namespace ta::core;

namespace {

OrbitCamera makeCamera()
{
    OrbitCamera cam;
    cam.setViewport(1600, 1000);
    cam.setSceneRadius(0.5f);
    cam.setPose({glm::vec3(0.0f, 1.5f, 0.0f), 0.0f, 0.0f, 2.0f});
    return cam;
}

} // namespace

TEST(CameraPresets, EachPresetPutsTheEyeOnItsSide)
{
    OrbitCamera cam = makeCamera();
    const glm::vec3 target(0.0f, 1.5f, 0.0f);

    cam.applyPreset(ViewPreset::Anterior, true);
    EXPECT_GT((cam.eye() - target).z, 1.9f); // in front of the subject: +Z
    cam.applyPreset(ViewPreset::Posterior, true);
    EXPECT_LT((cam.eye() - target).z, -1.9f);
    cam.applyPreset(ViewPreset::Left, true);
    EXPECT_GT((cam.eye() - target).x, 1.9f); // subject's left is +X
    cam.applyPreset(ViewPreset::Right, true);
    EXPECT_LT((cam.eye() - target).x, -1.9f);
    cam.applyPreset(ViewPreset::Superior, true);
    EXPECT_GT((cam.eye() - target).y, 1.9f);
}

TEST(CameraPresets, AnteriorShowsSubjectsLeftOnScreenRightAndHeadUp)
{
    OrbitCamera cam = makeCamera();
    cam.applyPreset(ViewPreset::Anterior, true);
    const auto leftShoulder = cam.project({0.2f, 1.4f, 0.0f});
    const auto rightShoulder = cam.project({-0.2f, 1.4f, 0.0f});
    const auto head = cam.project({0.0f, 1.7f, 0.0f});
    ASSERT_TRUE(leftShoulder && rightShoulder && head);
    EXPECT_GT(leftShoulder->x, rightShoulder->x);
    EXPECT_LT(head->y, leftShoulder->y); // pixel y grows downward

    cam.applyPreset(ViewPreset::Posterior, true);
    EXPECT_LT(cam.project({0.2f, 1.4f, 0.0f})->x, cam.project({-0.2f, 1.4f, 0.0f})->x);

    cam.applyPreset(ViewPreset::Left, true); // standing at the subject's left: the face (+Z) is on screen left
    EXPECT_LT(cam.project({0.0f, 1.5f, 0.1f})->x, cam.project({0.0f, 1.5f, -0.1f})->x);

    cam.applyPreset(ViewPreset::Superior, true); // from above, face toward the top of the screen
    EXPECT_LT(cam.project({0.0f, 1.5f, 0.1f})->y, cam.project({0.0f, 1.5f, -0.1f})->y);
}

TEST(CameraPresets, ParseSuggestsTheClosestName)
{
    EXPECT_EQ(parseViewPreset("left"), ViewPreset::Left);
    try {
        parseViewPreset("posteror");
        FAIL() << "no exception";
    } catch (const ta::ArgumentError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("'posteror'"), std::string::npos) << m;
        EXPECT_NE(m.find("did you mean 'posterior'"), std::string::npos) << m;
    }
    try {
        parseViewPreset("banana");
        FAIL() << "no exception";
    } catch (const ta::ArgumentError& e) {
        EXPECT_EQ(std::string(e.what()).find("did you mean"), std::string::npos) << e.what();
    }
}

TEST(CameraProjection, ProjectUnprojectRoundTrip)
{
    OrbitCamera cam = makeCamera();
    cam.setPose({glm::vec3(0.1f, 1.4f, -0.05f), 0.7f, 0.3f, 1.3f});
    for (const glm::vec3 p : {glm::vec3(0.0f, 1.5f, 0.0f), glm::vec3(0.2f, 1.3f, 0.1f), glm::vec3(-0.15f, 1.6f, -0.2f)}) {
        const auto s = cam.project(p);
        ASSERT_TRUE(s);
        EXPECT_GT(s->z, 0.0f);
        EXPECT_LT(s->z, 1.0f);
        const glm::vec3 back = cam.unproject(*s);
        EXPECT_NEAR(glm::distance(back, p), 0.0f, 1e-4f);
    }
}

TEST(CameraProjection, TargetProjectsToViewportCentreAndRayHitsIt)
{
    OrbitCamera cam = makeCamera();
    cam.setPose({glm::vec3(0.05f, 1.45f, 0.02f), -1.1f, -0.4f, 1.7f});
    const auto c = cam.project(cam.pose().target);
    ASSERT_TRUE(c);
    EXPECT_NEAR(c->x, 800.0f, 1e-2f);
    EXPECT_NEAR(c->y, 500.0f, 1e-2f);

    const PixelRay ray = cam.rayFromPixel({800.0f, 500.0f});
    EXPECT_NEAR(glm::distance(ray.origin, cam.eye()), 0.0f, 1e-5f);
    EXPECT_NEAR(glm::dot(ray.direction, glm::normalize(cam.pose().target - cam.eye())), 1.0f, 1e-5f);

    // A ray through an off-centre pixel passes through the point that projects there.
    const glm::vec3 p(0.15f, 1.3f, 0.1f);
    const auto s = cam.project(p);
    const PixelRay r2 = cam.rayFromPixel({s->x, s->y});
    const glm::vec3 toP = p - r2.origin;
    EXPECT_NEAR(glm::length(glm::cross(toP, r2.direction)), 0.0f, 1e-4f);
}

TEST(CameraProjection, PointBehindTheEyeDoesNotProject)
{
    OrbitCamera cam = makeCamera();
    EXPECT_FALSE(cam.project(cam.eye() - 1.0f * cam.forward()).has_value());
}

TEST(CameraZoom, ZoomTowardCursorKeepsThePointUnderTheCursor)
{
    OrbitCamera cam = makeCamera();
    cam.setPose({glm::vec3(0.0f, 1.5f, 0.0f), 0.4f, 0.2f, 2.0f});
    const glm::vec2 cursor(1200.0f, 250.0f);
    const float depth = cam.project(cam.pose().target)->z;
    const glm::vec3 under = cam.unproject({cursor.x, cursor.y, depth});

    cam.zoomToward(cursor, 0.5f);
    cam.snap();
    EXPECT_NEAR(cam.pose().distance, 1.0f, 1e-4f);
    const auto after = cam.project(under);
    ASSERT_TRUE(after);
    EXPECT_NEAR(after->x, cursor.x, 0.05f);
    EXPECT_NEAR(after->y, cursor.y, 0.05f);
    // The target moved toward the cursor, so zooming at the corner is not a plain dolly.
    EXPECT_GT(glm::distance(cam.pose().target, glm::vec3(0.0f, 1.5f, 0.0f)), 0.05f);
}

TEST(CameraZoom, ZoomTowardAnAnchorKeepsTheAnchorPixel)
{
    OrbitCamera cam = makeCamera();
    const glm::vec3 anchor(0.12f, 1.62f, 0.08f); // e.g. a picked surface point off the focal plane
    const glm::vec3 before = *cam.project(anchor);
    cam.zoomToward({before.x, before.y}, 0.7f, anchor);
    cam.snap();
    const glm::vec3 after = *cam.project(anchor);
    EXPECT_NEAR(after.x, before.x, 0.05f);
    EXPECT_NEAR(after.y, before.y, 0.05f);
}

TEST(CameraMotion, SmoothMotionReachesTheGoalWithoutOvershoot)
{
    OrbitCamera cam = makeCamera();
    cam.applyPreset(ViewPreset::Left);
    EXPECT_NEAR(cam.pose().yaw, 0.0f, 1e-6f); // not yet moved
    float previous = cam.pose().yaw;
    int steps = 0;
    while (cam.update(1.0f / 60.0f) && steps < 600) {
        EXPECT_GE(cam.pose().yaw, previous - 1e-6f);                  // monotonic
        EXPECT_LE(cam.pose().yaw, cam.goal().yaw + 1e-5f);            // no overshoot
        previous = cam.pose().yaw;
        ++steps;
    }
    EXPECT_LT(steps, 120); // settles within two seconds at 60 Hz
    EXPECT_NEAR(cam.pose().yaw, cam.goal().yaw, 1e-4f);
    EXPECT_GT((cam.eye() - cam.pose().target).x, 1.9f);
}

TEST(CameraMotion, PresetTakesTheShortWayRound)
{
    OrbitCamera cam = makeCamera();
    cam.setPose({glm::vec3(0.0f), 3.0f, 0.0f, 2.0f}); // near posterior (pi)
    cam.applyPreset(ViewPreset::Right);               // -pi/2 == 3pi/2
    EXPECT_NEAR(cam.goal().yaw, 1.5f * 3.14159265f, 1e-4f);
}

TEST(CameraFrame, FramedBoxFitsInsideTheViewport)
{
    OrbitCamera cam = makeCamera();
    Aabb box;
    box.expand(glm::vec3(-0.3f, 1.2f, -0.15f));
    box.expand(glm::vec3(0.3f, 1.8f, 0.15f));
    cam.frame(box, true);
    EXPECT_NEAR(glm::distance(cam.pose().target, box.centre()), 0.0f, 1e-6f);
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y,
                               i & 4 ? box.max.z : box.min.z};
        const auto s = cam.project(corner);
        ASSERT_TRUE(s);
        EXPECT_GE(s->x, 0.0f);
        EXPECT_LE(s->x, 1600.0f);
        EXPECT_GE(s->y, 0.0f);
        EXPECT_LE(s->y, 1000.0f);
        EXPECT_GT(s->z, 0.0f);
        EXPECT_LT(s->z, 1.0f);
    }
}

TEST(CameraPan, PanMovesTheTargetAlongTheScreen)
{
    OrbitCamera cam = makeCamera();
    const glm::vec3 p(0.0f, 1.5f, 0.0f);
    const glm::vec3 before = *cam.project(p);
    cam.pan(100.0f, 40.0f);
    cam.snap();
    const glm::vec3 after = *cam.project(p);
    EXPECT_NEAR(after.x - before.x, 100.0f, 0.1f); // the point follows the drag
    EXPECT_NEAR(after.y - before.y, 40.0f, 0.1f);
}

TEST(CameraFrame, FramingIntoAStripKeepsEveryCornerInsideIt)
{
    // A deep box seen from the side, framed into the right 45% of the view (the left is left for text):
    // the near corners, which an off-centre view spreads most, must stay inside the strip too.
    OrbitCamera cam = makeCamera();
    cam.applyPreset(ViewPreset::Left, true);
    Aabb box;
    box.expand(glm::vec3(-0.2f, 1.3f, -0.25f));
    box.expand(glm::vec3(0.2f, 1.7f, 0.25f));
    const ScreenStrip strip{0.55f, 1.0f};
    cam.frameInto(box, strip, true);
    float lowest = 1e9f, highest = -1e9f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y,
                               i & 4 ? box.max.z : box.min.z};
        const auto s = cam.project(corner);
        ASSERT_TRUE(s);
        lowest = std::min(lowest, s->x);
        highest = std::max(highest, s->x);
        EXPECT_GE(s->y, 0.0f);
        EXPECT_LE(s->y, 1000.0f);
    }
    EXPECT_GE(lowest, 0.55f * 1600.0f);
    EXPECT_LE(highest, 1600.0f);
    // Tight: the box spans most of the strip, not a corner of it.
    EXPECT_GT(highest - lowest, 0.7f * 0.45f * 1600.0f);
    const auto centre = cam.project(box.centre());
    ASSERT_TRUE(centre);
    EXPECT_NEAR(centre->x, 0.775f * 1600.0f, 1.0f);
}
