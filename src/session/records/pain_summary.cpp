#include "session/records/pain_summary.h"

#include "core/bodymap/pain_drawing.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ta::session {
namespace {

constexpr double kCm2PerM2 = 1.0e4;
constexpr float kMember = 0.5f; ///< region weight from which a vertex counts as inside the region

} // namespace

PainSummary summarisePain(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                          const std::vector<core::PainMark>& marks)
{
    PainSummary out;
    const auto skin = model.find("skin");
    const core::Structure* s = model.get(skin);
    if (!s || marks.empty() || !catalog.loaded())
        return out;
    core::ReferralProjector* proj = catalog.projector(*skin);
    if (!proj)
        return out;
    // Per-vertex intensity 0..1 (the mark's NRS / 10, full to 60 % of its radius, then fading), the
    // strongest mark winning: times 10 it is the NRS felt there.
    const std::vector<float> pain = core::painIntensities(s->mesh, marks);
    const std::vector<float>& area = proj->vertexAreas();
    for (std::size_t v = 0; v < pain.size() && v < area.size(); ++v)
        if (pain[v] > 0.0f)
            out.areaCm2 += area[v] * kCm2PerM2;
    const auto& regions = catalog.atlas().regions();
    for (std::uint32_t r = 0; r < regions.size(); ++r) {
        const core::SparseWeights& w = proj->region(r);
        RegionPain rp;
        double regionArea = 0.0;
        float peak = 0.0f;
        for (std::size_t k = 0; k < w.vertices.size(); ++k) {
            const std::uint32_t v = w.vertices[k];
            if (w.weights[k] < kMember || v >= pain.size())
                continue;
            regionArea += area[v];
            if (pain[v] > 0.0f) {
                rp.areaCm2 += area[v] * kCm2PerM2;
                peak = std::max(peak, pain[v]);
            }
        }
        const int nrs = static_cast<int>(std::lround(peak * static_cast<float>(core::kMaxSeverity)));
        if (rp.areaCm2 <= 0.0 || nrs == 0)
            continue; // only the faint fringe of a mark reaches this region
        rp.region = r;
        rp.key = catalog.data().regionKey(regions[r].key);
        rp.name = catalog.regionInstanceName(r);
        rp.peakIntensity = nrs;
        rp.coverage = regionArea > 0.0 ? std::min(1.0, rp.areaCm2 / (regionArea * kCm2PerM2)) : 0.0;
        out.regions.push_back(std::move(rp));
    }
    std::sort(out.regions.begin(), out.regions.end(), [](const RegionPain& a, const RegionPain& b) {
        return a.peakIntensity != b.peakIntensity ? a.peakIntensity > b.peakIntensity : a.areaCm2 > b.areaCm2;
    });
    return out;
}

std::vector<std::string> regionsUnderMark(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                          const core::PainMark& mark)
{
    std::vector<std::string> keys;
    for (const RegionPain& r : summarisePain(model, catalog, {mark}).regions)
        keys.push_back(r.key);
    return keys;
}

std::optional<RegionMarkPlace> placeOfRegion(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                             std::uint32_t regionIndex)
{
    const auto skin = model.find("skin");
    const core::Structure* s = model.get(skin);
    core::ReferralProjector* proj = s ? catalog.projector(*skin) : nullptr;
    if (!proj)
        return std::nullopt;
    const core::SparseWeights& w = proj->region(regionIndex);
    glm::dvec3 sum{0.0};
    double total = 0.0, areaM2 = 0.0;
    for (std::size_t k = 0; k < w.vertices.size(); ++k) {
        const std::uint32_t v = w.vertices[k];
        if (w.weights[k] < kMember || v >= s->mesh.positions.size())
            continue;
        const double a = proj->vertexAreas()[v];
        sum += glm::dvec3(s->mesh.positions[v]) * a;
        total += a;
        areaM2 += a;
    }
    if (total <= 0.0)
        return std::nullopt;
    // The skin vertex nearest the weighted centre (the centre itself may lie inside the head).
    const glm::vec3 centre(sum / total);
    glm::vec3 best = s->mesh.positions[w.vertices.front()];
    float bestD = 1e9f;
    for (std::size_t k = 0; k < w.vertices.size(); ++k) {
        const glm::vec3 p = s->mesh.positions[w.vertices[k]];
        const float d = glm::distance(p, centre);
        if (w.weights[k] >= kMember && d < bestD) {
            bestD = d;
            best = p;
        }
    }
    RegionMarkPlace place;
    place.position = best;
    place.radius = std::clamp(static_cast<float>(std::sqrt(areaM2 / std::numbers::pi)), 0.01f, 0.05f);
    return place;
}

} // namespace ta::session
