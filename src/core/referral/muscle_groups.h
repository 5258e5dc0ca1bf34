#pragma once
// Lookup hits grouped by muscle, as a therapist reads them: each muscle once, its best trigger point first
// and its others behind it; muscles in the order of their best hit.
#include "core/referral/referral_data.h"
#include "core/referral/reverse_lookup.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ta::core {

struct MuscleGroup {
    std::uint32_t muscle = 0;      ///< index into ReferralData::muscles
    float score = 0.0f;            ///< the best hit's score
    std::vector<std::size_t> hits; ///< indices into the hits passed in, best first
};

/// Groups `hits` (best first, as lookupDrawing returns them) by muscle. Hits whose muscle is unknown are
/// left out. Never throws beyond std::bad_alloc.
std::vector<MuscleGroup> groupByMuscle(const ReferralData& data, const std::vector<LookupHit>& hits);

} // namespace ta::core
