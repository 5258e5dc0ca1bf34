#pragma once
// Surface-to-surface distance between two triangle meshes, measured by sampling points uniformly by area
// on one surface and taking the exact closest-point distance to the other. Used for the fidelity report
// (our procedural structures against reference anatomy). Distances are in the meshes' unit (metres in the
// model frame); callers convert for display.
#include "core/geometry/closest_point_tree.h"
#include "core/mesh.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace ta::core {

/// `count` points uniformly distributed by area over the mesh's triangles, reproducible for a given seed
/// (own generator and mapping, so the same seed gives the same points on every platform).
/// Empty when the mesh has no area.
std::vector<glm::vec3> sampleSurface(const Mesh& mesh, std::size_t count, std::uint64_t seed);

/// Order statistics of a set of distances. All zero when there are no samples.
struct DistanceStats {
    std::size_t samples = 0;
    double mean = 0.0;
    double median = 0.0;
    double p90 = 0.0; ///< 90th percentile (linear interpolation between order statistics)
    double max = 0.0;
};

/// Summarises `distances` (reordered in place).
DistanceStats summarizeDistances(std::vector<double>& distances);
/// The q-quantile (0..1) of sorted values, linearly interpolated; 0 for an empty list.
double quantileSorted(const std::vector<double>& sorted, double q);

/// Distance from each of `points` to the surface in `target`.
std::vector<double> distancesTo(const std::vector<glm::vec3>& points, const ClosestPointTree& target);

/// Both one-sided distances between surfaces A and B.
struct SurfaceComparison {
    DistanceStats aToB; ///< sampled on A, measured to B
    DistanceStats bToA; ///< sampled on B, measured to A
};

/// Samples `samplesPerSide` points on each surface (seeds derived from `seed`) and measures each way.
/// Empty meshes give zero-sample stats.
SurfaceComparison compareSurfaces(const Mesh& a, const Mesh& b, std::size_t samplesPerSide, std::uint64_t seed);
/// As above with trees the caller already built (reuse them when one mesh is compared several times).
SurfaceComparison compareSurfaces(const Mesh& a, const ClosestPointTree& treeA, const Mesh& b,
                                  const ClosestPointTree& treeB, std::size_t samplesPerSide, std::uint64_t seed);

} // namespace ta::core
