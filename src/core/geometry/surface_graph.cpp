#include "core/geometry/surface_graph.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace ta::core {
namespace {

std::uint32_t findRoot(std::vector<std::uint32_t>& parent, std::uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]]; // path halving
        x = parent[x];
    }
    return x;
}

/// Counting sort into compressed rows: row r lists the `value`s of the pairs whose key is r.
void buildRows(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
               std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& list)
{
    start.assign(rows + 1, 0);
    for (const auto& [key, value] : pairs)
        ++start[key + 1];
    for (std::size_t r = 0; r < rows; ++r)
        start[r + 1] += start[r];
    list.resize(pairs.size());
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (const auto& [key, value] : pairs)
        list[fill[key]++] = value;
}

} // namespace

SurfaceGraph::SurfaceGraph(const Mesh& mesh, float weldTolerance)
{
    const std::size_t n = mesh.positions.size();
    m_nodeOf.assign(n, 0);
    // Weld: sort the vertices by their grid cell, equal cells become one node. Sorting (not hashing) keeps the
    // node order the same on every platform.
    const float cell = weldTolerance > 0.0f ? weldTolerance : 1e-6f;
    using Key = std::tuple<std::int64_t, std::int64_t, std::int64_t>;
    std::vector<std::pair<Key, std::uint32_t>> keyed(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        const glm::vec3& p = mesh.positions[v];
        keyed[v] = {Key{std::llround(p.x / cell), std::llround(p.y / cell), std::llround(p.z / cell)}, v};
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> nodeVertex;
    nodeVertex.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || keyed[i].first != keyed[i - 1].first)
            m_positions.push_back(mesh.positions[keyed[i].second]);
        const auto node = static_cast<std::uint32_t>(m_positions.size() - 1);
        m_nodeOf[keyed[i].second] = node;
        nodeVertex.emplace_back(node, keyed[i].second);
    }
    const std::size_t nodes = m_positions.size();
    buildRows(nodes, nodeVertex, m_vertexStart, m_vertexList);

    std::vector<std::uint32_t> parent(nodes);
    std::iota(parent.begin(), parent.end(), 0u);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> nodeTriangle;
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
        if (a >= n || b >= n || c >= n)
            continue;
        const std::array<std::uint32_t, 3> t{m_nodeOf[a], m_nodeOf[b], m_nodeOf[c]};
        if (t[0] == t[1] || t[1] == t[2] || t[0] == t[2])
            continue; // collapsed by the weld (a pole of a UV sphere), or degenerate to begin with
        const auto index = static_cast<std::uint32_t>(m_triangles.size());
        m_triangles.push_back(t);
        for (std::uint32_t k : t)
            nodeTriangle.emplace_back(k, index);
        const std::uint32_t r0 = findRoot(parent, t[0]);
        for (int k = 1; k < 3; ++k) {
            const std::uint32_t rk = findRoot(parent, t[static_cast<std::size_t>(k)]);
            if (rk != r0)
                parent[rk] = r0;
        }
    }
    buildRows(nodes, nodeTriangle, m_triangleStart, m_triangleList);
    m_normals.assign(nodes, glm::vec3(0.0f));
    for (const auto& t : m_triangles) {
        const glm::vec3 n = glm::cross(m_positions[t[1]] - m_positions[t[0]], m_positions[t[2]] - m_positions[t[0]]);
        for (std::uint32_t k : t)
            m_normals[k] += n;
    }
    for (glm::vec3& n : m_normals) {
        const float len = glm::length(n);
        n = len > 0.0f ? n / len : glm::vec3(0.0f);
    }

    m_component.assign(nodes, 0);
    std::vector<std::uint32_t> label(nodes, UINT32_MAX);
    for (std::uint32_t v = 0; v < nodes; ++v) {
        const std::uint32_t r = findRoot(parent, v);
        if (label[r] == UINT32_MAX)
            label[r] = static_cast<std::uint32_t>(m_componentCount++);
        m_component[v] = label[r];
    }
}

std::span<const std::uint32_t> SurfaceGraph::vertices(std::uint32_t node) const
{
    return {m_vertexList.data() + m_vertexStart[node], m_vertexStart[node + 1] - m_vertexStart[node]};
}

std::span<const std::uint32_t> SurfaceGraph::trianglesAround(std::uint32_t node) const
{
    return {m_triangleList.data() + m_triangleStart[node], m_triangleStart[node + 1] - m_triangleStart[node]};
}

} // namespace ta::core
