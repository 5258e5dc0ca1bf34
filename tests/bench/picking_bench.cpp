// Pick latency over the committed model (assets/models/neck-shoulder.glb), or over a synthetic model of
// similar size when it is absent. Reports the mean per pick (Google Benchmark's time) and, from
// individually timed picks, the median and 99th percentile as counters (microseconds).
//
//   ./build/tests/benchmarks --benchmark_filter=Pick
#include "../common/uv_sphere.h"
#include "core/picking/bvh.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numbers>
#include <random>

namespace {

using namespace ta::core;

Mesh sphere(glm::vec3 centre, glm::vec3 radii, int stacks, int slices)
{
    return ta::testing::uvSphere(centre, radii, stacks, slices);
}

/// ~150 overlapping ellipsoids in a head-and-shoulders sized box, ~500k triangles, skin around them.
AnatomyModel syntheticModel()
{
    AnatomyModel model;
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> x(-0.18f, 0.18f), y(1.30f, 1.75f), z(-0.10f, 0.10f), r(0.01f, 0.06f);
    for (int i = 0; i < 150; ++i)
        model.structures.push_back({.id = std::string("s").append(std::to_string(i)), .layer = static_cast<Layer>(1 + i % 4),
                                    .mesh = sphere({x(rng), y(rng), z(rng)}, {r(rng), r(rng), r(rng)}, 32, 48)});
    model.structures.push_back({.id = "skin", .layer = Layer::Skin,
                                .mesh = sphere({0.0f, 1.52f, 0.0f}, {0.26f, 0.3f, 0.16f}, 256, 512)});
    return model;
}

struct Scene {
    AnatomyModel model;
    Bvh bvh;
    std::vector<Ray> rays;
    std::string source;
};

Scene& scene()
{
    static Scene s = [] {
        Scene sc;
        const auto file = ta::io::defaultModelPath();
        std::error_code ec;
        if (std::filesystem::exists(file, ec)) {
            sc.model = ta::io::loadModel(file);
            sc.source = file.string();
        } else {
            sc.model = syntheticModel();
            sc.source = "synthetic (no " + file.string() + ")";
        }
        sc.bvh = Bvh(sc.model);
        // Rays as a viewer casts them: from a camera 1 m away on a circle around the model, towards a
        // random point inside the model's bounds.
        const Aabb b = sc.model.bounds();
        std::mt19937 rng(42);
        std::uniform_real_distribution<float> u(0.0f, 1.0f);
        for (int i = 0; i < 20000; ++i) {
            const float a = 2.0f * std::numbers::pi_v<float> * u(rng);
            const glm::vec3 eye = b.centre() + glm::vec3(std::sin(a), 0.3f * (u(rng) - 0.5f), std::cos(a)) * 1.0f;
            const glm::vec3 target = b.min + b.size() * glm::vec3(u(rng), u(rng), u(rng));
            sc.rays.push_back({eye, target - eye});
        }
        std::fprintf(stderr, "picking_bench: %s, %zu structures, %zu triangles, %zu BVH nodes, depth %d\n",
                     sc.source.c_str(), sc.model.structures.size(), sc.bvh.triangleCount(), sc.bvh.nodeCount(),
                     sc.bvh.depth());
        return sc;
    }();
    return s;
}

void runPicks(benchmark::State& state, const PickFilter& filter)
{
    Scene& sc = scene();
    std::size_t i = 0, hits = 0;
    for (auto _ : state) {
        auto hit = sc.bvh.raycast(sc.rays[i++ % sc.rays.size()], filter);
        hits += hit.has_value();
        benchmark::DoNotOptimize(hit);
    }
    // Individually timed picks for the distribution.
    std::vector<double> us;
    us.reserve(sc.rays.size());
    for (const Ray& ray : sc.rays) {
        const auto t0 = std::chrono::steady_clock::now();
        auto hit = sc.bvh.raycast(ray, filter);
        benchmark::DoNotOptimize(hit);
        us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(us.begin(), us.end());
    state.counters["median_us"] = us[us.size() / 2];
    state.counters["p99_us"] = us[us.size() * 99 / 100];
    state.counters["hit_rate"] = static_cast<double>(hits) / std::max<std::size_t>(1, state.iterations());
    state.counters["triangles"] = static_cast<double>(sc.bvh.triangleCount());
}

void BM_PickAllVisible(benchmark::State& state)
{
    runPicks(state, PickFilter::all(scene().model.structures.size()));
}
BENCHMARK(BM_PickAllVisible);

void BM_PickSkinGhosted(benchmark::State& state)
{
    const auto& m = scene().model;
    runPicks(state, PickFilter::byLayers(m, {Layer::Superficial, Layer::Intermediate, Layer::Deep, Layer::Bone}));
}
BENCHMARK(BM_PickSkinGhosted);

void BM_NearestSurfacePoint(benchmark::State& state)
{
    Scene& sc = scene();
    const PickFilter all = PickFilter::all(sc.model.structures.size());
    std::size_t i = 0;
    for (auto _ : state) {
        const Ray& r = sc.rays[i++ % sc.rays.size()];
        auto p = sc.bvh.nearestSurfacePoint(r.origin + r.direction, all, 0.05f);
        benchmark::DoNotOptimize(p);
    }
}
BENCHMARK(BM_NearestSurfacePoint);

void BM_BuildBvh(benchmark::State& state)
{
    Scene& sc = scene();
    for (auto _ : state) {
        Bvh bvh(sc.model);
        benchmark::DoNotOptimize(bvh);
    }
}
BENCHMARK(BM_BuildBvh)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
