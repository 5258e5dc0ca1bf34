#include "core/geometry/edge_refiner.h"

#include <glm/geometric.hpp>

#include <array>
#include <unordered_map>

namespace ta::core {
namespace {

std::uint64_t edgeKey(std::uint32_t a, std::uint32_t b)
{
    if (a > b)
        std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

glm::vec3 meanDirection(glm::vec3 a, glm::vec3 b)
{
    if (glm::dot(a, b) < 0.0f)
        b = -b; // fibre directions are lines, not arrows
    const glm::vec3 m = a + b;
    const float len = glm::length(m);
    return len > 1e-12f ? m / len : a;
}

/// One round: returns the number of vertices added. Only edges with both ends in `within` (when given) split.
std::size_t splitOnce(Mesh& mesh, float maxEdge, const Aabb* within)
{
    const float max2 = maxEdge * maxEdge;
    std::unordered_map<std::uint64_t, std::uint32_t> midpoints;
    auto midpointOf = [&](std::uint32_t a, std::uint32_t b) -> std::uint32_t {
        const glm::vec3 d = mesh.positions[a] - mesh.positions[b];
        if (glm::dot(d, d) <= max2)
            return UINT32_MAX;
        if (within && !(within->contains(mesh.positions[a]) && within->contains(mesh.positions[b])))
            return UINT32_MAX;
        const auto [it, added] = midpoints.try_emplace(edgeKey(a, b), static_cast<std::uint32_t>(mesh.positions.size()));
        if (added) {
            mesh.positions.push_back(0.5f * (mesh.positions[a] + mesh.positions[b]));
            if (!mesh.normals.empty())
                mesh.normals.push_back(meanDirection(mesh.normals[a], mesh.normals[b]));
            if (!mesh.fibres.empty())
                mesh.fibres.push_back(meanDirection(mesh.fibres[a], mesh.fibres[b]));
            if (!mesh.occlusion.empty())
                mesh.occlusion.push_back(0.5f * (mesh.occlusion[a] + mesh.occlusion[b]));
            if (!mesh.across.empty())
                mesh.across.push_back(0.5f * (mesh.across[a] + mesh.across[b]));
            if (!mesh.tendon.empty())
                mesh.tendon.push_back(0.5f * (mesh.tendon[a] + mesh.tendon[b]));
        }
        return it->second;
    };

    const std::size_t before = mesh.positions.size();
    std::vector<std::uint32_t> out;
    out.reserve(mesh.indices.size() * 2);
    auto tri = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) { out.insert(out.end(), {a, b, c}); };
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::array<std::uint32_t, 3> v{mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        // m[i] splits the edge from v[i] to v[i+1].
        const std::array<std::uint32_t, 3> m{midpointOf(v[0], v[1]), midpointOf(v[1], v[2]), midpointOf(v[2], v[0])};
        const int splits = (m[0] != UINT32_MAX) + (m[1] != UINT32_MAX) + (m[2] != UINT32_MAX);
        if (splits == 0) {
            tri(v[0], v[1], v[2]);
        } else if (splits == 3) {
            tri(v[0], m[0], m[2]);
            tri(m[0], v[1], m[1]);
            tri(m[2], m[1], v[2]);
            tri(m[0], m[1], m[2]);
        } else if (splits == 1) {
            int i = 0;
            while (m[i] == UINT32_MAX)
                ++i;
            const std::uint32_t a = v[i], b = v[(i + 1) % 3], c = v[(i + 2) % 3];
            tri(a, m[i], c);
            tri(m[i], b, c);
        } else {
            int k = 0; // the edge that is not split: v[k] -> v[k+1]
            while (m[k] != UINT32_MAX)
                ++k;
            const std::uint32_t a = v[k], b = v[(k + 1) % 3], c = v[(k + 2) % 3];
            const std::uint32_t mbc = m[(k + 1) % 3], mca = m[(k + 2) % 3];
            tri(mbc, c, mca); // the corner at c
            // The quad a, b, mbc, mca: cut along its shorter diagonal.
            const float d1 = glm::length(mesh.positions[a] - mesh.positions[mbc]);
            const float d2 = glm::length(mesh.positions[b] - mesh.positions[mca]);
            if (d1 <= d2) {
                tri(a, b, mbc);
                tri(a, mbc, mca);
            } else {
                tri(a, b, mca);
                tri(b, mbc, mca);
            }
        }
    }
    mesh.indices = std::move(out);
    return mesh.positions.size() - before;
}

std::size_t refine(Mesh& mesh, float maxEdge, const Aabb* within, int maxPasses)
{
    if (!(maxEdge > 0.0f))
        return 0;
    std::size_t added = 0;
    for (int pass = 0; pass < maxPasses; ++pass) {
        const std::size_t n = splitOnce(mesh, maxEdge, within);
        added += n;
        if (n == 0)
            break;
    }
    return added;
}

} // namespace

std::size_t refineLongEdges(Mesh& mesh, float maxEdge, int maxPasses)
{
    return refine(mesh, maxEdge, nullptr, maxPasses);
}

std::size_t refineLongEdges(Mesh& mesh, float maxEdge, const Aabb& within, int maxPasses)
{
    return refine(mesh, maxEdge, &within, maxPasses);
}

} // namespace ta::core
