#pragma once
// Distances over a surface from a few seed points, up to a bound: a Dijkstra front over the welded mesh
// (SurfaceGraph) whose steps across a triangle unfold it into the plane and measure the straight line from
// a virtual source (exact on a flat mesh whatever its triangulation, first-order accurate on a curved one),
// falling back to the edge where the straight line would leave the triangle. Distances are measured in a
// scaled metric: an edge vector e (model frame, metres) has length |e * scale|, so scale = 1 / radii measures
// in units of an ellipsoid's semi-axes. Fronts never jump across gaps: a node reached only through space (the
// far side of an ear, another piece of the mesh) is not reached. Never throws beyond std::bad_alloc.
#include "core/geometry/surface_graph.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace ta::core {

/// Where a front starts: a node, and how far (in the scaled metric) the source lies off the surface there.
/// The distance of a node reached over the surface at length g from this seed is sqrt(height^2 + g^2): the
/// straight distance from a source `height` above a flat surface.
struct GeodesicSeed {
    std::uint32_t node = 0;
    float height = 0.0f;
};

struct GeodesicReach {
    std::uint32_t node = 0;
    float distance = 0.0f; ///< scaled metric, < the bound
};

class GeodesicMarch {
public:
    /// Keeps a reference to `graph` (must outlive this); scratch space for one node each.
    explicit GeodesicMarch(const SurfaceGraph& graph);

    /// The nodes within `bound` of the seeds (each node its least distance over all seeds), in the order the
    /// front reached them (nondecreasing distance), replacing `out`'s contents. Seeds out of range are skipped.
    void run(std::span<const GeodesicSeed> seeds, const glm::vec3& scale, float bound, std::vector<GeodesicReach>& out);

private:
    /// Length over the surface at node `w` through triangle (u, o, w) from the virtual source that gives u and
    /// o their lengths; negative when the straight line would not cross edge u-o.
    float unfold(std::uint32_t u, std::uint32_t o, std::uint32_t w, const glm::vec3& scale) const;

    const SurfaceGraph* m_graph;
    std::vector<float> m_distance;     ///< per node, scaled metric; +inf until reached
    std::vector<float> m_length;       ///< per node, over the surface from its seed
    std::vector<std::uint32_t> m_seed; ///< per node, index of the seed whose front reached it
    std::vector<std::uint8_t> m_done;
    std::vector<std::uint32_t> m_touched;
    std::vector<std::pair<float, std::uint32_t>> m_heap;
};

} // namespace ta::core
