#include "core/geometry/closest_point_tree.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace ta::core {

namespace {

constexpr std::uint32_t kLeafSize = 4;

float boxDistanceSquared(const glm::vec3& p, const glm::vec3& lo, const glm::vec3& hi)
{
    const glm::vec3 d = glm::max(glm::max(lo - p, p - hi), glm::vec3(0.0f));
    return glm::dot(d, d);
}

} // namespace

glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    // Voronoi-region walk (Ericson, Real-Time Collision Detection, 5.1.5).
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f)
        return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3)
        return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f)
        return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6)
        return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f)
        return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = va + vb + vc;
    if (!(denom > 0.0f)) // degenerate (zero-area) triangle: fall back to the nearest of its edges
    {
        auto seg = [&](const glm::vec3& s, const glm::vec3& e) {
            const glm::vec3 d = e - s;
            const float len2 = glm::dot(d, d);
            const float t = len2 > 0.0f ? std::clamp(glm::dot(p - s, d) / len2, 0.0f, 1.0f) : 0.0f;
            return s + d * t;
        };
        glm::vec3 best = seg(a, b);
        for (const glm::vec3& q : {seg(b, c), seg(c, a)})
            if (glm::dot(q - p, q - p) < glm::dot(best - p, best - p))
                best = q;
        return best;
    }
    const float v = vb / denom, w = vc / denom;
    return a + ab * v + ac * w;
}

ClosestPointTree::ClosestPointTree(const Mesh& mesh)
{
    const std::size_t n = mesh.triangleCount();
    std::vector<Triangle> tris;
    tris.reserve(n);
    std::vector<glm::vec3> centroids;
    centroids.reserve(n);
    for (std::size_t t = 0; t < n; ++t) {
        const auto& a = mesh.positions[mesh.indices[3 * t]];
        const auto& b = mesh.positions[mesh.indices[3 * t + 1]];
        const auto& c = mesh.positions[mesh.indices[3 * t + 2]];
        tris.push_back({a, b, c, static_cast<std::uint32_t>(t)});
        centroids.push_back((a + b + c) / 3.0f);
    }
    if (n == 0)
        return;
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    m_triangles = std::move(tris);
    m_nodes.reserve(2 * n / kLeafSize + 2);
    build(0, static_cast<std::uint32_t>(n), order, centroids);
    // Store triangles in leaf order so that a leaf's triangles are contiguous.
    std::vector<Triangle> sorted(n);
    for (std::size_t i = 0; i < n; ++i)
        sorted[i] = m_triangles[order[i]];
    m_triangles = std::move(sorted);
}

// Appends the subtree over order[first, first + count) to m_nodes in depth-first order.
void ClosestPointTree::build(std::uint32_t first, std::uint32_t count, std::vector<std::uint32_t>& order,
                             const std::vector<glm::vec3>& centroids)
{
    const auto self = static_cast<std::uint32_t>(m_nodes.size());
    m_nodes.emplace_back();
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
    glm::vec3 clo = lo, chi = hi;
    for (std::uint32_t i = first; i < first + count; ++i) {
        const auto& t = m_triangles[order[i]];
        lo = glm::min(lo, glm::min(t.a, glm::min(t.b, t.c)));
        hi = glm::max(hi, glm::max(t.a, glm::max(t.b, t.c)));
        clo = glm::min(clo, centroids[order[i]]);
        chi = glm::max(chi, centroids[order[i]]);
    }
    m_nodes[self].min = lo;
    m_nodes[self].max = hi;
    if (count <= kLeafSize) {
        m_nodes[self].first = first;
        m_nodes[self].count = count;
        return;
    }
    // Median split along the widest axis of the centroids: balanced, good enough for nearest queries.
    const glm::vec3 ext = chi - clo;
    const int axis = ext.x >= ext.y && ext.x >= ext.z ? 0 : (ext.y >= ext.z ? 1 : 2);
    const std::uint32_t half = count / 2;
    std::nth_element(order.begin() + first, order.begin() + first + half, order.begin() + first + count,
                     [&](std::uint32_t l, std::uint32_t r) { return centroids[l][axis] < centroids[r][axis]; });
    build(first, half, order, centroids);
    const auto right = static_cast<std::uint32_t>(m_nodes.size());
    build(first + half, count - half, order, centroids);
    m_nodes[self].first = right;
    m_nodes[self].count = 0;
}

std::optional<ClosestPointHit> ClosestPointTree::closest(const glm::vec3& query) const
{
    return closestWithin(query, std::numeric_limits<float>::infinity());
}

std::optional<ClosestPointHit> ClosestPointTree::closestWithin(const glm::vec3& query, float maxDistance) const
{
    if (m_nodes.empty())
        return std::nullopt;
    float best2 = maxDistance * maxDistance;
    std::optional<ClosestPointHit> hit;
    // Depth is ~log2(n / kLeafSize) for a median split; 64 entries is plenty.
    std::uint32_t stack[64];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = m_nodes[stack[--top]];
        if (boxDistanceSquared(query, node.min, node.max) > best2)
            continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
                const auto& t = m_triangles[i];
                const glm::vec3 q = closestPointOnTriangle(query, t.a, t.b, t.c);
                const glm::vec3 d = q - query;
                const float d2 = glm::dot(d, d);
                if (d2 <= best2) {
                    best2 = d2;
                    hit = ClosestPointHit{q, 0.0f, t.index};
                }
            }
            continue;
        }
        const std::uint32_t leftIdx = static_cast<std::uint32_t>(&node - m_nodes.data()) + 1;
        const std::uint32_t rightIdx = node.first;
        const Node& l = m_nodes[leftIdx];
        const Node& r = m_nodes[rightIdx];
        const float dl = boxDistanceSquared(query, l.min, l.max);
        const float dr = boxDistanceSquared(query, r.min, r.max);
        if (top + 2 > 64) // cannot happen for a median-split tree over < 2^60 triangles; stay safe anyway
            return hit;
        // Push the farther child first so the nearer one is searched first.
        if (dl <= dr) {
            if (dr <= best2) stack[top++] = rightIdx;
            if (dl <= best2) stack[top++] = leftIdx;
        } else {
            if (dl <= best2) stack[top++] = leftIdx;
            if (dr <= best2) stack[top++] = rightIdx;
        }
    }
    if (hit)
        hit->distance = glm::length(hit->point - query);
    return hit;
}

} // namespace ta::core
