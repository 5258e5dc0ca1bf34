#include "io/bodyparts3d.h"

#include "io/mesh_import.h"

#include <cstdint>
#include <numeric>
#include <unordered_map>
#include <vector>

namespace ta::io {

glm::vec3 bodyParts3dToModel(const glm::vec3& mm) { return glm::vec3(mm.x, mm.z, -mm.y) * 0.001f; }

void convertBodyParts3dToModelFrame(core::Mesh& mesh)
{
    for (auto& p : mesh.positions)
        p = bodyParts3dToModel(p);
    mesh.computeNormals();
}

std::size_t removeSmallComponents(core::Mesh& mesh, double minAreaFraction)
{
    const std::size_t nv = mesh.positions.size();
    const std::size_t nt = mesh.triangleCount();
    if (nt == 0)
        return 0;
    // Union-find over vertices joined by triangles.
    std::vector<std::uint32_t> parent(nv);
    std::iota(parent.begin(), parent.end(), 0u);
    auto findRoot = [&](std::uint32_t v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    };
    for (std::size_t t = 0; t < nt; ++t) {
        const std::uint32_t a = findRoot(mesh.indices[3 * t]);
        for (int k = 1; k < 3; ++k) {
            const std::uint32_t b = findRoot(mesh.indices[3 * t + k]);
            if (a != b)
                parent[b] = a;
        }
    }
    std::unordered_map<std::uint32_t, double> area;
    std::vector<double> triArea(nt);
    double total = 0.0;
    for (std::size_t t = 0; t < nt; ++t) {
        const glm::dvec3 a = mesh.positions[mesh.indices[3 * t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[3 * t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[3 * t + 2]];
        triArea[t] = 0.5 * glm::length(glm::cross(b - a, c - a));
        area[findRoot(mesh.indices[3 * t])] += triArea[t];
        total += triArea[t];
    }
    const double threshold = total * minAreaFraction;
    std::size_t removed = 0;
    for (const auto& [root, a] : area)
        if (a < threshold)
            ++removed;
    if (removed == 0)
        return 0;
    std::vector<std::uint32_t> remap(nv, UINT32_MAX);
    core::Mesh out;
    for (std::size_t t = 0; t < nt; ++t) {
        if (area[findRoot(mesh.indices[3 * t])] < threshold)
            continue;
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t v = mesh.indices[3 * t + k];
            if (remap[v] == UINT32_MAX) {
                remap[v] = static_cast<std::uint32_t>(out.positions.size());
                out.positions.push_back(mesh.positions[v]);
            }
            out.indices.push_back(remap[v]);
        }
    }
    out.computeNormals();
    mesh = std::move(out);
    return removed;
}

core::Mesh loadBodyParts3dMesh(const std::filesystem::path& file, std::size_t* fragmentsRemoved)
{
    core::Mesh mesh = importSingleMesh(file);
    convertBodyParts3dToModelFrame(mesh);
    const std::size_t removed = removeSmallComponents(mesh, kBodyParts3dFragmentFraction);
    if (fragmentsRemoved)
        *fragmentsRemoved = removed;
    return mesh;
}

} // namespace ta::io
