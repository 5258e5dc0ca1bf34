#pragma once
// The head-and-neck pain guide (S4, assets/data/pain-guide.json): for each area of pain, the muscles whose
// trigger points most often cause it, in the guide's order. The reverse lookup weighs that order alongside
// the zone overlap (see reverse_lookup.h). Plain records; loaded and cross-checked against the rest of the
// clinical data by ReferralData::load.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ta::core {

class ReferralData;
struct TriggerPointRecord;
enum class Confidence : std::uint8_t;

struct PainGuideEntry {
    int rank = 0;            ///< the guide's position in its area, 1 = named first
    std::string label;       ///< the guide's wording, e.g. "Trapezius (TrP1)"
    std::string muscle;      ///< MuscleRecord id
    std::vector<std::string> triggerPoints; ///< TriggerPointRecord ids of that muscle; empty = all of them
    Confidence confidence{};
    std::vector<std::string> sources;
    std::string notes;
};

struct PainGuideArea {
    std::string id;                   ///< e.g. "temporal-headache"
    std::string name;                 ///< e.g. "Temporal headache"
    std::vector<std::string> regions; ///< canonical region ids whose footprint makes up the area
    int listed = 0;                   ///< how many muscles the guide names for it (ranks 1..listed)
    Confidence confidence{};
    std::vector<std::string> sources;
    std::vector<PainGuideEntry> entries; ///< by rank; ranks of muscles not in the data are left out
    std::string notes;

    /// The best-ranked entry that names trigger point `tp`; null when the area does not list it.
    const PainGuideEntry* entryFor(const TriggerPointRecord& tp) const;
};

struct PainGuide {
    static constexpr const char* kFile = "pain-guide.json";
    std::string source; ///< the source key of the guide ("S4")
    std::vector<PainGuideArea> areas;

    /// Reads and validates `file` against `data` (muscle, trigger-point, region and source ids must exist;
    /// ranks unique, within 1..listed, ascending). Throws IoError, ParseError or ValidationError naming the
    /// file and the key, e.g. "pain-guide.json: areas[toothache].muscles[0].muscle: unknown muscle ...".
    static PainGuide load(const std::filesystem::path& file, const ReferralData& data);
};

} // namespace ta::core
