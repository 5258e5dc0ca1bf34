#pragma once
// "Did you mean" suggestions for mistyped ids (regions, sides, trigger points) by edit distance.
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

/// Levenshtein distance (insert, delete, substitute each cost 1).
std::size_t editDistance(std::string_view a, std::string_view b);

/// Up to `limit` candidates closest to `query`: those within a distance of max(2, |query| / 3), or
/// containing it / contained in it, nearest first.
std::vector<std::string> closeMatches(std::string_view query, const std::vector<std::string>& candidates,
                                      std::size_t limit = 5);

} // namespace ta::core
