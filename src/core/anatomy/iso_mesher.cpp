#include "core/anatomy/iso_mesher.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <thread>
#include <unordered_map>

namespace ta::core::anatomy {

namespace {

// Cube corner c sits at (c & 1, (c >> 1) & 1, (c >> 2) & 1). Six tetrahedra share the diagonal 0-7;
// neighbouring cubes split their shared faces along the same diagonal, so the tiling is conforming.
constexpr std::array<std::array<int, 4>, 6> kTets{{
    {0, 1, 3, 7}, {0, 3, 2, 7}, {0, 2, 6, 7}, {0, 6, 4, 7}, {0, 4, 5, 7}, {0, 5, 1, 7},
}};

/// A rectilinear grid: the sample coordinates along each axis (ascending).
struct Grid {
    std::array<std::vector<float>, 3> axis;
    float h = 1.0f; ///< the coarsest step
    int nx = 0, ny = 0, nz = 0;
    std::vector<float> values;

    std::size_t index(int i, int j, int k) const
    {
        return (static_cast<std::size_t>(k) * ny + j) * nx + i;
    }
    glm::vec3 point(int i, int j, int k) const { return {axis[0][i], axis[1][j], axis[2][k]}; }
};

/// Coordinates from lo to at least hi: step h, or `fine` (when > 0) from where a coarse step would enter
/// [fineLo, fineHi] until past fineHi.
std::vector<float> axisCoordinates(float lo, float hi, float h, float fine, float fineLo, float fineHi)
{
    std::vector<float> xs;
    float x = lo;
    xs.push_back(x);
    while (x < hi) {
        const bool inFine = fine > 0.0f && x + h > fineLo && x < fineHi;
        x += inFine ? fine : h;
        xs.push_back(x);
    }
    return xs;
}

/// Sample the field; blocks whose coarse corners are all far from the surface are filled without
/// evaluating every voxel (the field is close to metric, so |d| > block diagonal means no surface there).
void sample(const DistanceField& field, Grid& g, int threads)
{
    constexpr int kBlock = 4;
    g.values.assign(static_cast<std::size_t>(g.nx) * g.ny * g.nz, 0.0f);
    const int bz = (g.nz + kBlock - 1) / kBlock;
    const float diag = 1.8f * g.h * kBlock; // generous: the fields are only close to metric
    // Blocks are half-open and disjoint, so threads never write the same value.
    auto work = [&](int first, int last) {
        for (int kb = first; kb < last; ++kb) {
            const int k0 = kb * kBlock, k1 = std::min(k0 + kBlock, g.nz);
            for (int j0 = 0; j0 < g.ny; j0 += kBlock) {
                const int j1 = std::min(j0 + kBlock, g.ny);
                for (int i0 = 0; i0 < g.nx; i0 += kBlock) {
                    const int i1 = std::min(i0 + kBlock, g.nx);
                    const float c = field(0.5f * (g.point(i0, j0, k0) + g.point(i1 - 1, j1 - 1, k1 - 1)));
                    const bool far = std::abs(c) > diag;
                    for (int k = k0; k < k1; ++k)
                        for (int j = j0; j < j1; ++j)
                            for (int i = i0; i < i1; ++i)
                                g.values[g.index(i, j, k)] = far ? c : field(g.point(i, j, k));
                }
            }
        }
    };
    threads = std::max(1, std::min(threads, bz));
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(work, bz * t / threads, bz * (t + 1) / threads);
    for (auto& th : pool)
        th.join();
}

} // namespace

Mesh meshField(const DistanceField& field, const Aabb& bounds, const MeshingOptions& options)
{
    Grid g;
    g.h = options.voxel;
    const glm::vec3 lo = bounds.min - glm::vec3(2.0f * g.h), hi = bounds.max + glm::vec3(2.0f * g.h);
    const bool refine = options.refineVoxel > 0.0f && options.refineVoxel < g.h && options.refineBox.valid();
    for (int a = 0; a < 3; ++a)
        g.axis[a] = axisCoordinates(lo[a], hi[a], g.h, refine ? options.refineVoxel : 0.0f,
                                    options.refineBox.min[a], options.refineBox.max[a]);
    g.nx = static_cast<int>(g.axis[0].size());
    g.ny = static_cast<int>(g.axis[1].size());
    g.nz = static_cast<int>(g.axis[2].size());
    sample(field, g, options.threads);
    // Values exactly zero would put vertices on grid points; nudge them outside.
    for (auto& v : g.values)
        if (v == 0.0f)
            v = 1e-6f;
    // The border must be outside so the surface closes.
    for (int k = 0; k < g.nz; ++k)
        for (int j = 0; j < g.ny; ++j)
            for (int i = 0; i < g.nx; ++i)
                if (i == 0 || j == 0 || k == 0 || i == g.nx - 1 || j == g.ny - 1 || k == g.nz - 1)
                    g.values[g.index(i, j, k)] = std::max(g.values[g.index(i, j, k)], 1e-3f);

    Mesh mesh;
    std::unordered_map<std::uint64_t, std::uint32_t> edgeVertex;
    const std::size_t sx = 1, sy = static_cast<std::size_t>(g.nx), sz = static_cast<std::size_t>(g.nx) * g.ny;
    std::array<std::size_t, 8> cornerOffset{};
    for (int c = 0; c < 8; ++c)
        cornerOffset[c] = (c & 1) * sx + ((c >> 1) & 1) * sy + ((c >> 2) & 1) * sz;

    auto vertex = [&](std::size_t ia, std::size_t ib, glm::vec3 pa, glm::vec3 pb) -> std::uint32_t {
        float va = g.values[ia], vb = g.values[ib];
        if (ia > ib) {
            std::swap(ia, ib);
            std::swap(pa, pb);
            std::swap(va, vb);
        }
        const std::uint64_t key = (static_cast<std::uint64_t>(ia) << 32) | static_cast<std::uint64_t>(ib);
        const auto it = edgeVertex.find(key);
        if (it != edgeVertex.end())
            return it->second;
        const float t = std::clamp(va / (va - vb), 0.02f, 0.98f);
        const auto id = static_cast<std::uint32_t>(mesh.positions.size());
        mesh.positions.push_back(pa + t * (pb - pa));
        edgeVertex.emplace(key, id);
        return id;
    };

    for (int k = 0; k + 1 < g.nz; ++k) {
        for (int j = 0; j + 1 < g.ny; ++j) {
            for (int i = 0; i + 1 < g.nx; ++i) {
                const std::size_t base = g.index(i, j, k);
                std::array<float, 8> v;
                int inside = 0;
                for (int c = 0; c < 8; ++c) {
                    v[c] = g.values[base + cornerOffset[c]];
                    inside += v[c] < 0.0f;
                }
                if (inside == 0 || inside == 8)
                    continue;
                auto cornerPos = [&](int c) { return g.point(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1)); };
                for (const auto& tet : kTets) {
                    std::array<int, 4> in{}, out{};
                    int ni = 0, no = 0;
                    for (int c : tet) {
                        if (v[c] < 0.0f)
                            in[ni++] = c;
                        else
                            out[no++] = c;
                    }
                    if (ni == 0 || no == 0)
                        continue;
                    auto vid = [&](int a, int b) {
                        return vertex(base + cornerOffset[a], base + cornerOffset[b], cornerPos(a), cornerPos(b));
                    };
                    glm::vec3 cin{0.0f}, cout{0.0f};
                    for (int q = 0; q < ni; ++q)
                        cin += cornerPos(in[q]);
                    for (int q = 0; q < no; ++q)
                        cout += cornerPos(out[q]);
                    const glm::vec3 outward = cout / float(no) - cin / float(ni);
                    auto emit = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
                        const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a],
                                                       mesh.positions[c] - mesh.positions[a]);
                        if (glm::dot(n, outward) < 0.0f)
                            std::swap(b, c);
                        mesh.indices.insert(mesh.indices.end(), {a, b, c});
                    };
                    if (ni == 1) {
                        emit(vid(in[0], out[0]), vid(in[0], out[1]), vid(in[0], out[2]));
                    } else if (ni == 3) {
                        emit(vid(in[0], out[0]), vid(in[1], out[0]), vid(in[2], out[0]));
                    } else {
                        // Quad in cyclic order: (i0,o0) (i0,o1) (i1,o1) (i1,o0).
                        const auto a = vid(in[0], out[0]), b = vid(in[0], out[1]);
                        const auto c = vid(in[1], out[1]), d = vid(in[1], out[0]);
                        emit(a, b, c);
                        emit(a, c, d);
                    }
                }
            }
        }
    }

    // Normals from the field's gradient: smoother than face normals on a voxel-scale mesh.
    const float e = 0.5f * (refine ? options.refineVoxel : g.h);
    mesh.normals.resize(mesh.positions.size());
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3& p = mesh.positions[i];
        const glm::vec3 grad{field(p + glm::vec3(e, 0, 0)) - field(p - glm::vec3(e, 0, 0)),
                             field(p + glm::vec3(0, e, 0)) - field(p - glm::vec3(0, e, 0)),
                             field(p + glm::vec3(0, 0, e)) - field(p - glm::vec3(0, 0, e))};
        const float len = glm::length(grad);
        mesh.normals[i] = len > 0.0f ? grad / len : glm::vec3(0.0f, 1.0f, 0.0f);
    }
    return mesh;
}

} // namespace ta::core::anatomy
