#include "core/picking/screen_ray.h"

#include <algorithm>
#include <cmath>

namespace ta::core {

std::optional<Ray> rayFromScreen(const glm::mat4& view, const glm::mat4& projection, const glm::vec2& pixel,
                                 const glm::vec2& viewportSize)
{
    if (!(viewportSize.x > 0.0f) || !(viewportSize.y > 0.0f))
        return std::nullopt;
    const glm::mat4 viewProj = projection * view;
    const float det = glm::determinant(viewProj);
    if (!std::isfinite(det) || std::abs(det) < 1e-30f)
        return std::nullopt;
    const glm::mat4 inv = glm::inverse(viewProj);
    const float x = 2.0f * pixel.x / viewportSize.x - 1.0f;
    const float y = 1.0f - 2.0f * pixel.y / viewportSize.y;
    glm::vec4 nearP = inv * glm::vec4(x, y, -1.0f, 1.0f);
    glm::vec4 farP = inv * glm::vec4(x, y, 1.0f, 1.0f);
    if (std::abs(nearP.w) < 1e-30f || std::abs(farP.w) < 1e-30f)
        return std::nullopt;
    const glm::vec3 a = glm::vec3(nearP) / nearP.w;
    const glm::vec3 b = glm::vec3(farP) / farP.w;
    const glm::vec3 d = b - a;
    if (!(glm::length(d) > 0.0f) || !std::isfinite(d.x) || !std::isfinite(d.y) || !std::isfinite(d.z))
        return std::nullopt;
    return Ray{a, glm::normalize(d)};
}

float framingDistance(const Aabb& box, float fovY, float aspect, float margin)
{
    if (!box.valid())
        return 1.0f;
    const float radius = std::max(0.5f * glm::length(box.size()), 0.01f);
    const float fovX = 2.0f * std::atan(std::tan(0.5f * fovY) * std::max(aspect, 1e-3f));
    const float halfFov = 0.5f * std::min(fovY, fovX);
    return margin * radius / std::sin(std::max(halfFov, 1e-3f));
}

} // namespace ta::core
