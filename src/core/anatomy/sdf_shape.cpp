#include "core/anatomy/sdf_shape.h"

#include <cmath>
#include <limits>

namespace ta::core::anatomy {

namespace {
/// Beyond this (mm) a union primitive's box distance stands in for its distance.
constexpr float kFarMargin = 8.0f;
} // namespace

SdfShape::SdfShape(std::vector<Primitive> primitives) : m_primitives(std::move(primitives))
{
    for (auto& prim : m_primitives) {
        prim.finalize();
        if (prim.op == CsgOp::Union)
            m_bounds.expand(prim.bounds);
    }
}

float SdfShape::distance(const glm::vec3& p) const
{
    constexpr float kInf = std::numeric_limits<float>::max();
    float d = kInf;
    for (const auto& prim : m_primitives) {
        switch (prim.op) {
        case CsgOp::Union: {
            const float lb = boxDistance(p, prim.bounds);
            if (d != kInf && lb >= d + prim.blend)
                break; // cannot change the smooth minimum
            if (lb > prim.blend + kFarMargin) {
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
            d = std::max(d, -(d + prim.thickness));
            break;
        }
    }
    return d;
}

} // namespace ta::core::anatomy
