#include "core/study/name_match.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

namespace ta::core::study {

std::size_t damerauLevenshtein(std::string_view a, std::string_view b)
{
    // Three rows of the dynamic programme: d[i-2], d[i-1], d[i].
    const std::size_t n = b.size();
    std::vector<std::size_t> twoBack(n + 1), prev(n + 1), cur(n + 1);
    for (std::size_t j = 0; j <= n; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= n; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], twoBack[j - 2] + 1);
        }
        std::swap(twoBack, prev);
        std::swap(prev, cur);
    }
    return prev[n];
}

std::string normaliseName(std::string_view name)
{
    static constexpr std::array<std::string_view, 11> kDropped = {
        "left", "right", "sinister", "sinistra", "dexter", "dextra", "musculus", "musculi", "muscle", "m", "the"};
    std::string out;
    std::string word;
    const auto flush = [&] {
        if (!word.empty() && std::find(kDropped.begin(), kDropped.end(), word) == kDropped.end())
            out += (out.empty() ? "" : " ") + word;
        word.clear();
    };
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalpha(c) || c >= 0x80) // UTF-8 letters (accents) kept as bytes
            word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        else
            flush();
    }
    flush();
    return out;
}

std::size_t allowedEdits(std::size_t length)
{
    if (length <= 3)
        return 0;
    if (length <= 7)
        return 1;
    return std::min<std::size_t>(4, 1 + (length - 7) / 6);
}

NameMatch matchName(std::string_view typed, const std::vector<std::string>& names)
{
    NameMatch best;
    best.distance = std::numeric_limits<std::size_t>::max();
    const std::string t = normaliseName(typed);
    if (t.empty())
        return best;
    for (const auto& name : names) {
        const std::string n = normaliseName(name);
        if (n.empty())
            continue;
        const std::size_t d = damerauLevenshtein(t, n);
        if (d < best.distance) {
            best.distance = d;
            best.closest = name;
        }
    }
    best.matched = !best.closest.empty() && best.distance <= allowedEdits(t.size());
    return best;
}

} // namespace ta::core::study
