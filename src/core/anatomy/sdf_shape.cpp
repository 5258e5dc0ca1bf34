#include "core/anatomy/sdf_shape.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ta::core::anatomy {

namespace {
/// Beyond this (mm, plus the blend) a union primitive's box distance stands in for its distance. Large
/// enough that the stand-in never reaches a smooth union taken near a surface (the skin's clearance).
constexpr float kFarMargin = 16.0f;
} // namespace

SdfShape::SdfShape(std::vector<Primitive> primitives) : m_primitives(std::move(primitives))
{
    for (auto& prim : m_primitives) {
        prim.finalize();
        m_maxBlend = std::max(m_maxBlend, prim.blend);
        if (prim.op == CsgOp::Union)
            m_bounds.expand(prim.bounds);
    }
}

float SdfShape::distance(const glm::vec3& p, bool solid) const
{
    constexpr float kInf = std::numeric_limits<float>::max();
    float d = kInf;
    for (const auto& prim : m_primitives) {
        switch (prim.op) {
        case CsgOp::Union: {
            const float lb = boxDistance(p, prim.bounds);
            if (d != kInf && lb >= d + prim.blend)
                break; // cannot change the smooth minimum
            // The stand-in is only safe where no later smooth union can reach it.
            if (lb > m_maxBlend + kFarMargin) {
                d = std::min(d, lb); // far away: a lower bound with the right sign is enough
                break;
            }
            const float b = prim.distance(p);
            d = d == kInf ? b : smoothMin(d, b, prim.blend);
            break;
        }
        case CsgOp::Subtract: {
            const float lb = boxDistance(p, prim.bounds);
            if (d + lb >= prim.blend)
                break; // the smooth maximum returns d unchanged
            d = smoothMax(d, -prim.distance(p), prim.blend);
            break;
        }
        case CsgOp::Intersect:
            d = smoothMax(d, prim.distance(p), prim.blend);
            break;
        case CsgOp::Hollow:
            if (!solid)
                d = std::max(d, -(d + prim.thickness));
            break;
        }
    }
    return d;
}

} // namespace ta::core::anatomy
