#pragma once
// Reverse lookup: from a pain drawing on a projected mesh to the trigger points that could explain it,
// best first. One engine for every input: a brush drawing on the skin, or named regions painted as their
// footprint with a faint halo (core/referral/region_footprint.h), so a neighbouring zone counts in part.
//
// Zone score (per trigger point, on the part of the drawing on its side, see below), with the sums of
// ZoneOverlap (essential overlap ce, spillover-only overlap cs, all weighted by vertex area):
//   recall    = (ce + 0.5 cs) / drawn                       how much of the drawing the TrP explains
//   precision = (ce + 0.5 cs) / (essential area + 0.5 cs)   how much of its essential zone was drawn
//   zone      = F2(precision, recall) x confidence factor (H 1.0, M 0.9, L 0.8).
// Sides: a drawing with at least 20% of its area on each side (outside the midline band) is explained per
// side: each side's trigger points against that side's part (midline counted in both), each weighted by
// the part's share; a trigger point whose left and right copies both explain their side is one hit
// ("both sides", score the sum of the two). A one-sided drawing is scored whole against every copy.
// Pain guide (S4): where the drawing lies in an area of the guide (share m_a of the drawing inside the
// area's region footprint), a trigger point the guide lists there at rank k gets
//   g = sum_a m_a r(k) c,  r(k) = 1 / (1 + 0.25 (k - 1)),  c the entry's confidence factor
//   score = zone x (1 + 0.5 g) / (1 + 0.5 G),  G = sum_a m_a (at most 1)
// so the guide's order reorders close candidates but never makes a trigger point whose zones miss the
// drawing a hit; outside every area score = zone. Trigger points that refer no pain are never returned.
#include "core/referral/pain_guide.h"
#include "core/referral/referral_data.h"
#include "core/referral/referral_projector.h"

#include <span>
#include <string>
#include <vector>

namespace ta::core {

/// The pain guide's word on one hit: listed `rank`th of `listed` for area `area`.
struct GuideMention {
    std::string area;     ///< PainGuideArea id
    std::string areaName; ///< "Temporal headache"
    std::string label;    ///< the guide's wording, "Trapezius (TrP1)"
    int rank = 0;
    int listed = 0;
    float share = 0.0f;   ///< share of the drawing inside that area
};

struct LookupHit {
    SidedIndex triggerPoint;        ///< record index + side (for a both-sides hit: the left copy)
    bool bothSides = false;         ///< the left and right copies each explain their side of the drawing
    float score = 0.0f;             ///< in [0,1], higher is better: the zone score with the guide's order
    float zoneScore = 0.0f;         ///< the zone overlap alone
    float guideScore = 0.0f;        ///< g above, in [0,1]
    float essentialCoverage = 0.0f; ///< share of the drawing inside the essential zone
    float spilloverCoverage = 0.0f; ///< further share inside the spillover zone only
    float zoneFill = 0.0f;          ///< share of the essential zone that was drawn
    std::vector<std::string> essentialRegions; ///< region ids of the zone that explain >= 5% of the drawing
    std::vector<std::string> spilloverRegions;
    std::vector<GuideMention> guide; ///< the guide's areas that list it, where the drawing lies
    std::string reason;             ///< one readable sentence for a therapist
};

/// Ranks every trigger point against a per-vertex pain drawing on the mesh `skin` was built for
/// (intensities in [0,1], one per vertex), with the pain guide of the atlas' data. Returns hits with
/// score > 0, best first (ties: higher confidence, then id). A vector of the wrong size gives no hits.
std::vector<LookupHit> lookupDrawing(const ReferralProjector& skin, std::span<const float> intensity);
/// The same with another pain guide (an empty one ranks by the zones alone).
std::vector<LookupHit> lookupDrawing(const ReferralProjector& skin, std::span<const float> intensity, const PainGuide& guide);

/// The atlas trigger-point instances a hit stands for: one, or the left and right copies.
std::vector<std::uint32_t> instancesOf(const ReferralAtlas& atlas, const LookupHit& hit);

} // namespace ta::core
