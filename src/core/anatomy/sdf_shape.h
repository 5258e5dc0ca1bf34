#pragma once
// A structure's shape: an ordered list of signed-distance primitives, each combined with what came before
// (smooth union, subtraction, intersection, hollowing). Millimetres, model frame.
#include "core/anatomy/sdf_primitive.h"
#include "core/mesh.h"

#include <vector>

namespace ta::core::anatomy {

class SdfShape {
public:
    SdfShape() = default;
    explicit SdfShape(std::vector<Primitive> primitives);

    /// Signed distance (mm) at model-frame point p (mm). Far from the surface the value is only a lower
    /// bound of the true distance (primitives whose boxes are far away are not evaluated); its sign is right.
    float distance(const glm::vec3& p) const { return distance(p, false); }
    /// With `solid`, hollowing is skipped: the distance to the outer surface, negative anywhere inside it
    /// (what a muscle lying on a hollow skull needs).
    float distance(const glm::vec3& p, bool solid) const;
    /// Bounds of the solid (union primitives only), mm.
    const Aabb& bounds() const { return m_bounds; }
    const std::vector<Primitive>& primitives() const { return m_primitives; }

private:
    std::vector<Primitive> m_primitives;
    Aabb m_bounds;
    float m_maxBlend = 0.0f;
};

} // namespace ta::core::anatomy
