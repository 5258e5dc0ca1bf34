#pragma once
// The services on client records that the window and the command line share: opening the store, marking
// pain by region, explaining a session's drawing, comparing two sessions and the progress over time.
// Conversions between stored records and the drawing types of the body map live here too, so every
// front end turns a stored pain mark into the same drawing.
#include "core/anatomy_model.h"
#include "core/bodymap/body_map.h"
#include "core/records/record_store.h"
#include "session/records/pain_summary.h"
#include "session/trigger_point_catalog.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <vector>

namespace ta::session {

/// Asked for a password the server wants and libpq found neither in PGPASSWORD nor in ~/.pgpass: gets the
/// prompt ("Password for anna@clinic-server: "), returns the answer or nullopt (cancelled).
using PasswordPrompt = std::function<std::optional<std::string>(const std::string& prompt)>;

/// Opens the record store `db`: a clinic server when `db` is a PostgreSQL connection URI
/// ("postgresql://anna@clinic-server/records", or libpq's "host=... dbname=..."), else a SQLite file
/// (empty = the default $XDG_DATA_HOME/trigger-atlas/records.db). `dailyBackup` (files only): make today's
/// backup when due. Throws DatabaseRefusedError (a damaged or foreign file, left untouched; a server
/// without the clinic schema), IoError (ConnectionLostError for a server that cannot be reached), naming
/// the file or server, never a password.
std::unique_ptr<core::records::RecordStore> openRecordStore(const std::filesystem::path& db, bool dailyBackup = true,
                                                            const PasswordPrompt& askPassword = {});

/// Imports a client file into `store` by its "format": a body map (`trigger-atlas-body-map`, a new client
/// with every session) or an exported client (`trigger-atlas-client`, by UUID, idempotent). Returns the
/// client's id. Throws IoError/ParseError/ValidationError naming the file; a file that fails changes nothing.
core::records::ClientId importRecordFile(core::records::RecordStore& store, const std::filesystem::path& file);

/// The session with everything recorded in it; nullopt when there is none.
std::optional<core::records::SessionRecord> loadSessionRecord(const core::records::RecordStore& store,
                                                              const core::records::SessionId& session);

/// A stored pain mark as a drawing mark (position, radius, intensity). The id is left empty.
core::PainMark toDrawingMark(const core::records::PainMark& mark);
std::vector<core::PainMark> toDrawingMarks(const std::vector<core::records::PainMark>& marks);

/// Adds a pain mark for a named region (id or alias, e.g. "temple") on `side` (Left or Right; Both adds
/// one on each side) to session `session`: placed on the region's footprint on the skin, with the regions
/// it covers computed. Returns the new ids. Throws ArgumentError (unknown region, with close matches; a
/// region that paints no skin), ValidationError/LockedError from the store.
std::vector<core::records::PainMarkId> addPainByRegion(core::records::RecordStore& store, const core::AnatomyModel& model,
                                                       TriggerPointCatalog& catalog, const core::records::SessionId& session,
                                                       const std::string& region, core::records::Side side, int intensity,
                                                       core::records::PainQuality quality);

/// Fills each mark's coveredRegions from the model (what the store keeps with the mark).
void computeCoveredRegions(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                           std::vector<core::records::PainMark>& marks);

/// The trigger points that could explain a session's pain drawing: every source best first, grouped by
/// muscle, and the sets that cover it (the same verdict as the window's body-map panel and `lookup --tags`).
/// Empty without marks or data.
TriggerPointCatalog::PainExplanation explainSession(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                    const core::records::SessionRecord& session);

/// What changed between two sessions of a client.
struct RegionChange {
    std::string key;  ///< "temple-left"
    std::string name; ///< "Temple (left)"
    int before = 0;   ///< peak intensity in the earlier session, 0 = no pain there
    int after = 0;
    double areaBeforeCm2 = 0.0;
    double areaAfterCm2 = 0.0;
};
struct FindingChange {
    enum class Kind : std::uint8_t { Persisting, Resolved, New } kind = Kind::Persisting;
    std::string label;   ///< trigger point id, else the structure id
    int severityBefore = -1; ///< -1 = not found then
    int severityAfter = -1;
};
struct SessionComparison {
    std::string before;  ///< the earlier session's date-time
    std::string after;
    double areaBeforeCm2 = 0.0;
    double areaAfterCm2 = 0.0;
    std::optional<int> nrsBefore[2]; ///< pain before treatment: [0] earlier session, [1] later
    std::optional<int> nrsAfter[2];  ///< pain after treatment
    std::vector<RegionChange> regions;   ///< every region painted in either, largest change first
    std::vector<FindingChange> findings; ///< persisting, then resolved, then new
};
/// Compares two sessions (in either order; the earlier is `before`). Findings are the same when they
/// match the same documented trigger point, or lie on the same structure within 2 cm.
SessionComparison compareSessions(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                  const core::records::SessionRecord& a, const core::records::SessionRecord& b);

/// Series over time for the progress plots. Dates are "YYYY-MM-DD" (sessions) or ISO weeks' Mondays
/// (journal); values in their own units.
struct ProgressPoint {
    std::string date;
    double value = 0.0;
};
struct ProgressSeries {
    std::string name; ///< "Pain before (NRS)"
    std::string unit; ///< "0-10", "days", "cm²", "/50", "36-78"
    double minValue = 0.0, maxValue = 10.0;
    std::vector<ProgressPoint> points;
};
/// NRS before and after per session, pain-drawing area per session, NDI and HIT-6 totals per session,
/// and from the journal headache days per week and the week's peak intensity.
std::vector<ProgressSeries> progressOf(const core::records::RecordStore& store, const core::records::ClientId& client,
                                       const core::AnatomyModel& model, TriggerPointCatalog& catalog);

/// The Monday ("YYYY-MM-DD") of the ISO week of `date`; the date itself when malformed.
std::string weekStart(const std::string& date);

} // namespace ta::session
