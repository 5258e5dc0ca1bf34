#pragma once
// Where a clinical statement comes from and how sure the sources are: the fact sheets' source keys
// ("S1", "S60a") and their H/M/L confidence, with the sheet's inference mark. Shared by every data file
// that carries treatment or self-care statements, so they are read and checked one way.
#include "core/referral/json_cursor.h"

#include <string>
#include <vector>

namespace ta::core {

struct Evidence {
    std::vector<std::string> sources; ///< fact-sheet keys, never empty
    std::string confidence;           ///< "H", "M", "L" or a range the sheet gives ("M/L")
    bool inference = false;           ///< the sheet applies a general fact to this case
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

/// `c.sources`: a non-empty array of keys shaped like "S12" or "S60a". Throws ValidationError naming the key.
std::vector<std::string> readSourceKeys(const JsonCursor& c);
/// `c.confidence`: "H", "M" or "L", or a range such as "M/L". Throws ValidationError naming the key.
std::string readConfidence(const JsonCursor& c);
/// sources, confidence and the optional `inference` flag of `c`.
Evidence readEvidence(const JsonCursor& c);

/// "S43, S44; M" (with ", inference" when set): how the app prints a statement's provenance.
std::string describe(const Evidence& e);

} // namespace ta::core
