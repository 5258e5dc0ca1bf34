#pragma once
// FHIR R4 export of one session: a Bundle of type "collection" holding the Patient, the Encounter, one
// Observation per pain region (LOINC 72514-3, the region's peak NRS) and one Observation per finding
// (a myofascial trigger point on its muscle, active/latent and severity as components).
//
// Every entry's fullUrl is "urn:uuid:<uuid>" and every reference uses those fullUrls, so references
// resolve inside the bundle. Client, session and finding ids are the records' UUIDs; the pain-region
// observations get UUIDs derived from the session id, region and side (the same export twice gives the
// same bundle, apart from Bundle.timestamp).
#include "core/records/records.h"
#include "io/fhir/snomed_body_sites.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ta::io {

inline constexpr std::string_view kLoincSystem = "http://loinc.org";
inline constexpr std::string_view kLoincPainSeverity = "72514-3";
inline constexpr std::string_view kLoincPainSeverityDisplay =
    "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

/// Display text and, when known, the SNOMED CT code of a body site.
struct FhirBodySite {
    std::string display; ///< e.g. "Temple" or "Upper (descending) trapezius, left"
    std::optional<SnomedCoding> snomed;
};

/// What the records do not know: names and codes, filled by the caller from the model and data files.
struct FhirContext {
    std::map<std::string, FhirBodySite> regions;  ///< by region id as in PainMark::region / coveredRegions
    std::map<std::string, FhirBodySite> findings; ///< by FindingId::str(): the finding's muscle
    /// Offset of the session's local time from UTC, minutes (e.g. 60 for CET). Empty: the offset of this
    /// machine's time zone at the session's date and time.
    std::optional<int> utcOffsetMinutes;
    std::string timestamp; ///< Bundle.timestamp, UTC "YYYY-MM-DDTHH:MM:SSZ"; empty: now
};

/// The peak of the pain marks over one region (and side), as exported and reported.
struct PainRegionPeak {
    std::string region;                             ///< region id
    std::optional<core::records::Side> side;        ///< from region marks; empty for covered regions
    int peak = 0;                                   ///< 0..10, the highest intensity of its marks
    core::records::PainQuality quality = core::records::PainQuality::Aching; ///< of the peak mark
};

/// One entry per (region, side) of the session's pain marks (mark.region, else its coveredRegions), in
/// order of first appearance.
std::vector<PainRegionPeak> painRegionPeaks(const core::records::SessionRecord& session);

/// A carried-over finding (not yet confirmed) is exported with status "preliminary", the others "final".
/// Throws ArgumentError when the client or session has no valid UUID, or the session's date-time is
/// not a local "YYYY-MM-DDTHH:MM".
nlohmann::json sessionBundle(const core::records::Client& client, const core::records::SessionRecord& session,
                             const FhirContext& context);

} // namespace ta::io
