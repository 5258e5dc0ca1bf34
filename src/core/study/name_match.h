#pragma once
// Typed anatomical names, matched with tolerance for small misspellings ("sternocleidomastiod" still
// names the sternocleidomastoid). Names are normalised first (lower case, punctuation and the words that
// only say the side or "muscle" dropped), then compared by the optimal-string-alignment form of the
// Damerau-Levenshtein distance: insert, delete, substitute and swap two neighbouring letters each cost 1.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core::study {

/// Edits (insert, delete, substitute, adjacent transposition) from `a` to `b`, bytes compared.
std::size_t damerauLevenshtein(std::string_view a, std::string_view b);

/// "Left M. sternocleidomastoid (sternal head)" -> "sternocleidomastoid sternal head": lower case ASCII,
/// non-letters become single spaces, and the words left, right, sinister/sinistra, dexter/dextra, musculus,
/// musculi, muscle and "m" are dropped.
std::string normaliseName(std::string_view name);

/// How many edits a typed answer of normalised length `length` may contain: none up to 3 letters, one up
/// to 7, then one per 6 letters (at most 4).
std::size_t allowedEdits(std::size_t length);

/// The name of `names` closest to `typed` (both normalised) by whole-name edit distance; matched when
/// the distance is within allowedEdits(normalised typed length). A part of a name does not match
/// ("trapezius" is not "upper trapezius"): the student names the whole structure.
struct NameMatch {
    bool matched = false;
    std::size_t distance = 0; ///< to the closest name
    std::string closest;      ///< that name, as given
};
NameMatch matchName(std::string_view typed, const std::vector<std::string>& names);

} // namespace ta::core::study
