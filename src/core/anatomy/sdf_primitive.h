#pragma once
// Signed-distance primitives for the procedural anatomy. Units: millimetres in the model frame
// (+X subject's left, +Y up, +Z anterior). Negative inside, positive outside. Distances are exact or a
// close bound; the mesher only relies on the sign and on values near the surface being near-metric.
#include "core/mesh.h"

#include <glm/glm.hpp>

#include <vector>

namespace ta::core::anatomy {

enum class PrimitiveType {
    Ellipsoid, ///< centre, radii, rotation
    Box,       ///< centre, half extents (radii), rotation, rounding
    Tube,      ///< a polyline through points, radius per point (a swept, tapering capsule)
    Plate,     ///< a convex planar polygon (fan from the first point) thickened by radius per point
    Ribbon,    ///< a strip between two polylines (points interleaved a0 b0 a1 b1 ...), thickened by radius
    HalfSpace, ///< solid on the side the normal (radii) points to, plane through centre; for cuts
};

/// How a primitive combines with what came before it.
enum class CsgOp {
    Union,     ///< smooth union with radius `blend`
    Subtract,  ///< smooth subtraction with radius `blend`
    Intersect, ///< smooth intersection with radius `blend`
    Hollow,    ///< turn everything so far into a shell `thickness` thick (no geometry of its own)
};

struct Primitive {
    PrimitiveType type = PrimitiveType::Ellipsoid;
    CsgOp op = CsgOp::Union;
    float blend = 0.0f;     ///< smoothing radius of the combination, mm
    float thickness = 0.0f; ///< Hollow only, mm
    bool mirrored = false;  ///< also present mirrored in x (evaluated at |x|): for bilateral features
    glm::vec3 centre{0.0f};
    glm::vec3 radii{1.0f};
    float rounding = 0.0f;  ///< Box corner radius, mm
    glm::mat3 rotation{1.0f}; ///< local -> model; local = transpose(rotation) * (p - centre)
    std::vector<glm::vec3> points;
    std::vector<float> pointRadii;

    /// Bounds in the model frame (mirrored primitives include the mirror). Valid after finalize().
    Aabb bounds;

    /// Precompute bounds; call once after filling the fields.
    void finalize();
    /// Signed distance of model-frame point p (mm) to this primitive alone (mirror included).
    float distance(const glm::vec3& p) const;

private:
    float distanceOne(const glm::vec3& p) const;
};

/// Lower bound of the distance from p to the box b (0 inside).
float boxDistance(const glm::vec3& p, const Aabb& b);
float smoothMin(float a, float b, float k);
float smoothMax(float a, float b, float k);

} // namespace ta::core::anatomy
