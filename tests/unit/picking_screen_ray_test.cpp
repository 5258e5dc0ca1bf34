// Pixel to ray, and framing distance: a ray through a pixel must pass through the point that projects there.
#include "core/picking/screen_ray.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace ta::core;

TEST(PickingScreenRay, RayThroughPixelPassesThroughProjectedPoint)
{
    const glm::vec3 eye{0.3f, 1.6f, 0.9f};
    const glm::mat4 view = glm::lookAt(eye, glm::vec3(0.0f, 1.5f, 0.0f), glm::vec3(0, 1, 0));
    const glm::mat4 proj = glm::perspective(glm::radians(35.0f), 1.6f, 0.05f, 10.0f);
    const glm::vec2 size{1600, 1000};
    for (const glm::vec3 p : {glm::vec3(0.0f, 1.5f, 0.0f), glm::vec3(0.07f, 1.62f, 0.05f), glm::vec3(-0.1f, 1.4f, -0.1f)}) {
        const glm::vec4 clip = proj * view * glm::vec4(p, 1.0f);
        const glm::vec3 ndc = glm::vec3(clip) / clip.w;
        const glm::vec2 pixel{(ndc.x + 1.0f) * 0.5f * size.x, (1.0f - ndc.y) * 0.5f * size.y};
        const auto ray = rayFromScreen(view, proj, pixel, size);
        ASSERT_TRUE(ray);
        EXPECT_NEAR(glm::length(ray->direction), 1.0f, 1e-5f);
        // Distance from p to the ray's line.
        const glm::vec3 op = p - ray->origin;
        const float along = glm::dot(op, ray->direction);
        EXPECT_GT(along, 0.0f);
        EXPECT_LT(glm::length(op - along * ray->direction), 1e-4f);
        // Origin on the near plane, i.e. about 5 cm in front of the eye.
        EXPECT_NEAR(glm::dot(ray->origin - eye, glm::normalize(glm::vec3(0.0f, 1.5f, 0.0f) - eye)), 0.05f, 1e-3f);
    }
    // The centre pixel looks straight at the target.
    const auto centre = rayFromScreen(view, proj, size * 0.5f, size);
    ASSERT_TRUE(centre);
    EXPECT_GT(glm::dot(centre->direction, glm::normalize(glm::vec3(0.0f, 1.5f, 0.0f) - eye)), 0.99999f);
}

TEST(PickingScreenRay, BadInputGivesNothing)
{
    const glm::mat4 view(1.0f);
    const glm::mat4 proj = glm::perspective(glm::radians(35.0f), 1.6f, 0.05f, 10.0f);
    EXPECT_FALSE(rayFromScreen(view, proj, {10, 10}, {0, 100}));
    EXPECT_FALSE(rayFromScreen(glm::mat4(0.0f), proj, {10, 10}, {100, 100}));
}

TEST(PickingScreenRay, FramingDistanceFitsTheBoundingSphere)
{
    Aabb box;
    box.expand(glm::vec3(-0.1f, 1.4f, -0.1f));
    box.expand(glm::vec3(0.1f, 1.6f, 0.1f));
    const float fov = glm::radians(40.0f);
    const float d = framingDistance(box, fov, 1.6f, 1.0f);
    const float radius = 0.5f * glm::length(box.size());
    EXPECT_NEAR(radius / d, std::sin(fov / 2), 1e-5f); // the sphere touches the top and bottom of the view
    // A tall narrow window is limited by its width instead.
    EXPECT_GT(framingDistance(box, fov, 0.5f, 1.0f), d);
    EXPECT_NEAR(framingDistance(box, fov, 1.6f, 1.2f), 1.2f * d, 1e-5f);
    EXPECT_FLOAT_EQ(framingDistance(Aabb{}, fov, 1.6f), 1.0f);
}

} // namespace
