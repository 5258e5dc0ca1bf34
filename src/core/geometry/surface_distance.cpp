#include "core/geometry/surface_distance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ta::core {

namespace {

/// splitmix64: tiny, fully specified generator, so samples are identical on every platform.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    std::uint64_t m_state;
};

} // namespace

std::vector<glm::vec3> sampleSurface(const Mesh& mesh, std::size_t count, std::uint64_t seed)
{
    const std::size_t n = mesh.triangleCount();
    std::vector<double> cumulative(n);
    double total = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        const glm::dvec3 a = mesh.positions[mesh.indices[3 * t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[3 * t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[3 * t + 2]];
        total += 0.5 * glm::length(glm::cross(b - a, c - a));
        cumulative[t] = total;
    }
    std::vector<glm::vec3> points;
    if (!(total > 0.0))
        return points;
    points.reserve(count);
    SplitMix64 rng(seed);
    for (std::size_t i = 0; i < count; ++i) {
        const double pick = rng.uniform() * total;
        auto it = std::upper_bound(cumulative.begin(), cumulative.end(), pick);
        const std::size_t t = std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), n - 1);
        const glm::dvec3 a = mesh.positions[mesh.indices[3 * t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[3 * t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[3 * t + 2]];
        // Uniform point in a triangle: square-root warp of two uniforms.
        const double s = std::sqrt(rng.uniform());
        const double r = rng.uniform();
        points.emplace_back(a * (1.0 - s) + b * (s * (1.0 - r)) + c * (s * r));
    }
    return points;
}

double quantileSorted(const std::vector<double>& sorted, double q)
{
    if (sorted.empty())
        return 0.0;
    const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double f = pos - static_cast<double>(lo);
    return sorted[lo] * (1.0 - f) + sorted[hi] * f;
}

DistanceStats summarizeDistances(std::vector<double>& distances)
{
    DistanceStats s;
    s.samples = distances.size();
    if (distances.empty())
        return s;
    std::sort(distances.begin(), distances.end());
    s.mean = std::accumulate(distances.begin(), distances.end(), 0.0) / static_cast<double>(distances.size());
    s.median = quantileSorted(distances, 0.5);
    s.p90 = quantileSorted(distances, 0.9);
    s.max = distances.back();
    return s;
}

std::vector<double> distancesTo(const std::vector<glm::vec3>& points, const ClosestPointTree& target)
{
    std::vector<double> out;
    out.reserve(points.size());
    for (const auto& p : points)
        if (const auto hit = target.closest(p))
            out.push_back(hit->distance);
    return out;
}

SurfaceComparison compareSurfaces(const Mesh& a, const ClosestPointTree& treeA, const Mesh& b,
                                  const ClosestPointTree& treeB, std::size_t samplesPerSide, std::uint64_t seed)
{
    SurfaceComparison r;
    auto ab = distancesTo(sampleSurface(a, samplesPerSide, seed), treeB);
    auto ba = distancesTo(sampleSurface(b, samplesPerSide, seed ^ 0xA5A5A5A55A5A5A5Aull), treeA);
    r.aToB = summarizeDistances(ab);
    r.bToA = summarizeDistances(ba);
    return r;
}

SurfaceComparison compareSurfaces(const Mesh& a, const Mesh& b, std::size_t samplesPerSide, std::uint64_t seed)
{
    const ClosestPointTree ta(a), tb(b);
    return compareSurfaces(a, ta, b, tb, samplesPerSide, seed);
}

} // namespace ta::core
