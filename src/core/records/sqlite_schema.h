#pragma once
// The SQLite schema of the record store: its versions, the migrations between them, and the checks that
// refuse a file that is not ours before SQLite is allowed to write to it.
//
// Versions (PRAGMA user_version):
//   1  clients, sessions, findings, pain marks
//   2  + headache journal, questionnaires, addenda
//   3  + the client search index (FTS5, trigram: case-insensitive substring search as you type)
//   4  + triggers that lock signed sessions (and their findings, pain marks, questionnaires) and addenda
//   5  + row versions on clients, sessions, findings, pain marks and journal entries
//   6  + teaching mode: study cards (spaced-repetition state per student and item) and the review log
// PRAGMA application_id is kApplicationId in every version.
#include "core/error.h"

#include <cstdint>
#include <filesystem>

namespace ta::core::records {

class SqliteDb;

inline constexpr std::int32_t kApplicationId = 0x54524741; ///< "TRGA", big-endian at header offset 68
inline constexpr int kSchemaVersion = 6;

/// A file that is damaged, foreign or from a newer TriggerAtlas was refused and left untouched.
/// The message is one line: "<file>: refused: <why>".
class DatabaseRefusedError : public IoError {
public:
    using IoError::IoError;
};

/// For an existing `file`, before SQLite opens it: checks the header and page 1 bytes without SQLite
/// (magic, page size, length, application_id at offset 68, user_version at 60, and whether the schema
/// table has entries). Throws DatabaseRefusedError when the file is not a SQLite database, is damaged,
/// belongs to another application (a foreign application_id, or id 0 with tables), or has a schema
/// newer than kSchemaVersion. Reads only; an empty file passes (SQLite makes a new database in it).
void checkDatabaseFile(const std::filesystem::path& file);

/// The same identity checks through an open connection, which also sees what is still in the write-ahead
/// log. Only reads. Throws DatabaseRefusedError (foreign, newer, or SQLite finds it damaged), IoError.
void checkOpenDatabase(SqliteDb& db);

/// Brings an open database from its user_version up to `target` (default: current) in one IMMEDIATE
/// transaction, setting application_id and user_version. Safe against a second process migrating at the
/// same time (the version is re-read under the write lock). Throws DatabaseRefusedError (foreign, newer),
/// IoError. `target` below kSchemaVersion exists for tests that build old databases.
void migrateSchema(SqliteDb& db, int target = kSchemaVersion);

} // namespace ta::core::records
