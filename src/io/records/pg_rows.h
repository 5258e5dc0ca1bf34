#pragma once
// Private to the PostgreSQL store: the column lists of its tables (the same order as the SQLite store's),
// readers from result rows, and builders of its INSERT / upsert / versioned UPDATE statements.
#include "core/records/records.h"
#include "io/records/pg_connection.h"

#include <string>
#include <string_view>
#include <vector>

namespace ta::io::records::detail {

namespace rec = core::records;

inline constexpr const char* kClientColumns =
    "id, name, reference, date_of_birth, contact, notes, consent_date, consent_agreed, consent_recorded_by, "
    "created_at, updated_at, version";
inline constexpr const char* kSessionColumns =
    "id, client_id, date_time, reason, pain_before, pain_after, subjective, objective, assessment, plan, "
    "techniques, signed_at, signed_by, version";
inline constexpr const char* kFindingColumns =
    "id, session_id, structure, x, y, z, trigger_point, state, severity, note, treated, technique, "
    "treated_seconds, carried_over, version";
inline constexpr const char* kPainColumns =
    "id, session_id, structure, x, y, z, radius, intensity, quality, region, side, covered_regions, note, version";
inline constexpr const char* kJournalColumns =
    "id, client_id, date, headache, peak_intensity, hours, regions, triggers, medication, note, version";
inline constexpr const char* kQuestionnaireColumns = "id, session_id, kind, answers, answered_at";
inline constexpr const char* kAddendumColumns = "id, session_id, at, author, text";

rec::Client readClient(const PgResult& r, int row);
rec::Session readSession(const PgResult& r, int row);
rec::Finding readFinding(const PgResult& r, int row);
rec::PainMark readPainMark(const PgResult& r, int row);
rec::JournalEntry readJournal(const PgResult& r, int row);
rec::QuestionnaireResponse readQuestionnaire(const PgResult& r, int row);
rec::Addendum readAddendum(const PgResult& r, int row);

std::vector<PgParam> params(const rec::Client& c);
std::vector<PgParam> params(const rec::Session& s);
std::vector<PgParam> params(const rec::Finding& f);
std::vector<PgParam> params(const rec::PainMark& p);
std::vector<PgParam> params(const rec::JournalEntry& j);
std::vector<PgParam> params(const rec::QuestionnaireResponse& q);
std::vector<PgParam> params(const rec::Addendum& a);

/// "INSERT INTO ta.<table> (<columns>) VALUES ($1, ...)", with `upsert`: "ON CONFLICT (id) DO UPDATE SET"
/// every column but the first two (id and the parent) and `keep`, "WHERE ta.<table>.<second> = EXCLUDED.<second>"
/// (a row of another parent is left alone and the statement touches nothing).
std::string insertSql(std::string_view table, std::string_view columns, bool upsert, std::string_view keep = {});
/// "UPDATE ta.<table> SET <every column but id, the parent, `keep` and version> = $k, version = $n + 1
///  WHERE id = $1 AND <parent> = $2 AND version = $n": the versioned update; n is the last column (version).
std::string updateSql(std::string_view table, std::string_view columns, std::string_view keep = {});

} // namespace ta::io::records::detail
