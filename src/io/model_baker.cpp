#include "io/model_baker.h"

#include "core/geometry/edge_refiner.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

namespace ta::io {

bool isClosedManifold(const core::Mesh& mesh)
{
    // Each directed edge must appear once and its reverse once.
    std::unordered_map<std::uint64_t, int> directed;
    directed.reserve(mesh.indices.size());
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        for (int e = 0; e < 3; ++e) {
            const std::uint64_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
            if (a == b)
                return false;
            if (++directed[(a << 32) | b] > 1)
                return false;
        }
    }
    for (const auto& [key, count] : directed)
        if (!directed.count((key << 32) | (key >> 32)))
            return false;
    return !mesh.indices.empty();
}

namespace {

core::Mesh simplifyOnce(const core::Mesh& mesh, float relativeError)
{
    std::vector<std::uint32_t> indices(mesh.indices.size());
    float resultError = 0.0f;
    const std::size_t count =
        meshopt_simplify(indices.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                         mesh.positions.size(), sizeof(glm::vec3), 0, relativeError, 0, &resultError);
    indices.resize(count);
    // A collapse sometimes leaves two triangles on the same three vertices (a folded fin): drop both.
    {
        std::unordered_map<std::uint64_t, int> seen; // sorted vertex triple hash -> count
        auto keyOf = [&](std::size_t t) {
            std::array<std::uint64_t, 3> v{indices[t], indices[t + 1], indices[t + 2]};
            std::sort(v.begin(), v.end());
            return (v[0] * 0x9E3779B97F4A7C15ull) ^ (v[1] * 0xC2B2AE3D27D4EB4Full) ^ (v[2] * 0x165667B19E3779F9ull);
        };
        for (std::size_t t = 0; t < indices.size(); t += 3)
            ++seen[keyOf(t)];
        std::vector<std::uint32_t> kept;
        kept.reserve(indices.size());
        for (std::size_t t = 0; t < indices.size(); t += 3)
            if (seen[keyOf(t)] == 1)
                kept.insert(kept.end(), {indices[t], indices[t + 1], indices[t + 2]});
        indices = std::move(kept);
    }
    // Keep only the vertices still referenced, in first-use order.
    core::Mesh out;
    std::vector<std::uint32_t> remap(mesh.positions.size(), UINT32_MAX);
    out.indices.reserve(indices.size());
    for (auto i : indices) {
        if (remap[i] == UINT32_MAX) {
            remap[i] = static_cast<std::uint32_t>(out.positions.size());
            out.positions.push_back(mesh.positions[i]);
            if (!mesh.normals.empty())
                out.normals.push_back(mesh.normals[i]);
            if (!mesh.fibres.empty())
                out.fibres.push_back(mesh.fibres[i]);
        }
        out.indices.push_back(remap[i]);
    }
    return out;
}

} // namespace

core::Mesh simplifyMesh(const core::Mesh& mesh, float maxError)
{
    if (maxError <= 0.0f || mesh.indices.empty())
        return mesh;
    const auto extent = mesh.bounds().size();
    const float scale = std::max(extent.x, std::max(extent.y, extent.z));
    if (scale <= 0.0f)
        return mesh;
    // Edge collapses can pinch a closed surface into a non-manifold edge (meshoptimizer does not check
    // the link condition); another error bound changes the collapse order, so try a few around the
    // requested one (a fixed sequence keeps the bake deterministic). At worst the error is doubled.
    for (float factor : {1.0f, 1.5f, 0.75f, 2.0f, 0.5f}) {
        core::Mesh out = simplifyOnce(mesh, factor * maxError / scale);
        if (isClosedManifold(out))
            return out;
    }
    return mesh;
}

core::AnatomyModel bakeModel(const core::anatomy::AnatomySpec& spec, const BakeOptions& options,
                             const core::anatomy::GenerateProgress& progress)
{
    core::AnatomyModel model = core::anatomy::generateModel(spec, options.generate, progress);
    for (auto& s : model.structures) {
        if (s.kind == core::Kind::Skin) {
            s.mesh = simplifyMesh(s.mesh, options.skinMaxError);
            core::refineLongEdges(s.mesh, options.skinMaxEdge);
        } else {
            s.mesh = simplifyMesh(s.mesh, options.maxError);
        }
    }
    return model;
}

} // namespace ta::io
