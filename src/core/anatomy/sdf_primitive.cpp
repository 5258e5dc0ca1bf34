#include "core/anatomy/sdf_primitive.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace ta::core::anatomy {

namespace {

float dot2(const glm::vec3& v) { return glm::dot(v, v); }

/// Inigo Quilez's ellipsoid bound: exact on the surface, close nearby.
float ellipsoid(const glm::vec3& p, const glm::vec3& r)
{
    const float k0 = glm::length(p / r);
    const float k1 = glm::length(p / (r * r));
    if (k1 <= 0.0f)
        return -std::min(r.x, std::min(r.y, r.z));
    const float d = k0 * (k0 - 1.0f) / k1;
    if (d <= 0.0f)
        return d;
    // Far from a flat ellipsoid the approximation can fall below the distance to its bounding box (a
    // true lower bound), which would make box culling inconsistent: never return less than that.
    const glm::vec3 q = glm::max(glm::abs(p) - r, glm::vec3(0.0f));
    return std::max(d, glm::length(q));
}

float roundBox(const glm::vec3& p, const glm::vec3& half, float rounding)
{
    const glm::vec3 q = glm::abs(p) - (half - glm::vec3(rounding));
    return glm::length(glm::max(q, glm::vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - rounding;
}

/// Capsule with linearly varying radius (not exact for strong taper, close enough for the mesher).
float taperedSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float ra, float rb)
{
    const glm::vec3 ab = b - a;
    const float len2 = dot2(ab);
    const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::length(p - (a + t * ab)) - (ra + t * (rb - ra));
}

/// Unsigned distance to a triangle (Quilez).
float triangleDistance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    const glm::vec3 ba = b - a, pa = p - a, cb = c - b, pb = p - b, ac = a - c, pc = p - c;
    const glm::vec3 nor = glm::cross(ba, ac);
    const float sgn = glm::sign(glm::dot(glm::cross(ba, nor), pa)) + glm::sign(glm::dot(glm::cross(cb, nor), pb)) +
                      glm::sign(glm::dot(glm::cross(ac, nor), pc));
    float d2;
    if (sgn < 2.0f) {
        d2 = std::min({dot2(ba * std::clamp(glm::dot(ba, pa) / dot2(ba), 0.0f, 1.0f) - pa),
                       dot2(cb * std::clamp(glm::dot(cb, pb) / dot2(cb), 0.0f, 1.0f) - pb),
                       dot2(ac * std::clamp(glm::dot(ac, pc) / dot2(ac), 0.0f, 1.0f) - pc)});
    } else {
        d2 = glm::dot(nor, pa) * glm::dot(nor, pa) / dot2(nor);
    }
    return std::sqrt(d2);
}

/// Barycentric weights of the projection of p onto triangle abc, clamped into the triangle.
glm::vec3 clampedBarycentric(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    const glm::vec3 v0 = b - a, v1 = c - a, v2 = p - a;
    const float d00 = glm::dot(v0, v0), d01 = glm::dot(v0, v1), d11 = glm::dot(v1, v1);
    const float d20 = glm::dot(v2, v0), d21 = glm::dot(v2, v1);
    const float den = d00 * d11 - d01 * d01;
    if (std::abs(den) < 1e-12f)
        return {1.0f, 0.0f, 0.0f};
    float v = (d11 * d20 - d01 * d21) / den;
    float w = (d00 * d21 - d01 * d20) / den;
    v = std::clamp(v, 0.0f, 1.0f);
    w = std::clamp(w, 0.0f, 1.0f - v);
    return {1.0f - v - w, v, w};
}

} // namespace

float smoothMin(float a, float b, float k)
{
    if (k <= 0.0f)
        return std::min(a, b);
    const float h = std::max(k - std::abs(a - b), 0.0f) / k;
    return std::min(a, b) - h * h * k * 0.25f;
}

float smoothMax(float a, float b, float k) { return -smoothMin(-a, -b, k); }

float boxDistance(const glm::vec3& p, const Aabb& b)
{
    const glm::vec3 q = glm::max(glm::max(b.min - p, p - b.max), glm::vec3(0.0f));
    return glm::length(q);
}

void Primitive::finalize()
{
    Aabb box;
    switch (type) {
    case PrimitiveType::Ellipsoid:
    case PrimitiveType::Box: {
        // Bound of a rotated box of half extents radii.
        const glm::mat3 absR{glm::abs(rotation[0]), glm::abs(rotation[1]), glm::abs(rotation[2])};
        const glm::vec3 ext = absR * radii;
        box.expand(centre - ext);
        box.expand(centre + ext);
        break;
    }
    case PrimitiveType::Tube:
    case PrimitiveType::Plate:
    case PrimitiveType::Ribbon:
        for (std::size_t i = 0; i < points.size(); ++i) {
            const float r = pointRadii[i];
            box.expand(points[i] - glm::vec3(r));
            box.expand(points[i] + glm::vec3(r));
        }
        break;
    case PrimitiveType::HalfSpace: {
        constexpr float kBig = 1.0e5f;
        box.expand(glm::vec3(-kBig));
        box.expand(glm::vec3(kBig));
        break;
    }
    }
    if (mirrored) {
        Aabb m = box;
        m.expand(glm::vec3(-box.min.x, box.min.y, box.min.z));
        m.expand(glm::vec3(-box.max.x, box.max.y, box.max.z));
        box = m;
    }
    bounds = box;
}

float Primitive::distance(const glm::vec3& p) const
{
    if (!mirrored)
        return distanceOne(p);
    return std::min(distanceOne(p), distanceOne(glm::vec3(-p.x, p.y, p.z)));
}

float Primitive::distanceOne(const glm::vec3& p) const
{
    switch (type) {
    case PrimitiveType::Ellipsoid:
        return ellipsoid(glm::transpose(rotation) * (p - centre), radii);
    case PrimitiveType::Box:
        return roundBox(glm::transpose(rotation) * (p - centre), radii, rounding);
    case PrimitiveType::Tube: {
        float d = std::numeric_limits<float>::max();
        for (std::size_t i = 0; i + 1 < points.size(); ++i)
            d = std::min(d, taperedSegment(p, points[i], points[i + 1], pointRadii[i], pointRadii[i + 1]));
        return d;
    }
    case PrimitiveType::Plate: {
        float d = std::numeric_limits<float>::max();
        for (std::size_t i = 1; i + 1 < points.size(); ++i) {
            const glm::vec3& a = points[0];
            const glm::vec3& b = points[i];
            const glm::vec3& c = points[i + 1];
            const glm::vec3 w = clampedBarycentric(p, a, b, c);
            const float r = w.x * pointRadii[0] + w.y * pointRadii[i] + w.z * pointRadii[i + 1];
            d = std::min(d, triangleDistance(p, a, b, c) - r);
        }
        return d;
    }
    case PrimitiveType::Ribbon: {
        float d = std::numeric_limits<float>::max();
        for (std::size_t i = 0; i + 3 < points.size(); i += 2) {
            for (const auto& tri : {std::array<std::size_t, 3>{i, i + 1, i + 2}, std::array<std::size_t, 3>{i + 1, i + 3, i + 2}}) {
                const glm::vec3& a = points[tri[0]];
                const glm::vec3& b = points[tri[1]];
                const glm::vec3& c = points[tri[2]];
                const glm::vec3 w = clampedBarycentric(p, a, b, c);
                const float r = w.x * pointRadii[tri[0]] + w.y * pointRadii[tri[1]] + w.z * pointRadii[tri[2]];
                d = std::min(d, triangleDistance(p, a, b, c) - r);
            }
        }
        return d;
    }
    case PrimitiveType::HalfSpace:
        // Positive on the side the normal (radii) points to: subtracting removes that side.
        return -glm::dot(p - centre, radii);
    }
    return std::numeric_limits<float>::max();
}

} // namespace ta::core::anatomy
