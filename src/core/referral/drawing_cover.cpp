#include "core/referral/drawing_cover.h"

#include "core/referral/zone_overlap.h"

#include <algorithm>
#include <cstdio>

namespace ta::core {
namespace {

constexpr double kBeta2 = 4.0;
constexpr double kMinGain = 0.10; // each member must add this share of the drawing

/// One candidate's zones on the drawn vertices, and its essential zone as sparse weights.
struct Candidate {
    std::vector<float> essential, spillover; ///< per drawn vertex (same order as ProjectedDrawing::drawn)
    std::vector<std::uint32_t> zoneVertices;  ///< essential zone over the whole mesh
    std::vector<float> zoneWeights;
};

struct Evaluation {
    double explained = 0.0, drawn = 0.0, essentialArea = 0.0, cs = 0.0;
    double coverage() const { return drawn > 0.0 ? explained / drawn : 0.0; }
    double score() const
    {
        const double den = essentialArea + ZoneOverlap::kSpilloverWeight * cs;
        const double recall = coverage(), precision = den > 0.0 ? explained / den : 0.0;
        return recall > 0.0 && precision > 0.0 ? (1.0 + kBeta2) * precision * recall / (kBeta2 * precision + recall) : 0.0;
    }
};

class Evaluator {
public:
    Evaluator(const ReferralProjector& skin, const ProjectedDrawing& drawing, std::vector<Candidate> candidates)
        : m_skin(skin), m_drawing(drawing), m_candidates(std::move(candidates)), m_scratch(skin.vertexCount(), 0.0f)
    {
    }
    std::size_t size() const { return m_candidates.size(); }

    Evaluation evaluate(const std::vector<std::size_t>& set)
    {
        Evaluation e;
        const auto& areas = m_skin.vertexAreas();
        for (std::size_t k = 0; k < m_drawing.drawn.size(); ++k) {
            float ess = 0.0f, spill = 0.0f;
            for (std::size_t c : set) {
                ess = std::max(ess, m_candidates[c].essential[k]);
                spill = std::max(spill, m_candidates[c].spillover[k]);
            }
            const double a = areas[m_drawing.drawn[k]];
            const float d = m_drawing.intensity[m_drawing.drawn[k]];
            const float ce = std::min(d, ess), cs = std::min(d - ce, spill);
            e.drawn += a * d;
            e.explained += a * (ce + ZoneOverlap::kSpilloverWeight * cs);
            e.cs += a * cs;
        }
        for (std::size_t c : set) {
            const Candidate& cand = m_candidates[c];
            for (std::size_t i = 0; i < cand.zoneVertices.size(); ++i) {
                float& x = m_scratch[cand.zoneVertices[i]];
                if (x == 0.0f)
                    m_touched.push_back(cand.zoneVertices[i]);
                x = std::max(x, cand.zoneWeights[i]);
            }
        }
        for (std::uint32_t v : m_touched) {
            e.essentialArea += static_cast<double>(areas[v]) * m_scratch[v];
            m_scratch[v] = 0.0f;
        }
        m_touched.clear();
        return e;
    }

private:
    const ReferralProjector& m_skin;
    const ProjectedDrawing& m_drawing;
    std::vector<Candidate> m_candidates;
    std::vector<float> m_scratch;
    std::vector<std::uint32_t> m_touched;
};

std::vector<Candidate> candidatesOf(const ReferralProjector& skin, const ProjectedDrawing& drawing,
                                    const std::vector<LookupHit>& hits, std::size_t count)
{
    std::vector<Candidate> out;
    ZoneOverlap zone(skin);
    for (std::size_t h = 0; h < std::min(count, hits.size()); ++h) {
        const auto instances = instancesOf(skin.atlas(), hits[h]);
        zone.load(instances);
        Candidate c;
        for (std::uint32_t v : drawing.drawn) {
            c.essential.push_back(zone.essential(v));
            c.spillover.push_back(zone.spillover(v));
        }
        for (std::uint32_t t : instances)
            for (std::uint32_t r : skin.atlas().triggerPoints()[t].essential) {
                const SparseWeights& w = skin.region(r);
                c.zoneVertices.insert(c.zoneVertices.end(), w.vertices.begin(), w.vertices.end());
                c.zoneWeights.insert(c.zoneWeights.end(), w.weights.begin(), w.weights.end());
            }
        // A candidate that explains the drawing exactly as an earlier one does (semispinalis capitis levels
        // 1 and 2 on the temple) adds only a look-alike alternative: left out.
        const bool twin = std::any_of(out.begin(), out.end(), [&](const Candidate& o) {
            return o.essential == c.essential && o.spillover == c.spillover && o.zoneVertices.size() == c.zoneVertices.size();
        });
        if (twin) {
            c.essential.assign(c.essential.size(), 0.0f);
            c.spillover.assign(c.spillover.size(), 0.0f);
        }
        out.push_back(std::move(c));
    }
    return out;
}

bool isSubset(const std::vector<std::size_t>& small, const std::vector<std::size_t>& big)
{
    return std::all_of(small.begin(), small.end(), [&](std::size_t x) { return std::find(big.begin(), big.end(), x) != big.end(); });
}

struct Scored {
    std::vector<std::size_t> members;
    Evaluation eval;
};

} // namespace

std::vector<CoverSet> coverSets(const ReferralProjector& skin, std::span<const float> intensity,
                                const std::vector<LookupHit>& hits, std::size_t maxSets, std::size_t candidates)
{
    std::vector<CoverSet> out;
    const ProjectedDrawing drawing(skin, intensity);
    if (drawing.drawn.empty() || hits.empty() || maxSets == 0)
        return out;
    Evaluator eval(skin, drawing, candidatesOf(skin, drawing, hits, candidates));
    const std::size_t n = eval.size();
    std::vector<Scored> all;
    for (std::size_t a = 0; a < n; ++a) {
        all.push_back({{a}, eval.evaluate({a})});
    }
    // Each member must add kMinGain over the set without it.
    auto worthIt = [&](const std::vector<std::size_t>& set, const Evaluation& e) {
        for (std::size_t drop = 0; drop < set.size(); ++drop) {
            std::vector<std::size_t> rest;
            for (std::size_t k = 0; k < set.size(); ++k)
                if (k != drop)
                    rest.push_back(set[k]);
            if (e.coverage() - eval.evaluate(rest).coverage() < kMinGain)
                return false;
        }
        return true;
    };
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b) {
            const Evaluation e2 = eval.evaluate({a, b});
            if (worthIt({a, b}, e2))
                all.push_back({{a, b}, e2});
            for (std::size_t c = b + 1; c < n; ++c) {
                const Evaluation e3 = eval.evaluate({a, b, c});
                if (worthIt({a, b, c}, e3))
                    all.push_back({{a, b, c}, e3});
            }
        }
    std::stable_sort(all.begin(), all.end(), [](const Scored& x, const Scored& y) {
        const double sx = x.eval.score(), sy = y.eval.score();
        if (sx != sy)
            return sx > sy;
        return x.members.size() < y.members.size();
    });
    const auto makeSet = [&](const Scored& s) {
        CoverSet c;
        c.members = s.members;
        c.coverage = static_cast<float>(s.eval.coverage());
        c.score = static_cast<float>(s.eval.score());
        for (std::size_t m : c.members)
            for (const auto* list : {&hits[m].essentialRegions, &hits[m].spilloverRegions})
                for (const auto& r : *list)
                    if (std::find(c.regions.begin(), c.regions.end(), r) == c.regions.end())
                        c.regions.push_back(r);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * c.coverage);
        c.reason = std::string(c.members.size() > 1 ? "together they explain " : "it explains ") + buf + " of the drawing";
        if (!c.regions.empty()) {
            c.reason += " (";
            for (std::size_t i = 0; i < c.regions.size(); ++i)
                c.reason += (i ? ", " : "") + c.regions[i];
            c.reason += ")";
        }
        return c;
    };
    // No listed set holds another, either way: a set holding one already listed adds passengers to it, and
    // one inside a better set already listed (a single trigger point found after the pair that adds a second
    // one to it, each member worth kMinGain) is named there already.
    for (const Scored& s : all) {
        if (out.size() >= maxSets)
            break;
        if (s.eval.score() <= 0.0)
            continue;
        if (std::any_of(out.begin(), out.end(), [&](const CoverSet& c) {
                return isSubset(c.members, s.members) || isSubset(s.members, c.members);
            }))
            continue;
        out.push_back(makeSet(s));
    }
    return out;
}

} // namespace ta::core
