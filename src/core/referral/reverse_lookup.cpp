#include "core/referral/reverse_lookup.h"

#include "core/referral/lookup_reason.h"
#include "core/referral/zone_overlap.h"

#include <algorithm>
#include <array>

namespace ta::core {
namespace {

constexpr double kBeta2 = 4.0;          // F-beta with beta = 2: explaining the drawing matters more than zone fill
constexpr double kBilateralShare = 0.2; // each side must hold this share of the drawing to be explained per side
constexpr double kNamedShare = 0.05;    // a region is named in the reason when it explains this share
constexpr double kGuideWeight = 0.5;
constexpr float kMinExplained = 0.02f;  // a hit must explain at least this share of the drawing

float confidenceFactor(Confidence c)
{
    switch (c) {
    case Confidence::High: return 1.0f;
    case Confidence::Medium: return 0.9f;
    case Confidence::Low: return 0.8f;
    }
    return 1.0f;
}

/// One trigger-point copy scored against one part of the drawing (fractions of that part).
struct SideScore {
    float zone = 0.0f, essential = 0.0f, spillover = 0.0f, fill = 0.0f;
    std::vector<std::string> essentialRegions, spilloverRegions;
};

SideScore scoreOf(const OverlapSums& s, Confidence conf)
{
    SideScore out;
    if (s.drawn <= 0.0)
        return out;
    const double explained = s.ce + ZoneOverlap::kSpilloverWeight * s.cs;
    const double recall = explained / s.drawn;
    const double precisionDen = s.essential + ZoneOverlap::kSpilloverWeight * s.cs;
    const double precision = precisionDen > 0.0 ? explained / precisionDen : 0.0;
    out.essential = static_cast<float>(s.ce / s.drawn);
    out.spillover = static_cast<float>(s.cs / s.drawn);
    out.fill = s.essential > 0.0 ? static_cast<float>(std::min(1.0, s.ce / s.essential)) : 0.0f;
    if (recall > 0.0 && precision > 0.0)
        out.zone = static_cast<float>((1.0 + kBeta2) * precision * recall / (kBeta2 * precision + recall)) * confidenceFactor(conf);
    return out;
}

void addUnique(std::vector<std::string>& to, const std::vector<std::string>& from)
{
    for (const auto& x : from)
        if (std::find(to.begin(), to.end(), x) == to.end())
            to.push_back(x);
}

/// The share of the drawing inside each area of the guide (both sides' footprints), scaled so that the
/// shares sum to at most 1 where areas overlap.
std::vector<double> areaShares(const ReferralProjector& skin, const ProjectedDrawing& drawing, const PainGuide& guide,
                               ZoneOverlap& zone)
{
    const ReferralAtlas& atlas = skin.atlas();
    std::vector<double> shares;
    double sum = 0.0;
    for (const auto& area : guide.areas) {
        std::vector<std::uint32_t> regions;
        for (const auto& id : area.regions)
            if (const auto r = atlas.data().findRegion(id))
                for (Side side : {Side::Left, Side::Right})
                    if (const auto inst = atlas.regionIndex({*r, side}))
                        regions.push_back(*inst);
        zone.loadRegions(regions);
        const OverlapSums s = zone.sums(drawing, [](std::uint32_t) { return true; });
        shares.push_back(s.drawn > 0.0 ? s.ce / s.drawn : 0.0);
        sum += shares.back();
    }
    if (sum > 1.0)
        for (double& x : shares)
            x /= sum;
    return shares;
}

void applyGuide(const ReferralData& data, const PainGuide& guide, const std::vector<double>& shares, LookupHit& h)
{
    const TriggerPointRecord& rec = data.triggerPoints[h.triggerPoint.index];
    double g = 0.0, total = 0.0;
    for (std::size_t a = 0; a < guide.areas.size(); ++a) {
        total += shares[a];
        const PainGuideEntry* e = shares[a] > 0.0 ? guide.areas[a].entryFor(rec) : nullptr;
        if (!e)
            continue;
        g += shares[a] * confidenceFactor(e->confidence) / (1.0 + 0.25 * (e->rank - 1));
        if (shares[a] >= 2.0 * kNamedShare)
            h.guide.push_back({guide.areas[a].id, guide.areas[a].name, e->label, e->rank, guide.areas[a].listed,
                               static_cast<float>(shares[a])});
    }
    std::stable_sort(h.guide.begin(), h.guide.end(), [](const GuideMention& x, const GuideMention& y) { return x.share > y.share; });
    h.guideScore = static_cast<float>(g);
    h.score = static_cast<float>(h.zoneScore * (1.0 + kGuideWeight * g) / (1.0 + kGuideWeight * std::min(1.0, total)));
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

std::vector<std::uint32_t> instancesOf(const ReferralAtlas& atlas, const LookupHit& hit)
{
    std::vector<std::uint32_t> out;
    if (const auto id = atlas.triggerPointIndex(hit.triggerPoint))
        out.push_back(id->value);
    if (hit.bothSides)
        if (const auto other = atlas.triggerPointIndex(SidedIndex{hit.triggerPoint.index, Side::Right}))
            out.push_back(other->value);
    return out;
}

std::vector<LookupHit> lookupDrawing(const ReferralProjector& skin, std::span<const float> intensity)
{
    return lookupDrawing(skin, intensity, skin.atlas().data().painGuide);
}

std::vector<LookupHit> lookupDrawing(const ReferralProjector& skin, std::span<const float> intensity, const PainGuide& guide)
{
    std::vector<LookupHit> hits;
    const ReferralAtlas& atlas = skin.atlas();
    const ReferralData& data = atlas.data();
    const ProjectedDrawing drawing(skin, intensity);
    if (drawing.drawn.empty())
        return hits;
    const auto& sides = skin.vertexSides();
    const auto& areas = skin.vertexAreas();
    std::array<double, 3> bySide{}; // right, midline, left
    for (std::uint32_t v : drawing.drawn)
        bySide[static_cast<std::size_t>(sides[v] + 1)] += static_cast<double>(areas[v]) * drawing.intensity[v];
    const double total = bySide[0] + bySide[1] + bySide[2];
    const bool bilateral = bySide[0] >= kBilateralShare * total && bySide[2] >= kBilateralShare * total;
    // Per side: the part of the drawing a side's trigger points explain, and its share of the drawing.
    const double leftPart = bySide[1] + bySide[2], rightPart = bySide[0] + bySide[1];
    auto share = [&](Side s) { return bilateral ? (s == Side::Left ? leftPart : rightPart) / (leftPart + rightPart) : 1.0; };
    auto inPart = [&](Side s) {
        return [&sides, bilateral, s](std::uint32_t v) { return !bilateral || (s == Side::Left ? sides[v] >= 0 : sides[v] <= 0); };
    };

    ZoneOverlap zone(skin);
    const std::vector<double> guideShares = areaShares(skin, drawing, guide, zone);
    auto named = [&](const std::vector<std::uint32_t>& regions, std::vector<std::string>& out) {
        for (std::uint32_t r : regions)
            if (zone.regionOverlap(drawing, r) >= kNamedShare * total)
                addUnique(out, {atlas.record(atlas.regions()[r]).id});
    };
    for (std::uint32_t i = 0; i < data.triggerPoints.size(); ++i) {
        const TriggerPointRecord& rec = data.triggerPoints[i];
        if (!rec.refersPain)
            continue;
        std::array<SideScore, 2> sc; // left, right
        for (Side side : {Side::Left, Side::Right}) {
            const auto inst = atlas.triggerPointIndex(SidedIndex{i, side});
            if (!inst)
                continue;
            const std::uint32_t one[] = {inst->value};
            zone.load(one);
            SideScore& s = sc[side == Side::Left ? 0 : 1];
            s = scoreOf(zone.sums(drawing, inPart(side)), rec.confidence);
            if (s.zone <= 0.0f)
                continue;
            const TriggerPointInstance& t = atlas.triggerPoints()[inst->value];
            if (s.essential > 0.0f)
                named(t.essential, s.essentialRegions);
            if (s.spillover > 0.0f)
                named(t.spillover, s.spilloverRegions);
        }
        auto hitOf = [&](std::initializer_list<Side> of) {
            LookupHit h;
            h.triggerPoint = {i, *of.begin()};
            h.bothSides = of.size() == 2;
            for (Side side : of) {
                const SideScore& s = sc[side == Side::Left ? 0 : 1];
                const auto w = static_cast<float>(share(side));
                h.zoneScore += w * s.zone;
                h.essentialCoverage += w * s.essential;
                h.spilloverCoverage += w * s.spillover;
                h.zoneFill += s.fill / static_cast<float>(of.size());
                addUnique(h.essentialRegions, s.essentialRegions);
                addUnique(h.spilloverRegions, s.spilloverRegions);
            }
            if (h.essentialCoverage + ZoneOverlap::kSpilloverWeight * h.spilloverCoverage < kMinExplained)
                return; // a zone that grazes the drawing's soft edge explains nothing a therapist would act on
            applyGuide(data, guide, guideShares, h);
            const bool oneOfTwo = bilateral && !h.bothSides;
            h.reason = lookupReason(data, h, guide.source, oneOfTwo ? std::string(toString(h.triggerPoint.side)) : "");
            hits.push_back(std::move(h));
        };
        const bool left = sc[0].zone > 0.0f, right = sc[1].zone > 0.0f;
        if (bilateral && left && right) {
            hitOf({Side::Left, Side::Right});
        } else {
            if (left)
                hitOf({Side::Left});
            if (right)
                hitOf({Side::Right});
        }
    }
    sortHits(data, hits);
    return hits;
}

} // namespace ta::core
