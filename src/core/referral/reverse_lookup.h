#pragma once
// Reverse lookup: from a pain drawing to the trigger points that could explain it, best first.
//
// Score (both inputs): per drawn element (a vertex with its area, or a region instance with weight 1)
//   covered by the essential zone   ce = min(drawn, essential)
//   covered only by the spillover   cs = min(drawn - ce, spillover)
// recall    = (sum ce + 0.5 sum cs) / sum drawn             how much of the drawing the TrP explains
// precision = (sum ce + 0.5 sum cs) / (sum essential + 0.5 sum cs)
//                                                           how much of its essential zone was drawn
// score     = F2(precision, recall) x confidence factor (H 1.0, M 0.9, L 0.8).
// Essential overlap counts twice as much as spillover; a zone far larger than the drawing loses precision
// (no reward for size alone); zones are sided, so a left TrP explains left-sided pain; a drawing on both
// sides is explained half by each side's TrP. Trigger points that refer no pain are never returned.
#include "core/referral/referral_data.h"
#include "core/referral/referral_projector.h"

#include <span>
#include <string>
#include <vector>

namespace ta::core {

struct LookupHit {
    SidedIndex triggerPoint;        ///< record index + side
    float score = 0.0f;             ///< in [0,1], higher is better
    float essentialCoverage = 0.0f; ///< share of the drawing inside the essential zone
    float spilloverCoverage = 0.0f; ///< further share inside the spillover zone only
    float zoneFill = 0.0f;          ///< share of the essential zone that was drawn
    std::vector<std::string> essentialRegions; ///< region ids matched (region lookup only)
    std::vector<std::string> spilloverRegions;
    std::string reason;             ///< one readable sentence for a therapist
};

/// Lookup from named regions, each on a side (Left or Right). Needs no geometry.
/// Returns hits with score > 0, best first (ties: higher confidence, then id).
std::vector<LookupHit> lookupRegions(const ReferralData& data, const std::vector<SidedIndex>& drawing);

/// Lookup from a per-vertex pain drawing on the mesh `skin` was built for (intensities in [0,1], one per
/// vertex). Returns hits with score > 0, best first. An intensity vector of the wrong size gives no hits.
std::vector<LookupHit> lookupDrawing(const ReferralProjector& skin, std::span<const float> intensity);

} // namespace ta::core
