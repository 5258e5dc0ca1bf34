#pragma once
// The state a session starts in, from the command line (scriptable, so any state renders headlessly):
//   --select STRUCTURE  --trigger-point ID  --layers skin,bone  --ghost  --presentation  --landmarks
//   --referral-path  --tags FILE  --skin-tone light|medium|dark
// The window and --screenshot apply the same options through applyStartOptions().
#include "session/app_session.h"

#include <string>

namespace ta::session {

struct StartOptions {
    std::string select;        ///< structure id to select and frame
    std::string triggerPoint;  ///< trigger point key ("sternocleidomastoid.sternal.trp1-left") or id (left)
    std::string layers;        ///< visible layers, comma-separated
    std::string protocol;      ///< a treatment protocol to step through ("headache")
    int protocolStep = 1;      ///< its step to show first, from 1
    std::string protocolSide = "left"; ///< the side worked on: left or right
    bool ghost = false;
    bool presentation = false;
    bool landmarks = false;    ///< label the landmarks near the selection
    bool referralPath = false; ///< draw the path from the trigger point to its pain zone
    std::string skinTone;      ///< light, medium or dark; empty: as remembered (the window) or light
    std::string tags;          ///< body-map file to open (then the window works on that file, not the records)
    std::string db;            ///< the client records (empty: $TA_DB, else the default database)
};

/// The record database the window opens: --db, else $TA_DB, else empty (the default path).
std::filesystem::path recordDatabase(const StartOptions& options);

/// Applies `options` to a session whose model is open, then snaps the camera and makes the result the
/// start of the undo history. Throws ArgumentError naming a bad value (unknown structure, trigger point or
/// layer, with close matches) and IoError/ParseError/ValidationError for a bad --tags file.
void applyStartOptions(AppSession& session, const StartOptions& options);

} // namespace ta::session
