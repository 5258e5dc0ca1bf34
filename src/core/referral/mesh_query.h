#pragma once
// Closest-point queries on triangle meshes (model frame, metres). Brute force over triangles: used at
// load time to snap a few dozen trigger points, never per frame.
#include "core/geometry/closest_point_tree.h" // closestPointOnTriangle
#include "core/mesh.h"

#include <glm/glm.hpp>

namespace ta::core {

struct ClosestPoint {
    glm::vec3 point{0.0f};
    float distance = -1.0f; ///< < 0 when the mesh has no triangles
};

/// Closest point to `p` on the surface of `mesh`.
ClosestPoint closestPointOnMesh(const Mesh& mesh, const glm::vec3& p);

} // namespace ta::core
