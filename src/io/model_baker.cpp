#include "io/model_baker.h"

#include "core/geometry/ambient_occlusion.h"
#include "core/geometry/edge_refiner.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

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

std::uint64_t edgeKey(std::uint32_t a, std::uint32_t b)
{
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

glm::vec3 unitNormal(const core::Mesh& mesh, const std::uint32_t* tri)
{
    const glm::vec3 a = mesh.positions[tri[0]], b = mesh.positions[tri[1]], c = mesh.positions[tri[2]];
    const glm::vec3 n = glm::cross(b - a, c - a);
    const float len = glm::length(n);
    return len > 0.0f ? n / len : glm::vec3(0.0f);
}

} // namespace

std::size_t unfoldTriangles(core::Mesh& mesh, int maxPasses)
{
    auto& idx = mesh.indices;
    const std::size_t triangles = idx.size() / 3;
    // Directed edge -> the triangle that holds it; each directed edge of a manifold mesh belongs to one.
    std::unordered_map<std::uint64_t, std::uint32_t> owner;
    owner.reserve(idx.size());
    for (std::uint32_t t = 0; t < triangles; ++t)
        for (int e = 0; e < 3; ++e)
            owner[edgeKey(idx[3 * t + e], idx[3 * t + (e + 1) % 3])] = t;
    const auto across = [&](std::uint32_t a, std::uint32_t b) -> std::int64_t {
        const auto it = owner.find(edgeKey(b, a));
        return it == owner.end() ? -1 : static_cast<std::int64_t>(it->second);
    };
    const auto normalOf = [&](std::int64_t t) { return t < 0 ? glm::vec3(0.0f) : unitNormal(mesh, &idx[3 * t]); };

    std::size_t flips = 0;
    for (int pass = 0; pass < maxPasses; ++pass) {
        std::size_t flipsThisPass = 0;
        for (std::uint32_t t = 0; t < triangles; ++t) {
            const std::uint32_t* v = &idx[3 * t];
            glm::vec3 around(0.0f);
            for (int e = 0; e < 3; ++e)
                around += normalOf(across(v[e], v[(e + 1) % 3]));
            if (glm::dot(normalOf(t), around) >= 0.0f)
                continue; // not folded over its neighbours
            // Try flipping each edge: t = (a, b, c) and u = (b, a, d) become (a, d, c) and (d, b, c). Keep the
            // flip whose two triangles agree best with the quad's outer neighbours, if both face their way.
            float bestScore = 0.0f;
            int bestEdge = -1;
            for (int e = 0; e < 3; ++e) {
                const std::uint32_t a = v[e], b = v[(e + 1) % 3], c = v[(e + 2) % 3];
                const std::int64_t u = across(a, b);
                if (u < 0)
                    continue;
                std::uint32_t d = 0;
                for (int k = 0; k < 3; ++k)
                    if (idx[3 * u + k] != a && idx[3 * u + k] != b)
                        d = idx[3 * u + k];
                if (d == c || owner.count(edgeKey(c, d)) || owner.count(edgeKey(d, c)))
                    continue; // the new edge exists already: the flip would pinch the surface
                const glm::vec3 ref = normalOf(across(a, d)) + normalOf(across(d, b)) + normalOf(across(b, c)) +
                                      normalOf(across(c, a));
                const float refLen = glm::length(ref);
                if (refLen <= 0.0f)
                    continue;
                const std::uint32_t t1[3] = {a, d, c}, t2[3] = {d, b, c};
                const float before = std::min(glm::dot(normalOf(t), ref), glm::dot(normalOf(u), ref)) / refLen;
                const float after = std::min(glm::dot(unitNormal(mesh, t1), ref), glm::dot(unitNormal(mesh, t2), ref)) / refLen;
                if (after > 0.0f && after > before && after > bestScore) {
                    bestScore = after;
                    bestEdge = e;
                }
            }
            if (bestEdge < 0)
                continue;
            const std::uint32_t a = v[bestEdge], b = v[(bestEdge + 1) % 3], c = v[(bestEdge + 2) % 3];
            const auto u = static_cast<std::uint32_t>(across(a, b));
            std::uint32_t d = 0;
            for (int k = 0; k < 3; ++k)
                if (idx[3 * u + k] != a && idx[3 * u + k] != b)
                    d = idx[3 * u + k];
            for (std::uint32_t tri : {t, u})
                for (int e = 0; e < 3; ++e)
                    owner.erase(edgeKey(idx[3 * tri + e], idx[3 * tri + (e + 1) % 3]));
            const std::uint32_t nt[3] = {a, d, c}, nu[3] = {d, b, c};
            for (int k = 0; k < 3; ++k) {
                idx[3 * t + k] = nt[k];
                idx[3 * u + k] = nu[k];
            }
            for (std::uint32_t tri : {t, u})
                for (int e = 0; e < 3; ++e)
                    owner[edgeKey(idx[3 * tri + e], idx[3 * tri + (e + 1) % 3])] = tri;
            ++flipsThisPass;
        }
        flips += flipsThisPass;
        if (flipsThisPass == 0)
            break;
    }
    return flips;
}

bool facesAgainstItsNormals(const core::Mesh& mesh, const std::uint32_t* tri)
{
    const glm::vec3 &a = mesh.normals[tri[0]], &b = mesh.normals[tri[1]], &c = mesh.normals[tri[2]];
    // Corners more than 90 degrees apart (a fingertip, a thin rim): their mean says nothing about the way out.
    if (glm::dot(a, b) <= 0.0f || glm::dot(b, c) <= 0.0f || glm::dot(c, a) <= 0.0f)
        return false;
    return glm::dot(unitNormal(mesh, tri), a + b + c) < 0.0f;
}

std::size_t relaxFoldedFans(core::Mesh& mesh, int maxPasses)
{
    const auto& idx = mesh.indices;
    if (mesh.normals.size() != mesh.positions.size())
        return 0;
    // Each vertex's neighbours, once each.
    std::vector<std::vector<std::uint32_t>> ring(mesh.positions.size());
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = idx[t + e], b = idx[t + (e + 1) % 3];
            for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}})
                if (std::find(ring[from].begin(), ring[from].end(), to) == ring[from].end())
                    ring[from].push_back(to);
        }
    std::size_t moved = 0;
    std::vector<std::uint32_t> corners;
    for (int pass = 0; pass < maxPasses; ++pass) {
        corners.clear();
        for (std::size_t t = 0; t + 2 < idx.size(); t += 3)
            if (facesAgainstItsNormals(mesh, &idx[t]))
                corners.insert(corners.end(), {idx[t], idx[t + 1], idx[t + 2]});
        if (corners.empty())
            break;
        std::sort(corners.begin(), corners.end());
        corners.erase(std::unique(corners.begin(), corners.end()), corners.end());
        // All targets from the positions before this pass, so the order of the corners does not matter.
        std::vector<glm::vec3> target(corners.size());
        for (std::size_t k = 0; k < corners.size(); ++k) {
            glm::vec3 sum(0.0f);
            for (std::uint32_t n : ring[corners[k]])
                sum += mesh.positions[n];
            target[k] = ring[corners[k]].empty() ? mesh.positions[corners[k]]
                                                 : sum / static_cast<float>(ring[corners[k]].size());
        }
        for (std::size_t k = 0; k < corners.size(); ++k)
            mesh.positions[corners[k]] = target[k];
        moved += corners.size();
    }
    return moved;
}

namespace {

/// The midpoints of edges not shared by exactly two triangles (where a collapse pinched two sheets together).
std::vector<glm::vec3> pinchedEdges(const core::Mesh& mesh)
{
    std::unordered_map<std::uint64_t, int> uses;
    uses.reserve(mesh.indices.size());
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
            ++uses[edgeKey(std::min(a, b), std::max(a, b))];
        }
    std::vector<glm::vec3> out;
    for (const auto& [key, n] : uses)
        if (n != 2)
            out.push_back(0.5f * (mesh.positions[key >> 32] + mesh.positions[key & 0xffffffffu]));
    return out;
}

/// Simplify, leaving the triangles flagged in `locked` (one flag per triangle; empty = none) exactly as they
/// are: each gets vertices of its own, so all its edges are borders, which meshopt_SimplifyLockBorder keeps,
/// together with the vertices of the rest that touch them; afterwards the copies are welded back.
core::Mesh simplifyOnce(const core::Mesh& mesh, float relativeError, const std::vector<char>& locked)
{
    std::vector<std::uint32_t> source = mesh.indices;
    std::vector<glm::vec3> positions = mesh.positions;
    std::vector<std::uint32_t> original(mesh.positions.size());
    for (std::uint32_t i = 0; i < original.size(); ++i)
        original[i] = i;
    unsigned options = 0;
    for (std::size_t t = 0; t < locked.size(); ++t) {
        if (!locked[t])
            continue;
        options = meshopt_SimplifyLockBorder;
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t v = source[3 * t + k];
            source[3 * t + k] = static_cast<std::uint32_t>(positions.size());
            positions.push_back(mesh.positions[v]);
            original.push_back(v);
        }
    }
    std::vector<std::uint32_t> indices(source.size());
    float resultError = 0.0f;
    const std::size_t count =
        meshopt_simplify(indices.data(), source.data(), source.size(), &positions[0].x, positions.size(),
                         sizeof(glm::vec3), 0, relativeError, options, &resultError);
    indices.resize(count);
    for (auto& i : indices)
        i = original[i];
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
            if (!mesh.occlusion.empty())
                out.occlusion.push_back(mesh.occlusion[i]);
            if (!mesh.across.empty())
                out.across.push_back(mesh.across[i]);
            if (!mesh.tendon.empty())
                out.tendon.push_back(mesh.tendon[i]);
        }
        out.indices.push_back(remap[i]);
    }
    return out;
}

} // namespace

core::Mesh simplifyMesh(const core::Mesh& mesh, float maxError, const std::vector<char>& keep)
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
    // On a large fine mesh every bound pinches somewhere; then the triangles around each pinch are kept
    // as they were and the rest simplified again, a few rounds at most.
    constexpr float kLockRadius = 0.004f; // metres around a pinched edge
    for (float factor : {1.0f, 1.5f, 0.75f, 2.0f, 0.5f}) {
        std::vector<char> locked = keep;
        for (int round = 0; round < 4; ++round) {
            core::Mesh out = simplifyOnce(mesh, factor * maxError / scale, locked);
            const std::vector<glm::vec3> pinches = pinchedEdges(out);
            if (pinches.empty() && isClosedManifold(out)) {
                unfoldTriangles(out);
                return out;
            }
            if (pinches.empty())
                break; // not closed for another reason: try another bound
            locked.resize(mesh.indices.size() / 3, 0);
            for (std::size_t t = 0; t < locked.size(); ++t) {
                const glm::vec3 c = (mesh.positions[mesh.indices[3 * t]] + mesh.positions[mesh.indices[3 * t + 1]] +
                                     mesh.positions[mesh.indices[3 * t + 2]]) /
                                    3.0f;
                for (const auto& p : pinches)
                    if (glm::length(c - p) < kLockRadius)
                        locked[t] = 1;
            }
        }
    }
    return mesh;
}

namespace {

/// Skin normals: the field's gradient (smooth where one shape rules) joined with the surface's own normal,
/// then averaged twice over each vertex's triangle fan. The skin's field is a smooth union with offset muscles
/// and bones whose gradient jumps between the nearest surfaces, and after simplification a vertex's field
/// normal can disagree with the triangles around it: it shaded as blotches over the cheek and temple.
void smoothSurfaceNormals(core::Mesh& mesh)
{
    std::vector<glm::vec3> field = mesh.normals;
    mesh.computeNormals();
    if (field.size() == mesh.normals.size())
        for (std::size_t i = 0; i < field.size(); ++i) {
            // Opposite or missing normals (a sliver's) would normalise to NaN: keep whichever is usable.
            const glm::vec3 both = mesh.normals[i] + field[i];
            const float len = glm::length(both);
            mesh.normals[i] = len > 1.0e-6f && std::isfinite(len) ? both / len : field[i];
        }
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<glm::vec3> sum(mesh.normals.size(), glm::vec3(0.0f));
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            const glm::vec3 n = mesh.normals[mesh.indices[t]] + mesh.normals[mesh.indices[t + 1]] +
                                mesh.normals[mesh.indices[t + 2]];
            for (int k = 0; k < 3; ++k)
                sum[mesh.indices[t + k]] += n;
        }
        for (std::size_t i = 0; i < sum.size(); ++i) {
            const float len = glm::length(sum[i]);
            if (len > 0.0f)
                mesh.normals[i] = sum[i] / len;
        }
    }
}

const core::anatomy::StructureSpec* findStructure(const core::anatomy::AnatomySpec& spec, const std::string& id)
{
    for (const auto& st : spec.structures)
        if (st.id == id)
            return &st;
    return nullptr;
}

/// One flag per triangle: whether its centroid lies inside `box` (`inside` true) or outside it (false).
std::vector<char> trianglesInBox(const core::Mesh& mesh, const core::Aabb& box, bool inside)
{
    std::vector<char> flags(mesh.indices.size() / 3, 0);
    for (std::size_t t = 0; t < flags.size(); ++t) {
        const glm::vec3 c = (mesh.positions[mesh.indices[3 * t]] + mesh.positions[mesh.indices[3 * t + 1]] +
                             mesh.positions[mesh.indices[3 * t + 2]]) /
                            3.0f;
        flags[t] = box.contains(c) == inside ? 1 : 0;
    }
    return flags;
}

} // namespace

core::AnatomyModel bakeModel(const core::anatomy::AnatomySpec& spec, const BakeOptions& options,
                             const core::anatomy::GenerateProgress& progress)
{
    core::AnatomyModel model = core::anatomy::generateModel(spec, options.generate, progress);
    for (auto& s : model.structures) {
        if (s.kind == core::Kind::Skin) {
            const core::anatomy::StructureSpec* own = findStructure(spec, s.id);
            const bool hasFine = own && own->refineBox.valid();
            const core::Aabb fine =
                hasFine ? core::Aabb{own->refineBox.min / 1000.0f, own->refineBox.max / 1000.0f} : core::Aabb{};
            if (hasFine && options.fineMaxError < options.skinMaxError) {
                // The body at the skin's bound with the finely meshed part kept, then that part at its own.
                s.mesh = simplifyMesh(s.mesh, options.skinMaxError, trianglesInBox(s.mesh, fine, true));
                s.mesh = simplifyMesh(s.mesh, options.fineMaxError, trianglesInBox(s.mesh, fine, false));
            } else {
                s.mesh = simplifyMesh(s.mesh, options.skinMaxError);
            }
            core::refineLongEdges(s.mesh, options.skinMaxEdge);
            if (hasFine)
                core::refineLongEdges(s.mesh, options.fineMaxEdge, fine);
            // Folds are judged against the smoothed normals (the field's alone can agree with a fold); the
            // normals are then made again from the field's, over the mended surface.
            const std::vector<glm::vec3> field = s.mesh.normals;
            smoothSurfaceNormals(s.mesh);
            // The new normals can disagree with a triangle next to a relaxed one: a few rounds at most.
            for (int round = 0; round < 4 && relaxFoldedFans(s.mesh) > 0; ++round) {
                s.mesh.normals = field;
                smoothSurfaceNormals(s.mesh);
            }
        } else {
            s.mesh = simplifyMesh(s.mesh, options.maxError);
        }
    }
    // Last, on the final meshes: occlusion is an attribute of the vertices that are kept.
    if (options.ambientOcclusion)
        core::bakeAmbientOcclusion(model, options.occlusion);
    return model;
}

} // namespace ta::io
