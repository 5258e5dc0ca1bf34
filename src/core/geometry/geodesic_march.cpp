#include "core/geometry/geodesic_march.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace ta::core {
namespace {

constexpr float kUnreached = std::numeric_limits<float>::infinity();

} // namespace

GeodesicMarch::GeodesicMarch(const SurfaceGraph& graph)
    : m_graph(&graph), m_distance(graph.nodeCount(), kUnreached), m_length(graph.nodeCount(), 0.0f),
      m_seed(graph.nodeCount(), 0), m_done(graph.nodeCount(), 0)
{}

float GeodesicMarch::unfold(std::uint32_t u, std::uint32_t o, std::uint32_t w, const glm::vec3& scale) const
{
    // Lay the triangle flat: u at the origin, o on the +x axis, w above it (y > 0). The virtual source lies
    // below the axis, at length g_u from u and g_o from o.
    const glm::vec3 pu = m_graph->position(u) * scale;
    const glm::vec3 e = m_graph->position(o) * scale - pu;
    const glm::vec3 f = m_graph->position(w) * scale - pu;
    const float len = glm::length(e);
    if (len <= 0.0f)
        return -1.0f;
    const glm::vec3 axis = e / len;
    const float xw = glm::dot(f, axis);
    const float yw = glm::length(f - xw * axis);
    if (yw <= 1e-6f * len)
        return -1.0f;
    const float gu = m_length[u], go = m_length[o];
    const float xs = (gu * gu - go * go + len * len) / (2.0f * len);
    const float ys2 = gu * gu - xs * xs;
    if (ys2 < 0.0f)
        return -1.0f; // the lengths break the triangle inequality: no single source explains them
    const float ys = -std::sqrt(ys2);
    // Where the line from the source to w crosses the axis: it must cross inside the edge.
    const float cross = xs + (xw - xs) * (-ys) / (yw - ys);
    const float slack = 1e-4f * len;
    if (cross < -slack || cross > len + slack)
        return -1.0f;
    return std::hypot(xw - xs, yw - ys);
}

void GeodesicMarch::run(std::span<const GeodesicSeed> seeds, const glm::vec3& scale, float bound,
                        std::vector<GeodesicReach>& out)
{
    out.clear();
    for (std::uint32_t v : m_touched) {
        m_distance[v] = kUnreached;
        m_done[v] = 0;
    }
    m_touched.clear();
    m_heap.clear();
    const auto greater = std::greater<>{};
    auto offer = [&](std::uint32_t v, float distance, float length, std::uint32_t seed) {
        if (!(distance < m_distance[v]) || !(distance < bound))
            return;
        if (m_distance[v] == kUnreached)
            m_touched.push_back(v);
        m_distance[v] = distance;
        m_length[v] = length;
        m_seed[v] = seed;
        m_heap.emplace_back(distance, v);
        std::push_heap(m_heap.begin(), m_heap.end(), greater);
    };
    for (std::uint32_t s = 0; s < seeds.size(); ++s)
        if (seeds[s].node < m_graph->nodeCount())
            offer(seeds[s].node, std::max(seeds[s].height, 0.0f), 0.0f, s);

    while (!m_heap.empty()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), greater);
        const auto [d, u] = m_heap.back();
        m_heap.pop_back();
        if (m_done[u] || d > m_distance[u])
            continue; // a stale entry
        m_done[u] = 1;
        out.push_back({u, d});
        const std::uint32_t seed = m_seed[u];
        const float h = std::max(seeds[seed].height, 0.0f);
        for (std::uint32_t t : m_graph->trianglesAround(u)) {
            const auto& tri = m_graph->triangle(t);
            const int k = tri[0] == u ? 0 : tri[1] == u ? 1 : 2;
            const std::uint32_t x = tri[static_cast<std::size_t>((k + 1) % 3)];
            const std::uint32_t y = tri[static_cast<std::size_t>((k + 2) % 3)];
            for (const auto& [w, o] : {std::pair{x, y}, std::pair{y, x}}) {
                if (m_done[w])
                    continue;
                float g = m_length[u] + glm::length((m_graph->position(w) - m_graph->position(u)) * scale);
                if (m_done[o] && m_seed[o] == seed) {
                    const float straight = unfold(u, o, w, scale);
                    if (straight >= 0.0f)
                        g = std::min(g, std::max(straight, std::max(m_length[u], m_length[o])));
                }
                offer(w, std::sqrt(h * h + g * g), g, seed);
            }
        }
    }
}

} // namespace ta::core
