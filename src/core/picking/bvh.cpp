#include "core/picking/bvh.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ta::core {
namespace {

constexpr std::uint32_t kLeafSize = 4;     // a leaf holds at most this many triangles once SAH stops paying
constexpr std::uint32_t kMaxLeafSize = 32; // ...and never more than this unless the centroids coincide
constexpr int kBins = 16;

/// The SAH bin of a centroid `offset` from the box's low corner. Never casts NaN or a huge value to int
/// (undefined; it crashed on positions of 3e38): those land in the first or the last bin.
int binOf(float offset, float scale)
{
    const float f = offset * scale;
    if (!(f > 0.0f))
        return 0;
    if (f >= static_cast<float>(kBins - 1))
        return kBins - 1;
    return static_cast<int>(f);
}
constexpr int kStackSize = 96;
constexpr float kPad = 1e-6f;

struct BuildTri {
    Aabb box;
    glm::vec3 centroid;
};

float area(const Aabb& b)
{
    if (!b.valid())
        return 0.0f;
    const glm::vec3 d = b.max - b.min;
    return 2.0f * (d.x * d.y + d.y * d.z + d.z * d.x);
}

/// Entry distance of the ray into the box, or +inf when it misses (or enters beyond `tMax`).
inline float slab(const glm::vec3& bmin, const glm::vec3& bmax, const glm::vec3& origin, const glm::vec3& invDir,
                  float tMax)
{
    const glm::vec3 t0 = (bmin - origin) * invDir;
    const glm::vec3 t1 = (bmax - origin) * invDir;
    const glm::vec3 lo = glm::min(t0, t1);
    const glm::vec3 hi = glm::max(t0, t1);
    const float enter = std::max(std::max(lo.x, lo.y), std::max(lo.z, 0.0f));
    const float exit = std::min(std::min(hi.x, hi.y), std::min(hi.z, tMax));
    return enter <= exit ? enter : std::numeric_limits<float>::infinity();
}

inline float boxDistance2(const glm::vec3& bmin, const glm::vec3& bmax, const glm::vec3& p)
{
    const glm::vec3 d = glm::max(glm::max(bmin - p, p - bmax), glm::vec3(0.0f));
    return glm::dot(d, d);
}

/// Closest point on triangle (a, b, c) to p, as barycentrics (Ericson, Real-Time Collision Detection 5.1.5).
glm::vec3 closestBarycentrics(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f)
        return {1, 0, 0};
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3)
        return {0, 1, 0};
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) {
        const float v = d1 / (d1 - d3);
        return {1 - v, v, 0};
    }
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6)
        return {0, 0, 1};
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) {
        const float w = d2 / (d2 - d6);
        return {1 - w, 0, w};
    }
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) {
        const float w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
        return {0, 1 - w, w};
    }
    const float denom = 1.0f / (va + vb + vc);
    const float v = vb * denom, w = vc * denom;
    return {1 - v - w, v, w};
}

} // namespace

Bvh::Bvh(const AnatomyModel& model)
{
    m_normals.resize(model.structures.size());
    m_indices.resize(model.structures.size());
    for (std::size_t s = 0; s < model.structures.size(); ++s) {
        const Mesh& mesh = model.structures[s].mesh;
        if (mesh.normals.size() == mesh.positions.size())
            m_normals[s] = mesh.normals;
        m_indices[s] = mesh.indices;
        const std::size_t nv = mesh.positions.size();
        for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
            const std::uint32_t i0 = mesh.indices[3 * t], i1 = mesh.indices[3 * t + 1], i2 = mesh.indices[3 * t + 2];
            if (i0 >= nv || i1 >= nv || i2 >= nv)
                continue;
            const glm::vec3 v0 = mesh.positions[i0];
            const glm::vec3 e1 = mesh.positions[i1] - v0, e2 = mesh.positions[i2] - v0;
            const float a2 = glm::length(glm::cross(e1, e2));
            if (!(a2 > 1e-14f) || !std::isfinite(a2))
                continue; // degenerate or non-finite: nothing to hit
            m_tris.push_back({v0, e1, e2, static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(t)});
        }
    }
    build();
}

void Bvh::build()
{
    m_nodes.clear();
    if (m_tris.empty())
        return;
    std::vector<BuildTri> info(m_tris.size());
    for (std::size_t i = 0; i < m_tris.size(); ++i) {
        const Tri& t = m_tris[i];
        Aabb b;
        b.expand(t.v0);
        b.expand(t.v0 + t.e1);
        b.expand(t.v0 + t.e2);
        info[i] = {b, b.centre()};
    }
    std::vector<std::uint32_t> order(m_tris.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;

    m_nodes.reserve(2 * m_tris.size() / kLeafSize + 1);
    m_nodes.push_back({});
    struct Job {
        std::uint32_t node, first, count;
    };
    std::vector<Job> jobs{{0, 0, static_cast<std::uint32_t>(m_tris.size())}};
    while (!jobs.empty()) {
        const Job job = jobs.back();
        jobs.pop_back();
        Aabb box, cbox;
        for (std::uint32_t i = job.first; i < job.first + job.count; ++i) {
            box.expand(info[order[i]].box);
            cbox.expand(info[order[i]].centroid);
        }
        Node& node = m_nodes[job.node];
        // Padded a hair (1 µm) so a ray grazing a face, or running inside a flat box, still enters it.
        node.min = box.min - glm::vec3(kPad);
        node.max = box.max + glm::vec3(kPad);
        node.leftOrFirst = job.first;
        node.count = job.count;
        if (job.count <= kLeafSize)
            continue;

        // Binned SAH over the axis of largest centroid extent, then the others if it finds nothing.
        float bestCost = std::numeric_limits<float>::infinity();
        int bestAxis = -1, bestSplit = 0;
        const glm::vec3 ext = cbox.size();
        for (int axis = 0; axis < 3; ++axis) {
            if (!(ext[axis] > 0.0f) || !std::isfinite(ext[axis]))
                continue;
            std::array<Aabb, kBins> bins{};
            std::array<std::uint32_t, kBins> counts{};
            const float scale = kBins / ext[axis];
            for (std::uint32_t i = job.first; i < job.first + job.count; ++i) {
                const auto& bt = info[order[i]];
                const int b = binOf(bt.centroid[axis] - cbox.min[axis], scale);
                bins[b].expand(bt.box);
                ++counts[b];
            }
            std::array<float, kBins - 1> leftArea{}, rightArea{};
            std::array<std::uint32_t, kBins - 1> leftCount{}, rightCount{};
            Aabb acc;
            std::uint32_t n = 0;
            for (int i = 0; i < kBins - 1; ++i) {
                acc.expand(bins[i]);
                n += counts[i];
                leftArea[i] = area(acc);
                leftCount[i] = n;
            }
            acc = Aabb{};
            n = 0;
            for (int i = kBins - 1; i > 0; --i) {
                acc.expand(bins[i]);
                n += counts[i];
                rightArea[i - 1] = area(acc);
                rightCount[i - 1] = n;
            }
            for (int i = 0; i < kBins - 1; ++i) {
                if (leftCount[i] == 0 || rightCount[i] == 0)
                    continue;
                const float cost = leftArea[i] * leftCount[i] + rightArea[i] * rightCount[i];
                if (cost < bestCost) {
                    bestCost = cost;
                    bestAxis = axis;
                    bestSplit = i;
                }
            }
        }
        const float leafCost = area(box) * job.count;
        if (bestAxis < 0 || (bestCost >= leafCost && job.count <= kMaxLeafSize))
            continue; // stays a leaf

        const float scale = kBins / ext[bestAxis];
        auto* begin = order.data() + job.first;
        auto* mid = std::partition(begin, begin + job.count, [&](std::uint32_t t) {
            const int b = binOf(info[t].centroid[bestAxis] - cbox.min[bestAxis], scale);
            return b <= bestSplit;
        });
        const auto leftCount = static_cast<std::uint32_t>(mid - begin);
        if (leftCount == 0 || leftCount == job.count)
            continue;
        const auto left = static_cast<std::uint32_t>(m_nodes.size());
        m_nodes.push_back({});
        m_nodes.push_back({});
        Node& parent = m_nodes[job.node]; // re-fetch: push_back may have moved the storage
        parent.leftOrFirst = left;
        parent.count = 0;
        jobs.push_back({left, job.first, leftCount});
        jobs.push_back({left + 1, job.first + leftCount, job.count - leftCount});
    }

    // Store triangles in leaf order so a leaf's triangles are contiguous.
    std::vector<Tri> sorted(m_tris.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        sorted[i] = m_tris[order[i]];
    m_tris = std::move(sorted);
}

glm::vec3 Bvh::smoothNormal(const Tri& t, const glm::vec3& bary) const
{
    const auto& normals = m_normals[t.structure];
    const auto& idx = m_indices[t.structure];
    if (!normals.empty()) {
        const glm::vec3 n = bary.x * normals[idx[3 * t.triangle]] + bary.y * normals[idx[3 * t.triangle + 1]] +
                            bary.z * normals[idx[3 * t.triangle + 2]];
        const float len = glm::length(n);
        if (len > 1e-12f && std::isfinite(len))
            return n / len;
    }
    return glm::normalize(glm::cross(t.e1, t.e2));
}

std::optional<PickHit> Bvh::raycast(const Ray& ray, const PickFilter& filter, float maxDistance) const
{
    if (m_nodes.empty())
        return std::nullopt;
    const float dirLen = glm::length(ray.direction);
    if (!(dirLen > 0.0f) || !std::isfinite(dirLen) || !std::isfinite(ray.origin.x) || !std::isfinite(ray.origin.y) ||
        !std::isfinite(ray.origin.z) || std::isnan(maxDistance))
        return std::nullopt;
    const glm::vec3 dir = ray.direction / dirLen;
    glm::vec3 invDir;
    for (int a = 0; a < 3; ++a)
        invDir[a] = std::abs(dir[a]) > 1e-20f ? 1.0f / dir[a] : std::copysign(1e30f, dir[a]);

    float best = maxDistance;
    const Tri* bestTri = nullptr;
    float bestU = 0, bestV = 0;

    std::uint32_t stack[kStackSize];
    int sp = 0;
    if (slab(m_nodes[0].min, m_nodes[0].max, ray.origin, invDir, best) == std::numeric_limits<float>::infinity())
        return std::nullopt;
    stack[sp++] = 0;
    while (sp > 0) {
        const Node& node = m_nodes[stack[--sp]];
        if (node.count > 0) {
            for (std::uint32_t i = node.leftOrFirst; i < node.leftOrFirst + node.count; ++i) {
                const Tri& t = m_tris[i];
                if (!filter.accepts(t.structure))
                    continue;
                const glm::vec3 p = glm::cross(dir, t.e2);
                const float det = glm::dot(t.e1, p);
                if (std::abs(det) < 1e-14f)
                    continue;
                const float inv = 1.0f / det;
                const glm::vec3 s = ray.origin - t.v0;
                const float u = glm::dot(s, p) * inv;
                if (u < 0.0f || u > 1.0f)
                    continue;
                const glm::vec3 q = glm::cross(s, t.e1);
                const float v = glm::dot(dir, q) * inv;
                if (v < 0.0f || u + v > 1.0f)
                    continue;
                const float d = glm::dot(t.e2, q) * inv;
                if (d >= 0.0f && d < best) {
                    best = d;
                    bestTri = &t;
                    bestU = u;
                    bestV = v;
                }
            }
            continue;
        }
        const Node& l = m_nodes[node.leftOrFirst];
        const Node& r = m_nodes[node.leftOrFirst + 1];
        const float dl = slab(l.min, l.max, ray.origin, invDir, best);
        const float dr = slab(r.min, r.max, ray.origin, invDir, best);
        const float inf = std::numeric_limits<float>::infinity();
        // Push the farther child first so the nearer one is visited first and shrinks `best` sooner.
        if (dl <= dr) {
            if (dr != inf && sp < kStackSize)
                stack[sp++] = node.leftOrFirst + 1;
            if (dl != inf && sp < kStackSize)
                stack[sp++] = node.leftOrFirst;
        } else {
            if (dl != inf && sp < kStackSize)
                stack[sp++] = node.leftOrFirst;
            if (dr != inf && sp < kStackSize)
                stack[sp++] = node.leftOrFirst + 1;
        }
    }
    if (!bestTri)
        return std::nullopt;
    PickHit hit;
    hit.structure = StructureId{bestTri->structure};
    hit.triangle = bestTri->triangle;
    hit.barycentrics = {1.0f - bestU - bestV, bestU, bestV};
    hit.point = ray.origin + dir * best;
    hit.normal = smoothNormal(*bestTri, hit.barycentrics);
    hit.distance = best;
    return hit;
}

std::optional<SurfacePoint> Bvh::nearestSurfacePoint(const glm::vec3& point, const PickFilter& filter,
                                                     float maxDistance) const
{
    if (m_nodes.empty() || !std::isfinite(point.x) || !std::isfinite(point.y) || !std::isfinite(point.z) ||
        std::isnan(maxDistance) || maxDistance < 0.0f)
        return std::nullopt;
    float best2 = maxDistance == std::numeric_limits<float>::infinity() ? maxDistance : maxDistance * maxDistance;
    const Tri* bestTri = nullptr;
    glm::vec3 bestBary{0.0f};

    std::uint32_t stack[kStackSize];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
        const Node& node = m_nodes[stack[--sp]];
        if (boxDistance2(node.min, node.max, point) > best2)
            continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.leftOrFirst; i < node.leftOrFirst + node.count; ++i) {
                const Tri& t = m_tris[i];
                if (!filter.accepts(t.structure))
                    continue;
                const glm::vec3 bary = closestBarycentrics(point, t.v0, t.v0 + t.e1, t.v0 + t.e2);
                const glm::vec3 q = t.v0 + bary.y * t.e1 + bary.z * t.e2;
                const float d2 = glm::dot(q - point, q - point);
                if (d2 <= best2) {
                    best2 = d2;
                    bestTri = &t;
                    bestBary = bary;
                }
            }
            continue;
        }
        const std::uint32_t li = node.leftOrFirst, ri = node.leftOrFirst + 1;
        const float dl = boxDistance2(m_nodes[li].min, m_nodes[li].max, point);
        const float dr = boxDistance2(m_nodes[ri].min, m_nodes[ri].max, point);
        const std::uint32_t nearI = dl <= dr ? li : ri, farI = dl <= dr ? ri : li;
        if (std::max(dl, dr) <= best2 && sp < kStackSize)
            stack[sp++] = farI;
        if (std::min(dl, dr) <= best2 && sp < kStackSize)
            stack[sp++] = nearI;
    }
    if (!bestTri)
        return std::nullopt;
    SurfacePoint sp2;
    sp2.structure = StructureId{bestTri->structure};
    sp2.triangle = bestTri->triangle;
    sp2.barycentrics = bestBary;
    sp2.point = bestTri->v0 + bestBary.y * bestTri->e1 + bestBary.z * bestTri->e2;
    sp2.normal = smoothNormal(*bestTri, bestBary);
    sp2.distance = std::sqrt(best2);
    return sp2;
}

int Bvh::depth() const
{
    if (m_nodes.empty())
        return 0;
    int deepest = 0;
    std::vector<std::pair<std::uint32_t, int>> stack{{0u, 1}};
    while (!stack.empty()) {
        const auto [i, d] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, d);
        if (m_nodes[i].count == 0) {
            stack.push_back({m_nodes[i].leftOrFirst, d + 1});
            stack.push_back({m_nodes[i].leftOrFirst + 1, d + 1});
        }
    }
    return deepest;
}

Aabb Bvh::bounds() const
{
    if (m_nodes.empty())
        return {};
    return Aabb{m_nodes[0].min, m_nodes[0].max};
}

} // namespace ta::core
