#pragma once
// A region shape laid on a surface: how far, over the surface, each vertex lies from the shape's core, in
// the shape's own normalised metric (1 = its boundary; an ellipsoid's semi-axes and a capsule's radius keep
// their meaning, so a zone keeps its designed extent and anisotropy). The front starts on each connected
// piece of surface at the vertex nearest the shape's centre (a capsule: nearest each of a row of points along
// its axis), provided that vertex lies inside the shape (a shape whose centre lies inside the body on
// purpose, ResolvedShape::inside, starts from every vertex inside it that faces away from the centre), and
// grows only along the surface: a zone on the temple stops at the ear's rim instead of reaching through to
// the back of the ear, the way a Euclidean volume would. Model frame, metres. Never throws beyond std::bad_alloc.
#include "core/geometry/geodesic_march.h"
#include "core/geometry/surface_graph.h"
#include "core/mesh.h"
#include "core/referral/region_shape.h"

#include <cstdint>
#include <vector>

namespace ta::core {

class SurfaceZone {
public:
    /// Builds the welded surface graph of `mesh`; keeps no reference to it.
    explicit SurfaceZone(const Mesh& mesh);
    SurfaceZone(const SurfaceZone&) = delete;
    SurfaceZone& operator=(const SurfaceZone&) = delete;

    const SurfaceGraph& graph() const { return m_graph; }

    /// Nodes of graph() whose normalised distance from `shape`'s core is below `bound` (1 = the boundary;
    /// more reaches beyond it, e.g. for a halo), with that distance; replaces `out`'s contents. The distance
    /// is the greater of the one over the surface and the straight one: a zone follows the surface (no
    /// reaching through an ear) and never extends past the shape. In no particular order.
    void distances(const ResolvedShape& shape, float bound, std::vector<GeodesicReach>& out);

    /// The seeds distances() starts from for `shape` (exposed for tests).
    std::vector<GeodesicSeed> seeds(const ResolvedShape& shape, float bound) const;

private:
    SurfaceGraph m_graph;
    std::vector<std::uint32_t> m_byY; ///< nodes sorted by height: a shape visits only its slab
    GeodesicMarch m_march;
};

/// The metric of a shape: model-frame vectors times this are in units of its size (ellipsoid: 1 / radii per
/// axis; capsule: 1 / radius).
glm::vec3 shapeScale(const ResolvedShape& shape);

} // namespace ta::core
