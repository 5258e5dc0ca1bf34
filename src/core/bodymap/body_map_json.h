#pragma once
// Body-map files: JSON with a format tag and a schema version, validated on open, written atomically.
//
//   { "format": "trigger-atlas-body-map", "schemaVersion": 1, "client": "...",
//     "sessions": [ { "date": "2026-11-22", "note": "...",
//       "tags": [ { "id": 1, "structure": "trapezius-descending-left", "position": [x, y, z],
//                   "triggerPoint": "trapezius-1" | null, "state": "active" | "latent",
//                   "severity": 0..10, "note": "..." } ],
//       "painMarks": [ { "id": 2, "structure": "skin", "position": [x, y, z], "radius": 0.02,
//                        "intensity": 0..10, "note": "..." } ] } ] }
//
// Positions are model-frame metres. Ids are unique across the document. Unknown keys are ignored so a
// slightly newer file still opens; a newer schemaVersion is refused.
#include "core/bodymap/body_map.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace ta::core {

inline constexpr int kBodyMapSchemaVersion = 1;
inline constexpr std::string_view kBodyMapFormat = "trigger-atlas-body-map";

/// Deterministic, pretty-printed JSON.
std::string bodyMapToJson(const BodyMap& map);
/// Parses and validates. `source` names the file in messages. Throws ParseError (not JSON) or
/// ValidationError ("<source>: sessions[0].tags[1].severity: must be an integer 0-10, got 12").
BodyMap bodyMapFromJson(std::string_view text, const std::string& source);

/// Throws IoError, ParseError or ValidationError, each naming the file.
BodyMap loadBodyMap(const std::filesystem::path& file);
/// Atomic write (temporary + rename) keeping the previous version as <file>.bak. Throws IoError.
void saveBodyMap(const BodyMap& map, const std::filesystem::path& file);

} // namespace ta::core
