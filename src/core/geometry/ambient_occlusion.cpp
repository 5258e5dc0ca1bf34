#include "core/geometry/ambient_occlusion.h"

#include "core/picking/bvh.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <thread>
#include <vector>

namespace ta::core {
namespace {

/// A fixed cosine-weighted set of directions about +z (a Fibonacci spiral: even, no clumps).
std::vector<glm::vec3> hemisphereDirections(int count)
{
    std::vector<glm::vec3> out;
    out.reserve(static_cast<std::size_t>(count));
    const float golden = std::numbers::pi_v<float> * (3.0f - std::sqrt(5.0f));
    for (int k = 0; k < count; ++k) {
        const float u = (static_cast<float>(k) + 0.5f) / static_cast<float>(count);
        const float r = std::sqrt(u); // cosine-weighted: uniform on the disc, lifted onto the hemisphere
        const float phi = golden * static_cast<float>(k);
        out.emplace_back(r * std::cos(phi), r * std::sin(phi), std::sqrt(std::max(0.0f, 1.0f - u)));
    }
    return out;
}

/// A deterministic angle per vertex that turns the direction set, so neighbouring vertices sample
/// different directions and no banding shows.
float vertexTurn(std::uint32_t structure, std::uint32_t vertex)
{
    std::uint32_t h = vertex * 0x9E3779B1u ^ (structure + 0x7F4A7C15u) * 0x85EBCA77u;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    return static_cast<float>(h & 0xFFFFu) / 65536.0f * 2.0f * std::numbers::pi_v<float>;
}

/// Two passes of averaging each vertex with its neighbours (half its own value, half theirs): the ray
/// pattern's noise goes, and a lone vertex trapped in a fold of the mesh no longer shows as a black speck.
void smoothOverNeighbours(Mesh& mesh)
{
    const std::size_t n = mesh.positions.size();
    std::vector<float> sum(n), next(n);
    std::vector<std::uint32_t> count(n);
    for (int pass = 0; pass < 2; ++pass) {
        std::fill(sum.begin(), sum.end(), 0.0f);
        std::fill(count.begin(), count.end(), 0u);
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
            for (int e = 0; e < 3; ++e) {
                const std::uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
                if (a >= n || b >= n)
                    continue;
                sum[a] += mesh.occlusion[b];
                sum[b] += mesh.occlusion[a];
                ++count[a];
                ++count[b];
            }
        for (std::size_t v = 0; v < n; ++v)
            next[v] =
                count[v] ? 0.5f * mesh.occlusion[v] + 0.5f * sum[v] / static_cast<float>(count[v]) : mesh.occlusion[v];
        mesh.occlusion.swap(next);
    }
}

struct Job {
    std::uint32_t structure = 0;
    std::uint32_t first = 0; ///< first vertex
    std::uint32_t count = 0;
};

} // namespace

bool bakeAmbientOcclusion(AnatomyModel& model, const AmbientOcclusionOptions& options)
{
    const Bvh bvh(model);
    // One filter per layer: that layer and every deeper one; the skin by itself (everything else lies
    // beneath it, so only what pokes through by a generator's error would darken it, as specks).
    std::vector<PickFilter> filters;
    for (Layer layer : kAllLayers)
        filters.push_back(PickFilter::from(model, [&](StructureId s) {
            const Layer other = model.structures[s.value].layer;
            return layer == Layer::Skin ? other == Layer::Skin : static_cast<int>(other) >= static_cast<int>(layer);
        }));
    const std::vector<glm::vec3> directions = hemisphereDirections(std::max(1, options.rays));

    std::vector<Job> jobs;
    constexpr std::uint32_t kChunk = 2048;
    std::vector<char> baked(model.structures.size(), 0);
    for (std::uint32_t s = 0; s < model.structures.size(); ++s) {
        if (options.bake && !options.bake(model.structures[s]))
            continue;
        baked[s] = 1;
        Mesh& mesh = model.structures[s].mesh;
        mesh.occlusion.clear();
        if (mesh.empty())
            continue;
        if (mesh.normals.size() != mesh.positions.size())
            mesh.computeNormals();
        mesh.occlusion.assign(mesh.positions.size(), 1.0f);
        for (std::uint32_t v = 0; v < mesh.positions.size(); v += kChunk)
            jobs.push_back(
                {s, v, std::min<std::uint32_t>(kChunk, static_cast<std::uint32_t>(mesh.positions.size()) - v)});
    }

    const auto run = [&](const Job& job) {
        Mesh& mesh = model.structures[job.structure].mesh;
        const PickFilter& filter = filters[static_cast<std::size_t>(model.structures[job.structure].layer)];
        for (std::uint32_t v = job.first; v < job.first + job.count; ++v) {
            const glm::vec3 n = glm::normalize(mesh.normals[v]);
            if (!std::isfinite(n.x))
                continue;
            // A frame about the normal, turned by the vertex's own angle.
            const glm::vec3 helper = std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
            const glm::vec3 t0 = glm::normalize(glm::cross(helper, n));
            const glm::vec3 b0 = glm::cross(n, t0);
            const float turn = vertexTurn(job.structure, v);
            const glm::vec3 t = std::cos(turn) * t0 + std::sin(turn) * b0;
            const glm::vec3 b = glm::cross(n, t);
            const Ray base{mesh.positions[v] + n * options.bias, n};
            float blocked = 0.0f; // rays that meet a surface within maxDistance
            for (const glm::vec3& d : directions) {
                const Ray ray{base.origin, d.x * t + d.y * b + d.z * n};
                if (bvh.raycast(ray, filter, options.maxDistance))
                    blocked += 1.0f;
            }
            mesh.occlusion[v] = 1.0f - blocked / static_cast<float>(directions.size());
        }
    };

    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads) : std::min(hardware, 8u);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    const auto worker = [&](bool reports) {
        for (std::size_t j = next++; j < jobs.size() && !stop; j = next++) {
            run(jobs[j]);
            const std::size_t finished = ++done;
            if (reports && options.progress &&
                !options.progress(static_cast<double>(finished) / static_cast<double>(jobs.size())))
                stop = true;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i)
        pool.emplace_back(worker, false);
    worker(true);
    for (std::thread& t : pool)
        t.join();
    if (stop)
        return false;
    for (std::size_t s = 0; s < model.structures.size(); ++s)
        if (baked[s] && !model.structures[s].mesh.occlusion.empty())
            smoothOverNeighbours(model.structures[s].mesh);
    return true;
}

} // namespace ta::core
