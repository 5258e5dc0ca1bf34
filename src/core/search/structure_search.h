#pragma once
// Finding structures by what a person types: "levator" finds levator-scapulae-left and -right, "upper trap"
// finds the descending part of trapezius, "sternocleido" and "scm" find sternocleidomastoid, "trapezus"
// (a typo) still finds trapezius. Ranking: prefix of the whole id or name > every word matched >
// fuzzy (a letter or two wrong). Case and punctuation are ignored.
#include "core/anatomy_model.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

/// Better kinds compare greater.
enum class MatchKind : std::uint8_t { Fuzzy = 1, Word = 2, Prefix = 3 };

struct SearchHit {
    StructureId structure;
    MatchKind kind = MatchKind::Fuzzy;
    int edits = 0; ///< letters wrong (fuzzy matches only)
};

class StructureSearch {
public:
    StructureSearch() = default;
    /// Indexes id, English name, Latin name and common clinical names of every structure.
    explicit StructureSearch(const AnatomyModel& model);

    /// Best matches first, at most `limit`. An empty or blank query finds nothing. Never throws.
    std::vector<SearchHit> find(std::string_view query, std::size_t limit = 20) const;

    /// Lowercase, every run of non-alphanumerics turned into one space, trimmed: "Levator-Scapulae (L)"
    /// -> "levator scapulae l".
    static std::string normalise(std::string_view text);

private:
    struct Entry {
        StructureId structure;
        std::string id;                  ///< for ordering ties
        std::vector<std::string> texts;  ///< normalised id, name, latin and aliases
        std::vector<std::string> words;  ///< every word of every text
    };
    std::vector<Entry> m_entries;
};

/// Common clinical names for a structure id ("upper trapezius" for trapezius-descending-left ...),
/// without the side; empty when there are none.
std::vector<std::string_view> commonNamesFor(std::string_view structureId);

} // namespace ta::core
