#pragma once
// Small sets of trigger points that together explain a pain drawing over several areas ("temple and upper
// molars: temporalis ATrP3; or masseter with upper trapezius TrP1"), beside the one-at-a-time ranking.
// An exhaustive search over the best hits: every set of 1 to 3 of them is scored like one hit whose zones
// are the union of the members' (per-vertex maximum, essential and spillover apart), F2 of precision and
// recall as in reverse_lookup.h, without the guide. A set is kept only when each member adds at least 10%
// of the drawing that the others leave unexplained, and never as a superset of a set already chosen.
#include "core/referral/referral_projector.h"
#include "core/referral/reverse_lookup.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace ta::core {

struct CoverSet {
    std::vector<std::size_t> members; ///< indices into the hits passed in, in hit order (best first)
    float coverage = 0.0f;            ///< share of the drawing the members explain together (ce + 0.5 cs)
    float score = 0.0f;               ///< F2 of the union's precision and recall, in [0,1]
    std::vector<std::string> regions; ///< region ids of the members' zones that explain the drawing
    std::string reason;               ///< "together they explain 92% of the drawing (temple, upper-molars)"
};

/// At most `maxSets` alternative sets for the drawing `intensity` (one value per vertex of the mesh `skin`
/// was built for), from the first `candidates` of `hits` (as lookupDrawing returned them), best first. No
/// listed set holds another (a smaller set inside a better one already listed is left out). Empty without hits or drawing. Never throws.
std::vector<CoverSet> coverSets(const ReferralProjector& skin, std::span<const float> intensity,
                                const std::vector<LookupHit>& hits, std::size_t maxSets = 4, std::size_t candidates = 10);

} // namespace ta::core
