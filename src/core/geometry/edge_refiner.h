#pragma once
// Splitting long edges of a triangle mesh so that per-vertex data (referral weights on the skin) has
// enough vertices to follow a zone's soft edge. The surface stays where it is: new vertices are edge
// midpoints, so the shape, the area and a closed mesh's closedness are unchanged.
#include "core/mesh.h"

namespace ta::core {

/// Splits every edge longer than `maxEdge` (model units) at its midpoint, repeatedly, until none is
/// longer (at most `maxPasses` rounds). A triangle with one, two or three split edges becomes two, three
/// or four triangles with the same winding. Normals and fibres of new vertices are the normalised means of
/// their edge's ends, occlusion and across the plain means. Deterministic: the same mesh gives the same result. Returns the number of new vertices.
std::size_t refineLongEdges(Mesh& mesh, float maxEdge, int maxPasses = 12);

/// The same, splitting only edges with both ends inside `within` (a part meshed finer than the rest, such as
/// the face): the edges that leave the box keep their length, and the mesh stays closed.
std::size_t refineLongEdges(Mesh& mesh, float maxEdge, const Aabb& within, int maxPasses = 12);

} // namespace ta::core
