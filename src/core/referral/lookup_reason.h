#pragma once
// The readable sentence of a reverse-lookup hit: what its zones cover, how full its essential zone is,
// its confidence, what the pain guide says and which sides it explains. Written for a therapist.
#include "core/referral/reverse_lookup.h"

#include <string>

namespace ta::core {

/// "its essential zone covers 50% of the drawing (temple); its spillover zone adds 20% (retro-orbital);
/// the drawing fills 30% of its essential zone; the head-and-neck pain guide (S4) lists Trapezius (TrP1)
/// 1st of 6 for temporal headache". `onlySide` names the side a one-sided hit explains of a drawing on
/// both sides (empty otherwise).
std::string lookupReason(const ReferralData& data, const LookupHit& hit, const std::string& guideSource,
                         const std::string& onlySide);

/// "1st", "2nd", "3rd", "11th".
std::string ordinal(int n);

} // namespace ta::core
