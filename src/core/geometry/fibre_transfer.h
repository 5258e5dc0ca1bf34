#pragma once
// Muscle-fibre directions carried from one surface of a muscle to another: an imported muscle (a
// BodyParts3D mesh, say) takes the fibres, the across-the-sheet coordinate and the tendon share of our
// generated muscle, whose fibres and tendons come from the specification, at the nearest point of our surface.
#include "core/mesh.h"

namespace ta::core {

struct FibreTransferStats {
    std::size_t vertices = 0;   ///< vertices of the target that were given a fibre
    float worstDistance = 0.0f; ///< farthest any target vertex lay from the source surface (metres)
};

/// Gives every vertex of `to` a unit fibre direction and an `across` value taken from `from` (which must
/// carry both, per vertex; its `tendon` too when it has one) at the nearest point of its surface: interpolated over
/// that triangle, then the fibre projected onto `to`'s own tangent plane there (so it lies in the target's surface) and
/// normalised. `to` must have normals (Mesh::computeNormals); where the source fibre stands along the target's normal,
/// the nearest tangent to it is used. Leaves `to` untouched and returns zero vertices when `from` has no
/// triangles or no fibres, or `to` has no normals.
FibreTransferStats transferFibres(const Mesh& from, Mesh& to);

} // namespace ta::core
