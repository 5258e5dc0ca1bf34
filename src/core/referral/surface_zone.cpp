#include "core/referral/surface_zone.h"

#include <algorithm>
#include <cmath>

namespace ta::core {
namespace {

/// Spacing of the seed points along a capsule's axis, in radii: the boundary's scallops between two
/// points stay under 1 % (sqrt(1 + 0.125^2) - 1).
constexpr float kAxisStep = 0.25f;
constexpr int kMaxAxisPoints = 64;

struct Candidate {
    std::uint64_t key = 0; ///< component << 8 | axis point
    std::uint32_t node = 0;
    float distance = 0.0f; ///< normalised, from the centre or the axis point
    float core = 0.0f;     ///< normalised, from the centre or the whole axis
};

} // namespace

glm::vec3 shapeScale(const ResolvedShape& shape)
{
    const glm::vec3 size = shape.kind == ShapeKind::Ellipsoid ? shape.radii : glm::vec3(shape.radii.x);
    return 1.0f / glm::max(size, glm::vec3(1e-6f));
}

SurfaceZone::SurfaceZone(const Mesh& mesh) : m_graph(mesh), m_march(m_graph)
{
    m_byY.resize(m_graph.nodeCount());
    for (std::uint32_t v = 0; v < m_byY.size(); ++v)
        m_byY[v] = v;
    std::sort(m_byY.begin(), m_byY.end(),
              [&](std::uint32_t a, std::uint32_t b) { return m_graph.position(a).y < m_graph.position(b).y; });
}

std::vector<GeodesicSeed> SurfaceZone::seeds(const ResolvedShape& shape, float bound) const
{
    const glm::vec3 scale = shapeScale(shape);
    const glm::vec3 reach = bound / scale;
    const glm::vec3 lo = glm::min(shape.a, shape.b) - reach, hi = glm::max(shape.a, shape.b) + reach;
    int points = 1;
    if (shape.kind == ShapeKind::Capsule) {
        const float length = glm::length((shape.b - shape.a) * scale);
        points = std::clamp(static_cast<int>(std::ceil(length / kAxisStep)) + 1, 2, kMaxAxisPoints);
    }
    const glm::vec3 ab = shape.b - shape.a;
    const float ab2 = glm::dot(ab, ab);

    std::vector<Candidate> found;
    std::vector<GeodesicSeed> inner;
    auto it = std::lower_bound(m_byY.begin(), m_byY.end(), lo.y,
                               [&](std::uint32_t v, float y) { return m_graph.position(v).y < y; });
    for (; it != m_byY.end() && m_graph.position(*it).y <= hi.y; ++it) {
        const glm::vec3& p = m_graph.position(*it);
        if (p.x < lo.x || p.x > hi.x || p.z < lo.z || p.z > hi.z)
            continue;
        const float core = shape.normalisedDistance(p);
        if (core >= bound)
            continue;
        int k = 0;
        glm::vec3 centre = shape.a;
        if (points > 1) {
            const float t = ab2 > 0.0f ? std::clamp(glm::dot(p - shape.a, ab) / ab2, 0.0f, 1.0f) : 0.0f;
            k = static_cast<int>(std::lround(t * static_cast<float>(points - 1)));
            centre = shape.a + ab * (static_cast<float>(k) / static_cast<float>(points - 1));
        }
        if (shape.inside && glm::dot(m_graph.normal(*it), p - centre) > 0.0f) {
            // A centre inside the body: every point that faces away from it starts the zone, as the volume
            // painted it (the whole band round the wrist), without reaching the far side of a thin part,
            // which faces the centre.
            inner.push_back({*it, core});
            continue;
        }
        const std::uint64_t key =
            (static_cast<std::uint64_t>(m_graph.component(*it)) << 8) | static_cast<std::uint64_t>(k);
        found.push_back({key, *it, glm::length((p - centre) * scale), core});
    }
    // The nearest node per (piece of surface, axis point); ties go to the lower node, for a stable result. Its
    // height is its distance from the core (a capsule's whole axis), so a seed carries its true distance.
    std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
        return x.key != y.key ? x.key < y.key : x.distance != y.distance ? x.distance < y.distance : x.node < y.node;
    });
    std::vector<GeodesicSeed> out = std::move(inner);
    for (std::size_t i = 0; i < found.size(); ++i)
        if (i == 0 || found[i].key != found[i - 1].key)
            out.push_back({found[i].node, found[i].core});
    return out;
}

void SurfaceZone::distances(const ResolvedShape& shape, float bound, std::vector<GeodesicReach>& out)
{
    const std::vector<GeodesicSeed> start = seeds(shape, bound);
    m_march.run(start, shapeScale(shape), bound, out);
    // Never beyond the shape itself: a front started inside it (a seed off the centre, or one of the inside
    // starts) measures as if it moved across the centre's line of sight, which underestimates a step away
    // from the centre, so on its own it would bulge past the boundary (around the eye, onto the nose). The
    // zone is where both the surface and the straight distance put it within the bound.
    std::size_t kept = 0;
    for (const GeodesicReach& r : out) {
        const float d = std::max(r.distance, shape.normalisedDistance(m_graph.position(r.node)));
        if (d < bound)
            out[kept++] = {r.node, d};
    }
    out.resize(kept);
}

} // namespace ta::core
