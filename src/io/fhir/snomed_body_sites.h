#pragma once
// SNOMED CT body-structure codes for our region and muscle ids, from assets/data/snomed-body-sites.json.
// The file holds only codes we are certain of; an id without a code is exported with its text alone
// (never a guessed code). Format: assets/data/README.md.
#include <filesystem>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace ta::io {

inline constexpr std::string_view kSnomedSystem = "http://snomed.info/sct";

struct SnomedCoding {
    std::string code;    ///< SCTID, digits only
    std::string display; ///< the concept's preferred term, e.g. "Forehead structure"
    friend bool operator==(const SnomedCoding&, const SnomedCoding&) = default;
};

class SnomedBodySites {
public:
    /// Throws IoError, ParseError or ValidationError naming the file and key
    /// ("snomed-body-sites.json: regions.forehead.code: must be 6-18 digits").
    static SnomedBodySites load(const std::filesystem::path& file);
    static SnomedBodySites fromJson(const nlohmann::json& doc, const std::string& name);

    /// By region id of regions.json (no side suffix), e.g. "forehead".
    std::optional<SnomedCoding> region(std::string_view id) const;
    /// By muscle id of muscles.json, e.g. "trapezius-upper".
    std::optional<SnomedCoding> muscle(std::string_view id) const;

    const std::map<std::string, SnomedCoding, std::less<>>& regions() const { return m_regions; }
    const std::map<std::string, SnomedCoding, std::less<>>& muscles() const { return m_muscles; }

private:
    std::map<std::string, SnomedCoding, std::less<>> m_regions;
    std::map<std::string, SnomedCoding, std::less<>> m_muscles;
};

} // namespace ta::io
