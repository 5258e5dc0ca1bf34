#include "core/referral/referral_projector.h"

#include "core/referral/surface_zone.h"

#include <algorithm>

namespace ta::core {
namespace {

void maxInto(std::vector<float>& dst, const SparseWeights& w)
{
    for (std::size_t i = 0; i < w.vertices.size(); ++i) {
        float& d = dst[w.vertices[i]];
        d = std::max(d, w.weights[i]);
    }
}

} // namespace

ReferralProjector::ReferralProjector(const ReferralAtlas& atlas, const Mesh& mesh) : m_atlas(&atlas)
{
    const std::size_t n = mesh.positions.size();
    m_vertexAreas.assign(n, 0.0f);
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
        if (a >= n || b >= n || c >= n)
            continue;
        const float area = 0.5f * glm::length(glm::cross(mesh.positions[b] - mesh.positions[a],
                                                         mesh.positions[c] - mesh.positions[a]));
        m_vertexAreas[a] += area / 3.0f;
        m_vertexAreas[b] += area / 3.0f;
        m_vertexAreas[c] += area / 3.0f;
    }
    m_vertexSides.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        const float x = mesh.positions[v].x;
        m_vertexSides[v] = static_cast<std::int8_t>(x > kMidline ? 1 : x < -kMidline ? -1 : 0);
    }

    // Each shape is laid along the surface from its core (SurfaceZone); a region's weight at a vertex is the
    // greatest of its shapes'. `dense` holds one region at a time, `touched` the vertices it set.
    SurfaceZone zone(mesh);
    const SurfaceGraph& graph = zone.graph();
    std::vector<float> dense(n, 0.0f);
    std::vector<std::uint32_t> touched;
    std::vector<GeodesicReach> reached;
    const auto& regions = atlas.regions();
    m_regions.resize(regions.size());
    for (std::size_t r = 0; r < regions.size(); ++r) {
        const RegionInstance& reg = regions[r];
        for (const ResolvedShape& shape : reg.shapes) {
            zone.distances(shape, 1.0f, reached);
            for (const GeodesicReach& g : reached) {
                const float w = softFalloff(g.distance, reg.feather);
                if (w <= 0.0f)
                    continue;
                for (std::uint32_t v : graph.vertices(g.node)) {
                    if (dense[v] == 0.0f)
                        touched.push_back(v);
                    dense[v] = std::max(dense[v], w);
                }
            }
        }
        std::sort(touched.begin(), touched.end());
        SparseWeights& out = m_regions[r];
        out.vertices = touched;
        out.weights.reserve(touched.size());
        for (std::uint32_t v : touched) {
            out.weights.push_back(dense[v]);
            dense[v] = 0.0f;
        }
        touched.clear();
    }
}

const SparseWeights& ReferralProjector::region(std::size_t regionIndex) const
{
    static const SparseWeights kNone;
    return regionIndex < m_regions.size() ? m_regions[regionIndex] : kNone;
}

std::vector<float> ReferralProjector::regionMap(std::size_t regionIndex) const
{
    std::vector<float> dense(vertexCount(), 0.0f);
    maxInto(dense, region(regionIndex));
    return dense;
}

ReferralMap ReferralProjector::map(std::size_t triggerPoint) const
{
    ReferralMap m;
    mapInto(triggerPoint, m);
    return m;
}

void ReferralProjector::mapInto(std::size_t triggerPoint, ReferralMap& out) const
{
    // The regions of a zone are joined softly, 1 - (1 - a)(1 - b)..., not by the larger weight: inside one
    // region nothing changes, but where two neighbours' soft edges meet their weights add up, so the zone is
    // one shape with a smooth waist between them rather than overlapping discs with notches where they meet.
    out.essential.assign(vertexCount(), 1.0f); // what is left uncovered, until the end
    out.spillover.assign(vertexCount(), 1.0f);
    if (triggerPoint < m_atlas->triggerPoints().size()) {
        const auto& t = m_atlas->triggerPoints()[triggerPoint];
        const auto join = [](std::vector<float>& rest, const SparseWeights& w, float shade) {
            for (std::size_t i = 0; i < w.vertices.size(); ++i)
                rest[w.vertices[i]] *= 1.0f - std::clamp(shade * w.weights[i], 0.0f, 1.0f);
        };
        for (std::uint32_t r : t.essential)
            join(out.essential, m_regions[r], 1.0f);
        for (std::size_t k = 0; k < t.spillover.size(); ++k) // a zone felt only occasionally is drawn lighter
            join(out.spillover, m_regions[t.spillover[k]], k < t.spilloverShade.size() ? t.spilloverShade[k] : 1.0f);
    }
    for (float& v : out.essential)
        v = 1.0f - v;
    for (float& v : out.spillover)
        v = 1.0f - v;
}

double ReferralProjector::regionArea(std::size_t regionIndex) const
{
    const SparseWeights& w = region(regionIndex);
    double a = 0.0;
    for (std::size_t i = 0; i < w.vertices.size(); ++i)
        a += static_cast<double>(w.weights[i]) * m_vertexAreas[w.vertices[i]];
    return a;
}

} // namespace ta::core
