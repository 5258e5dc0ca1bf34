#pragma once
// Shapes that define referral regions in the model frame: ellipsoids and capsules whose size and proportions
// say how far a zone reaches from its core. On a mesh a zone is laid along the surface (core/referral/
// surface_zone.h measures the distance from the core over the surface in the shape's normalised metric);
// weights fall smoothly to zero at distance 1 so that painted zones have soft edges on any mesh (skin,
// skull, an imported model). normalisedDistance() is the straight-line measure, for volumes inside the body.
#include "core/mesh.h"
#include "core/referral/anchor.h"

#include <glm/glm.hpp>

namespace ta::core {

enum class ShapeKind : std::uint8_t { Ellipsoid, Capsule };

/// A shape as written in the data: positions are anchors (landmark-relative), sizes in metres.
struct ShapeDef {
    ShapeKind kind = ShapeKind::Ellipsoid;
    Anchor a;                 ///< ellipsoid centre, or capsule start
    Anchor b;                 ///< capsule end (unused for ellipsoids)
    glm::vec3 radii{0.02f};   ///< ellipsoid semi-axes along model X, Y, Z; a capsule uses radii.x
    bool snapToSurface = true; ///< move the anchors onto the skin (false: keep them where defined, e.g. on bone)
};

/// A shape placed in the model frame for one side.
struct ResolvedShape {
    ShapeKind kind = ShapeKind::Ellipsoid;
    glm::vec3 a{0.0f};
    glm::vec3 b{0.0f};
    glm::vec3 radii{0.02f};
    /// The centre was written inside the body on purpose ("snap": false: the middle of the wrist, the orbit)
    /// rather than on the skin: on a surface the zone starts from every point inside the shape that faces
    /// away from the centre (a band round the wrist), not from the one nearest it.
    bool inside = false;

    /// Normalised distance: 0 at the centre (or axis), 1 on the boundary, > 1 outside.
    float normalisedDistance(const glm::vec3& p) const;
    /// Soft membership in [0,1]: 1 well inside, falling smoothly to 0 at the boundary. `feather` is the
    /// width of the soft band as a fraction of the size (0 = hard edge).
    float weight(const glm::vec3& p, float feather) const;
    Aabb bounds() const;
};

/// The soft edge: 1 up to `1 - feather`, falling smoothly (smoothstep) to 0 at normalised distance 1.
float softFalloff(float normalisedDistance, float feather);

} // namespace ta::core
