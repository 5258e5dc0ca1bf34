#pragma once
// Exchange of client records as JSON files, and import of body-map files (core/bodymap/body_map_json.h).
//
//   { "format": "trigger-atlas-client", "version": 1,
//     "client": { "id": uuid, "name": "...", "reference": "...", "dateOfBirth": "YYYY-MM-DD" | null,
//                 "contact": "...", "notes": "...",
//                 "consent": { "date": "YYYY-MM-DD", "agreed": "...", "recordedBy": "..." } | null,
//                 "createdAt": "...", "updatedAt": "..." },
//     "sessions": [ { "id": uuid, "dateTime": "YYYY-MM-DDTHH:MM", "reason": "...",
//                     "painBefore": 0..10 | null, "painAfter": 0..10 | null,
//                     "soap": { "subjective", "objective", "assessment", "plan" }, "techniques": [ "..." ],
//                     "signature": { "at": "...", "by": "..." } | null,
//                     "findings": [ { "id", "structure", "position": [x, y, z], "triggerPoint": "..." | null,
//                                     "state": "active" | "latent", "severity": 0..10, "note", "treated",
//                                     "technique", "treatedSeconds": n | null, "carriedOver" } ],
//                     "painMarks": [ { "id", "structure", "position", "radius", "intensity",
//                                      "quality": "aching" | ..., "region": ".." | null,
//                                      "side": "left" | "right" | "both" | null, "coveredRegions": [..],
//                                      "note" } ],
//                     "questionnaires": [ { "id", "kind": "ndi" | "hit-6", "answers": [..], "answeredAt" } ],
//                     "addenda": [ { "id", "at", "author", "text" } ] } ],
//     "journal": [ { "id", "date", "headache", "peakIntensity": n | null, "hours": h | null,
//                    "regions": [..], "triggers": [ "sleep" | "stress" | "screen-time" | ... ],
//                    "medication", "note" } ] }
//
// Positions are model-frame metres. Required keys: every "id", client.name, session.dateTime,
// finding.structure/position/severity, painMark.position/radius/intensity, journal date/headache,
// questionnaire kind/answers; the rest default. Unknown keys are ignored; a newer version is refused.
// Every id must be unique in the file. Import validates the whole file before writing anything.
#include "core/records/record_store.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace ta::core {
class BodyMap;
}

namespace ta::core::records {

inline constexpr std::string_view kClientFormat = "trigger-atlas-client";
inline constexpr int kClientFormatVersion = 1;

/// Deterministic, pretty-printed JSON.
std::string clientRecordToJson(const ClientRecord& record);
/// Parses and validates everything. `source` names the file in messages. Throws ParseError (not JSON)
/// or ValidationError ("<source>: sessions[0].findings[1].severity: must be an integer 0-10, got 12").
ClientRecord clientRecordFromJson(std::string_view text, const std::string& source);

/// Writes the client's record atomically (temporary + rename), mode 0600. Throws ValidationError (unknown client),
/// IoError.
void exportClientFile(const RecordStore& store, const ClientId& client, const std::filesystem::path& file);
/// Reads, validates, then imports in one transaction (RecordStore::importClient): idempotent by UUID.
/// A file that fails validation changes nothing. Throws IoError, ParseError, ValidationError,
/// each naming the file. Returns the client's id.
ClientId importClientFile(RecordStore& store, const std::filesystem::path& file);

/// A body map as a new client record: the client named `map.client` (or `fallbackName` when empty), each
/// body-map session a session at that date (time 00:00, its note as the subjective note), each tag a
/// finding, each pain mark a pain mark of quality aching. Fresh UUIDs: importing the same body map twice
/// makes two clients.
ClientRecord clientRecordFromBodyMap(const BodyMap& map, const std::string& fallbackName);
/// Loads (core parser, validated) and imports a body-map file as one client. Throws IoError, ParseError,
/// ValidationError naming the file. Returns the new client's id.
ClientId importBodyMapFile(RecordStore& store, const std::filesystem::path& file);

} // namespace ta::core::records
