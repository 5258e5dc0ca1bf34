#pragma once
// Turns a signed-distance field into a closed, outward-wound triangle mesh by marching tetrahedra over a
// regular grid (each cube split into six tetrahedra around its main diagonal). Vertices are keyed by grid
// edge, so the result is watertight and 2-manifold wherever the field is positive on the grid's border.
// Deterministic: the grid is sampled in parallel into disjoint slices, then meshed in one fixed order.
#include "core/mesh.h"

#include <functional>

namespace ta::core::anatomy {

using DistanceField = std::function<float(const glm::vec3&)>;

struct MeshingOptions {
    float voxel = 1.2f;  ///< grid spacing, same unit as the field
    int threads = 2;     ///< sampling threads; the result does not depend on it
};

/// Mesh the zero set of `field` inside `bounds` (padded by two voxels). Positions and normals are in the
/// field's unit; normals come from the field's gradient. Returns an empty mesh when nothing is inside.
Mesh meshField(const DistanceField& field, const Aabb& bounds, const MeshingOptions& options);

} // namespace ta::core::anatomy
