#include "core/referral/close_matches.h"

#include <algorithm>
#include <numeric>

namespace ta::core {

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::vector<std::string> closeMatches(std::string_view query, const std::vector<std::string>& candidates,
                                      std::size_t limit)
{
    const std::size_t maxDist = std::max<std::size_t>(2, query.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
        std::size_t d = editDistance(query, c);
        const bool contains = query.size() >= 3 &&
                              (c.find(query) != std::string::npos || query.find(c) != std::string_view::npos);
        if (contains)
            d = std::min(d, maxDist);
        if (d <= maxDist)
            scored.emplace_back(d, c);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [d, c] : scored) {
        if (out.size() >= limit)
            break;
        if (std::find(out.begin(), out.end(), c) == out.end())
            out.push_back(c);
    }
    return out;
}

} // namespace ta::core
