// Benchmarks: referral maps of every trigger point (both sides) on the committed model's skin, and the
// drawing-based reverse lookup. Run: ./build/tests/benchmarks --benchmark_filter=Referral
#include "core/referral/referral_atlas.h"
#include "core/referral/referral_projector.h"
#include "core/referral/reverse_lookup.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>

namespace {

struct Fixture {
    ta::core::AnatomyModel model;
    ta::core::ReferralData data;
    std::unique_ptr<ta::core::ReferralAtlas> atlas;
    const ta::core::Mesh* skin = nullptr;
};

const Fixture* fixture()
{
    static std::unique_ptr<Fixture> f = [] {
        auto x = std::make_unique<Fixture>();
        const auto root = std::filesystem::path(TA_TEST_DIR) / "..";
        x->model = ta::io::loadModel(root / "assets/models/neck-shoulder.glb");
        x->data = ta::core::ReferralData::load(root / "assets/data");
        x->atlas = std::make_unique<ta::core::ReferralAtlas>(ta::core::ReferralAtlas::build(x->data, x->model));
        x->skin = &x->model.get(x->model.find("skin"))->mesh;
        return x;
    }();
    return f.get();
}

/// Everything needed to show all trigger points' zones on the skin: region weights, then every map.
void BM_ReferralMapsAllTriggerPointsOnSkin(benchmark::State& state)
{
    const Fixture* f = nullptr;
    try {
        f = fixture();
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    ta::core::ReferralMap map;
    for (auto _ : state) {
        const ta::core::ReferralProjector proj(*f->atlas, *f->skin);
        for (std::size_t t = 0; t < f->atlas->triggerPoints().size(); ++t) {
            proj.mapInto(t, map);
            benchmark::DoNotOptimize(map.essential.data());
        }
    }
    state.counters["vertices"] = static_cast<double>(f->skin->vertexCount());
    state.counters["trigger_points"] = static_cast<double>(f->atlas->triggerPoints().size());
}
BENCHMARK(BM_ReferralMapsAllTriggerPointsOnSkin)->Unit(benchmark::kMillisecond);

void BM_ReferralBuildAtlas(benchmark::State& state)
{
    const Fixture* f = nullptr;
    try {
        f = fixture();
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    for (auto _ : state) {
        auto atlas = ta::core::ReferralAtlas::build(f->data, f->model);
        benchmark::DoNotOptimize(atlas.triggerPoints().data());
    }
}
BENCHMARK(BM_ReferralBuildAtlas)->Unit(benchmark::kMillisecond);

void BM_ReferralLookupDrawing(benchmark::State& state)
{
    const Fixture* f = nullptr;
    try {
        f = fixture();
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    const ta::core::ReferralProjector proj(*f->atlas, *f->skin);
    const auto drawing = proj.regionMap(0);
    for (auto _ : state) {
        auto hits = ta::core::lookupDrawing(proj, drawing);
        benchmark::DoNotOptimize(hits.data());
    }
}
BENCHMARK(BM_ReferralLookupDrawing)->Unit(benchmark::kMillisecond);

} // namespace
