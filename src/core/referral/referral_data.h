#pragma once
// The clinical data set: muscles, regions and trigger points, loaded and cross-checked from the three
// JSON files of assets/data/, and the pain guide (S4) when the folder has one. Pure data: no geometry is
// resolved here (see ReferralAtlas).
#include "core/referral/pain_guide.h"
#include "core/referral/referral_records.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

/// One side's copy of a region or trigger point: index into the record list plus the side (Left/Right).
struct SidedIndex {
    std::uint32_t index = 0;
    Side side = Side::Left;
    friend bool operator==(SidedIndex, SidedIndex) = default;
};

class ReferralData {
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr const char* kMusclesFile = "muscles.json";
    static constexpr const char* kRegionsFile = "regions.json";
    static constexpr const char* kTriggerPointsFile = "trigger-points.json";

    std::vector<MuscleRecord> muscles;
    std::vector<RegionRecord> regions;
    std::vector<TriggerPointRecord> triggerPoints;
    std::map<std::string, std::string> sources; ///< key ("S1") -> citation
    PainGuide painGuide; ///< the per-area muscle order of pain-guide.json; no areas when the folder has none

    /// Load and validate `dir`/{muscles,regions,trigger-points}.json and, when present, `dir`/pain-guide.json.
    /// Throws IoError (missing file), ParseError (bad JSON) or ValidationError (schema, unknown ids),
    /// each naming the file and the key.
    static ReferralData load(const std::filesystem::path& dir);

    /// Index of the region with this id or alias; nullopt when unknown.
    std::optional<std::uint32_t> findRegion(std::string_view idOrAlias) const;
    std::optional<std::uint32_t> findMuscle(std::string_view id) const;
    std::optional<std::uint32_t> findTriggerPoint(std::string_view id) const;

    /// Stable instance names: "temple-left", "trapezius.upper.trp1-right".
    std::string regionKey(SidedIndex r) const;
    std::string triggerPointKey(SidedIndex t) const;

    /// Region instances of one zone list for a trigger point on `side` (Opposite/Both resolved).
    std::vector<SidedIndex> zoneRegions(const std::vector<ZoneRef>& zone, Side side) const;
};

} // namespace ta::core
