#include "core/search/structure_search.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace ta::core {
namespace {

struct Alias {
    std::string_view prefix; ///< structure id prefix (before the side)
    std::string_view name;
};

// Names therapists use that are not in the anatomical names.
constexpr std::array<Alias, 22> kAliases{{
    {"trapezius-descending", "upper trapezius"},
    {"trapezius-transverse", "middle trapezius"},
    {"trapezius-ascending", "lower trapezius"},
    {"sternocleidomastoid", "scm"},
    {"sternocleidomastoid", "sternomastoid"},
    {"rectus-capitis-posterior", "suboccipital"},
    {"obliquus-capitis", "suboccipital"},
    {"obliquus-capitis-superior", "superior oblique"},
    {"obliquus-capitis-inferior", "inferior oblique"},
    {"scalenus-anterior", "anterior scalene"},
    {"scalenus-medius", "middle scalene"},
    {"scalenus-posterior", "posterior scalene"},
    {"levator-scapulae", "levator"},
    {"rhomboid", "rhomboids"},
    {"c1", "atlas"},
    {"c2", "axis"},
    {"skull", "cranium"},
    {"mandible", "jaw"},
    {"masseter", "jaw muscle"},
    {"temporalis", "temporal muscle"},
    {"frontalis", "forehead"},
    {"occipitalis", "occipital muscle"},
}};

bool startsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }

std::string_view sideOf(std::string_view id)
{
    if (id.ends_with("-left"))
        return "left";
    if (id.ends_with("-right"))
        return "right";
    return {};
}

std::vector<std::string> splitWords(const std::string& s)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t j = s.find(' ', i);
        const std::size_t end = j == std::string::npos ? s.size() : j;
        if (end > i)
            out.emplace_back(s.substr(i, end - i));
        i = end + 1;
    }
    return out;
}

/// Fewest edits (insert, delete, substitute, swap neighbours) turning `token` into some prefix of `word`.
int prefixEditDistance(std::string_view token, std::string_view word)
{
    const std::size_t m = token.size(), n = word.size();
    std::vector<std::vector<int>> d(m + 1, std::vector<int>(n + 1));
    for (std::size_t i = 0; i <= m; ++i)
        d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= n; ++j)
        d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= m; ++i)
        for (std::size_t j = 1; j <= n; ++j) {
            const int cost = token[i - 1] == word[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && token[i - 1] == word[j - 2] && token[i - 2] == word[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    int best = d[m][0];
    for (std::size_t j = 1; j <= n; ++j)
        best = std::min(best, d[m][j]);
    return best;
}

int allowedEdits(std::size_t tokenLength) { return tokenLength < 5 ? 0 : tokenLength < 8 ? 1 : 2; }

} // namespace

std::vector<std::string_view> commonNamesFor(std::string_view structureId)
{
    std::vector<std::string_view> out;
    for (const auto& a : kAliases)
        if (startsWith(structureId, a.prefix) &&
            (structureId.size() == a.prefix.size() || structureId[a.prefix.size()] == '-'))
            out.push_back(a.name);
    return out;
}

std::string StructureSearch::normalise(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool gap = false;
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            if (gap && !out.empty())
                out.push_back(' ');
            gap = false;
            out.push_back(static_cast<char>(std::tolower(c)));
        } else {
            gap = true;
        }
    }
    return out;
}

StructureSearch::StructureSearch(const AnatomyModel& model)
{
    for (std::size_t i = 0; i < model.structures.size(); ++i) {
        const Structure& s = model.structures[i];
        Entry e;
        e.structure = StructureId{static_cast<std::uint32_t>(i)};
        e.id = s.id;
        for (const std::string& t : {s.id, s.name, s.latin, s.fma})
            if (auto n = normalise(t); !n.empty())
                e.texts.push_back(std::move(n));
        const std::string_view side = sideOf(s.id);
        for (std::string_view alias : commonNamesFor(s.id)) {
            std::string aliasThenSide(alias);
            if (!side.empty())
                aliasThenSide.append(" ").append(side);
            e.texts.push_back(std::move(aliasThenSide));
            if (!side.empty()) {
                std::string sideThenAlias(side);
                e.texts.push_back(sideThenAlias.append(" ").append(alias));
            }
        }
        for (const auto& t : e.texts)
            for (auto& w : splitWords(t))
                if (std::find(e.words.begin(), e.words.end(), w) == e.words.end())
                    e.words.push_back(std::move(w));
        m_entries.push_back(std::move(e));
    }
}

std::vector<SearchHit> StructureSearch::find(std::string_view query, std::size_t limit) const
{
    const std::string q = normalise(query);
    if (q.empty() || limit == 0)
        return {};
    const std::vector<std::string> tokens = splitWords(q);

    struct Ranked {
        SearchHit hit;
        const Entry* entry;
    };
    std::vector<Ranked> ranked;
    for (const Entry& e : m_entries) {
        SearchHit hit{e.structure, MatchKind::Fuzzy, 0};
        bool prefix = false;
        for (const auto& t : e.texts)
            prefix = prefix || startsWith(t, q);
        if (prefix) {
            hit.kind = MatchKind::Prefix;
            ranked.push_back({hit, &e});
            continue;
        }
        bool allWords = true;
        int edits = 0;
        for (const auto& tok : tokens) {
            bool word = false;
            int bestEdits = allowedEdits(tok.size()) + 1;
            for (const auto& w : e.words) {
                if (startsWith(w, tok)) {
                    word = true;
                    break;
                }
                if (allowedEdits(tok.size()) > 0)
                    bestEdits = std::min(bestEdits, prefixEditDistance(tok, w));
            }
            if (word)
                continue;
            allWords = false;
            if (bestEdits > allowedEdits(tok.size())) {
                edits = -1;
                break;
            }
            edits += bestEdits;
        }
        if (allWords) {
            hit.kind = MatchKind::Word;
            ranked.push_back({hit, &e});
        } else if (edits >= 0) {
            hit.kind = MatchKind::Fuzzy;
            hit.edits = edits;
            ranked.push_back({hit, &e});
        }
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.hit.kind != b.hit.kind)
            return a.hit.kind > b.hit.kind;
        if (a.hit.edits != b.hit.edits)
            return a.hit.edits < b.hit.edits;
        if (a.entry->id.size() != b.entry->id.size())
            return a.entry->id.size() < b.entry->id.size(); // the shorter name is the closer match
        return a.entry->id < b.entry->id;
    });
    std::vector<SearchHit> out;
    for (std::size_t i = 0; i < ranked.size() && i < limit; ++i)
        out.push_back(ranked[i].hit);
    return out;
}

} // namespace ta::core
