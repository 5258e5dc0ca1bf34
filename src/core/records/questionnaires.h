#pragma once
// Scoring of the questionnaires recorded with a session (our own implementation of the published rules).
//
// Neck Disability Index (NDI, Vernon & Mior): 10 items, each 0..5; total 0..50; per cent = total * 2.
// HIT-6 (Headache Impact Test): 6 items answered never / rarely / sometimes / very often / always, scored
// 6 / 8 / 10 / 11 / 13; total 36..78; bands 36-49 little or no impact, 50-55 some, 56-59 substantial,
// 60-78 severe.
//
// Both throw ta::ValidationError naming the item ("item 3: must be 0-5, got 7") for a wrong count or range.
#include <span>
#include <string_view>
#include <vector>

namespace ta::core::records {

inline constexpr int kNdiItems = 10;
inline constexpr int kNdiMaxItem = 5;
inline constexpr int kHit6Items = 6;

struct NdiScore {
    int total = 0;   ///< 0..50
    int percent = 0; ///< 0..100
};
/// `answers`: exactly 10 values 0..5. Throws ValidationError.
NdiScore scoreNdi(std::span<const int> answers);

enum class Hit6Band { LittleOrNone, Some, Substantial, Severe };
std::string_view toString(Hit6Band band); ///< "little or no impact", "some impact", ...

/// Points of a HIT-6 answer: an answer index 0..4 (never..always) becomes 6/8/10/11/13; the points
/// themselves (6, 8, 10, 11, 13) are accepted as they are. Throws ValidationError for anything else.
int hit6Points(int answer);

struct Hit6Score {
    int total = 0; ///< 36..78
    Hit6Band band = Hit6Band::LittleOrNone;
};
/// `answers`: exactly 6 answers, each an index 0..4 or points (see hit6Points). Throws ValidationError.
Hit6Score scoreHit6(std::span<const int> answers);
/// The band of a total 36..78. Throws ValidationError outside that range.
Hit6Band hit6Band(int total);

} // namespace ta::core::records
