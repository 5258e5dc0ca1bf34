#include "core/referral/reverse_lookup.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ta::core {
namespace {

constexpr float kSpilloverWeight = 0.5f;
constexpr float kBeta2 = 4.0f; // F-beta with beta = 2: explaining the drawing matters more than zone fill

struct Sums {
    double drawn = 0, essential = 0, ce = 0, cs = 0;
    void add(double area, float d, float e, float s)
    {
        const float covE = std::min(d, e);
        const float covS = std::min(d - covE, s);
        drawn += area * d;
        essential += area * e;
        ce += area * covE;
        cs += area * covS;
    }
};

float confidenceFactor(Confidence c)
{
    switch (c) {
    case Confidence::High: return 1.0f;
    case Confidence::Medium: return 0.9f;
    case Confidence::Low: return 0.8f;
    }
    return 1.0f;
}

std::string percent(double x)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * x);
    return buf;
}

std::string joined(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + x;
    return s;
}

LookupHit scoreHit(const ReferralData& data, SidedIndex tp, const Sums& s)
{
    LookupHit h;
    h.triggerPoint = tp;
    if (s.drawn <= 0.0)
        return h;
    const double explained = s.ce + kSpilloverWeight * s.cs;
    const double recall = explained / s.drawn;
    const double precisionDen = s.essential + kSpilloverWeight * s.cs;
    const double precision = precisionDen > 0.0 ? explained / precisionDen : 0.0;
    h.essentialCoverage = static_cast<float>(s.ce / s.drawn);
    h.spilloverCoverage = static_cast<float>(s.cs / s.drawn);
    h.zoneFill = s.essential > 0.0 ? static_cast<float>(s.ce / s.essential) : 0.0f;
    if (recall > 0.0 && precision > 0.0) {
        const double f = (1.0 + kBeta2) * precision * recall / (kBeta2 * precision + recall);
        h.score = static_cast<float>(f) * confidenceFactor(data.triggerPoints[tp.index].confidence);
    }
    return h;
}

void writeReason(const ReferralData& data, LookupHit& h)
{
    const TriggerPointRecord& rec = data.triggerPoints[h.triggerPoint.index];
    std::string r;
    if (h.essentialCoverage > 0.0f) {
        r = "its essential zone covers " + percent(h.essentialCoverage) + " of the drawing";
        if (!h.essentialRegions.empty())
            r += " (" + joined(h.essentialRegions) + ")";
    } else {
        r = "its essential zone misses the drawing";
    }
    if (h.spilloverCoverage > 0.0f) {
        r += h.essentialCoverage > 0.0f ? "; its spillover zone adds " : "; its spillover zone covers ";
        r += percent(h.spilloverCoverage);
        if (h.essentialCoverage <= 0.0f)
            r += " of it";
        if (!h.spilloverRegions.empty())
            r += " (" + joined(h.spilloverRegions) + ")";
    }
    if (h.essentialCoverage > 0.0f)
        r += "; the drawing fills " + percent(h.zoneFill) + " of its essential zone";
    if (rec.confidence != Confidence::High)
        r += "; confidence " + std::string(toString(rec.confidence));
    if (!rec.disagreements.empty())
        r += "; sources disagree (" + rec.disagreements.front().topic + ")";
    h.reason = r;
}

void sortHits(const ReferralData& data, std::vector<LookupHit>& hits)
{
    std::stable_sort(hits.begin(), hits.end(), [&](const LookupHit& a, const LookupHit& b) {
        if (a.score != b.score)
            return a.score > b.score;
        const auto ca = data.triggerPoints[a.triggerPoint.index].confidence;
        const auto cb = data.triggerPoints[b.triggerPoint.index].confidence;
        if (ca != cb)
            return ca < cb;
        return data.triggerPointKey(a.triggerPoint) < data.triggerPointKey(b.triggerPoint);
    });
}

} // namespace

std::vector<LookupHit> lookupRegions(const ReferralData& data, const std::vector<SidedIndex>& drawing)
{
    std::vector<SidedIndex> drawn;
    for (const auto& r : drawing)
        if (std::find(drawn.begin(), drawn.end(), r) == drawn.end())
            drawn.push_back(r);
    std::vector<LookupHit> hits;
    if (drawn.empty())
        return hits;
    for (std::uint32_t i = 0; i < data.triggerPoints.size(); ++i) {
        const TriggerPointRecord& rec = data.triggerPoints[i];
        if (!rec.refersPain)
            continue;
        for (Side side : {Side::Left, Side::Right}) {
            const auto ess = data.zoneRegions(rec.essential, side);
            const auto spill = data.zoneRegions(rec.spillover, side);
            auto in = [](const std::vector<SidedIndex>& v, SidedIndex r) {
                return std::find(v.begin(), v.end(), r) != v.end();
            };
            Sums s;
            std::vector<std::string> essNames, spillNames;
            for (const auto& r : drawn) {
                const bool e = in(ess, r);
                const bool sp = in(spill, r);
                s.add(1.0, 1.0f, e ? 1.0f : 0.0f, sp ? 1.0f : 0.0f);
                if (e)
                    essNames.push_back(data.regions[r.index].id);
                else if (sp)
                    spillNames.push_back(data.regions[r.index].id);
            }
            // Essential regions that were not drawn still count toward the zone's size.
            for (const auto& r : ess)
                if (!in(drawn, r))
                    s.essential += 1.0;
            LookupHit h = scoreHit(data, {i, side}, s);
            if (h.score <= 0.0f)
                continue;
            h.essentialRegions = std::move(essNames);
            h.spilloverRegions = std::move(spillNames);
            writeReason(data, h);
            hits.push_back(std::move(h));
        }
    }
    sortHits(data, hits);
    return hits;
}

std::vector<LookupHit> lookupDrawing(const ReferralProjector& skin, std::span<const float> intensity)
{
    std::vector<LookupHit> hits;
    const ReferralAtlas& atlas = skin.atlas();
    const ReferralData& data = atlas.data();
    if (intensity.size() != skin.vertexCount())
        return hits;
    const auto& areas = skin.vertexAreas();
    ReferralMap map;
    for (std::size_t t = 0; t < atlas.triggerPoints().size(); ++t) {
        const auto& inst = atlas.triggerPoints()[t];
        if (!atlas.record(inst).refersPain)
            continue;
        skin.mapInto(t, map);
        Sums s;
        for (std::size_t v = 0; v < intensity.size(); ++v) {
            const float d = std::clamp(std::isfinite(intensity[v]) ? intensity[v] : 0.0f, 0.0f, 1.0f);
            s.add(areas[v], d, map.essential[v], map.spillover[v]);
        }
        LookupHit h = scoreHit(data, inst.key, s);
        if (h.score <= 0.0f)
            continue;
        writeReason(data, h);
        hits.push_back(std::move(h));
    }
    sortHits(data, hits);
    return hits;
}

} // namespace ta::core
