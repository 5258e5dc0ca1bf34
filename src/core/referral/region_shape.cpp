#include "core/referral/region_shape.h"

#include <algorithm>

namespace ta::core {

float ResolvedShape::normalisedDistance(const glm::vec3& p) const
{
    if (kind == ShapeKind::Ellipsoid)
        return glm::length((p - a) / radii);
    const glm::vec3 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::length(p - (a + t * ab)) / radii.x;
}

float ResolvedShape::weight(const glm::vec3& p, float feather) const { return softFalloff(normalisedDistance(p), feather); }

float softFalloff(float d, float feather)
{
    if (!(d < 1.0f))
        return 0.0f;
    const float inner = 1.0f - std::clamp(feather, 0.0f, 1.0f);
    if (d <= inner)
        return 1.0f;
    const float x = (d - inner) / (1.0f - inner); // 0 at the inner edge, 1 at the boundary
    return 1.0f - x * x * (3.0f - 2.0f * x);
}

Aabb ResolvedShape::bounds() const
{
    Aabb box;
    if (kind == ShapeKind::Ellipsoid) {
        box.expand(a - radii);
        box.expand(a + radii);
    } else {
        const glm::vec3 r(radii.x);
        box.expand(glm::min(a, b) - r);
        box.expand(glm::max(a, b) + r);
    }
    return box;
}

} // namespace ta::core
