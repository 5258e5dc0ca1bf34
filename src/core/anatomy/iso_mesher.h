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
    /// Optional finer spacing inside `refineBox` (when refineVoxel > 0 and smaller than voxel): the grid is
    /// rectilinear, each axis taking the fine step over the box's extent on that axis and the coarse step
    /// elsewhere, so the box itself is meshed at refineVoxel and the slabs through it are fine along one or
    /// two axes. Cells stay conforming, so the mesh is as closed as on a regular grid.
    float refineVoxel = 0.0f;
    Aabb refineBox;
};

/// Mesh the zero set of `field` inside `bounds` (padded by two voxels). Positions and normals are in the
/// field's unit; normals come from the field's gradient. Returns an empty mesh when nothing is inside.
Mesh meshField(const DistanceField& field, const Aabb& bounds, const MeshingOptions& options);

} // namespace ta::core::anatomy
