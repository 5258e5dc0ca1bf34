#include "core/records/sqlite_schema.h"

#include "core/records/sqlite_db.h"

#include <sqlite3.h>

#include <array>
#include <vector>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>

namespace ta::core::records {

namespace {

// Step i takes a database from version i to i + 1. Never edit a released step: add a new one.
constexpr std::array<std::string_view, kSchemaVersion> kSteps = {
    // 0 -> 1: clients, sessions, findings, pain marks. `seq` is a stable integer key (insertion order,
    // the FTS rowid from v3); `id` is the UUID every API and file uses.
    R"sql(
CREATE TABLE clients (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  date_of_birth TEXT,
  contact TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  consent_date TEXT,
  consent_agreed TEXT,
  consent_recorded_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX clients_by_name ON clients (name COLLATE NOCASE, reference);
CREATE TABLE sessions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  date_time TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
  subjective TEXT NOT NULL DEFAULT '',
  objective TEXT NOT NULL DEFAULT '',
  assessment TEXT NOT NULL DEFAULT '',
  plan TEXT NOT NULL DEFAULT '',
  techniques TEXT NOT NULL DEFAULT '[]',
  signed_at TEXT,
  signed_by TEXT
);
CREATE INDEX sessions_by_client ON sessions (client_id, date_time);
CREATE TABLE findings (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  structure TEXT NOT NULL,
  x REAL NOT NULL, y REAL NOT NULL, z REAL NOT NULL,
  trigger_point TEXT,
  state TEXT NOT NULL CHECK (state IN ('active', 'latent')),
  severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
  note TEXT NOT NULL DEFAULT '',
  treated INTEGER NOT NULL DEFAULT 0,
  technique TEXT NOT NULL DEFAULT '',
  treated_seconds INTEGER,
  carried_over INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX findings_by_session ON findings (session_id);
CREATE TABLE pain_marks (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  structure TEXT NOT NULL DEFAULT '',
  x REAL NOT NULL, y REAL NOT NULL, z REAL NOT NULL,
  radius REAL NOT NULL CHECK (radius > 0),
  intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
  quality TEXT NOT NULL,
  region TEXT,
  side TEXT,
  covered_regions TEXT NOT NULL DEFAULT '[]',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pain_marks_by_session ON pain_marks (session_id);
)sql",
    // 1 -> 2: headache journal, questionnaires, addenda.
    R"sql(
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  headache INTEGER NOT NULL,
  peak_intensity INTEGER CHECK (peak_intensity BETWEEN 0 AND 10),
  hours REAL,
  regions TEXT NOT NULL DEFAULT '[]',
  triggers TEXT NOT NULL DEFAULT '[]',
  medication TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (client_id, date)
);
CREATE TABLE questionnaires (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  answers TEXT NOT NULL,
  answered_at TEXT NOT NULL
);
CREATE INDEX questionnaires_by_session ON questionnaires (session_id);
CREATE TABLE addenda (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL
);
CREATE INDEX addenda_by_session ON addenda (session_id);
)sql",
    // 2 -> 3: the search index over client name and reference (external content, kept by triggers),
    // filled from the clients already there.
    R"sql(
CREATE VIRTUAL TABLE clients_search USING fts5 (
  name, reference, content = 'clients', content_rowid = 'seq', tokenize = 'trigram');
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
  INSERT INTO clients_search (rowid, name, reference) VALUES (new.seq, new.name, new.reference);
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
  INSERT INTO clients_search (clients_search, rowid, name, reference)
    VALUES ('delete', old.seq, old.name, old.reference);
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF name, reference ON clients BEGIN
  INSERT INTO clients_search (clients_search, rowid, name, reference)
    VALUES ('delete', old.seq, old.name, old.reference);
  INSERT INTO clients_search (rowid, name, reference) VALUES (new.seq, new.name, new.reference);
END;
INSERT INTO clients_search (clients_search) VALUES ('rebuild');
)sql",
    // 3 -> 4: signed sessions are locked in the database too, not only by the code in front of it
    // (which checks first, for a better message). Deleting a whole client still cascades.
    R"sql(
CREATE TRIGGER sessions_locked BEFORE UPDATE ON sessions WHEN old.signed_at IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER findings_locked_insert BEFORE INSERT ON findings
WHEN (SELECT signed_at FROM sessions WHERE id = new.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER findings_locked_update BEFORE UPDATE ON findings
WHEN (SELECT signed_at FROM sessions WHERE id = old.session_id) IS NOT NULL
  OR (SELECT signed_at FROM sessions WHERE id = new.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER findings_locked_delete BEFORE DELETE ON findings
WHEN (SELECT signed_at FROM sessions WHERE id = old.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER pain_marks_locked_insert BEFORE INSERT ON pain_marks
WHEN (SELECT signed_at FROM sessions WHERE id = new.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER pain_marks_locked_update BEFORE UPDATE ON pain_marks
WHEN (SELECT signed_at FROM sessions WHERE id = old.session_id) IS NOT NULL
  OR (SELECT signed_at FROM sessions WHERE id = new.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER pain_marks_locked_delete BEFORE DELETE ON pain_marks
WHEN (SELECT signed_at FROM sessions WHERE id = old.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER questionnaires_locked_insert BEFORE INSERT ON questionnaires
WHEN (SELECT signed_at FROM sessions WHERE id = new.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER questionnaires_locked_update BEFORE UPDATE ON questionnaires
WHEN (SELECT signed_at FROM sessions WHERE id = old.session_id) IS NOT NULL
  OR (SELECT signed_at FROM sessions WHERE id = new.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER questionnaires_locked_delete BEFORE DELETE ON questionnaires
WHEN (SELECT signed_at FROM sessions WHERE id = old.session_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'the session is signed and locked');
END;
CREATE TRIGGER addenda_immutable BEFORE UPDATE ON addenda BEGIN
  SELECT RAISE(ABORT, 'addenda are never changed');
END;
)sql",
    // 4 -> 5: row versions, so that an update made from an older copy is refused (no lost update when
    // two windows, programs or therapists change the same record).
    R"sql(
ALTER TABLE clients ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE findings ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE pain_marks ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE journal ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
)sql",
    // 5 -> 6: teaching mode. One card per student and item (its SM-2 schedule after the latest answer)
    // and the log of every answer (the gradebook export reads it).
    R"sql(
CREATE TABLE study_cards (
  student TEXT NOT NULL,
  item TEXT NOT NULL,
  repetitions INTEGER NOT NULL CHECK (repetitions >= 0),
  interval_days INTEGER NOT NULL CHECK (interval_days >= 0),
  ease REAL NOT NULL CHECK (ease >= 1.3),
  lapses INTEGER NOT NULL DEFAULT 0 CHECK (lapses >= 0),
  due TEXT NOT NULL,
  last_reviewed TEXT NOT NULL,
  last_score REAL NOT NULL CHECK (last_score BETWEEN 0 AND 1),
  PRIMARY KEY (student, item)
);
CREATE INDEX study_cards_by_due ON study_cards (student, due);
CREATE TABLE study_reviews (
  seq INTEGER PRIMARY KEY,
  student TEXT NOT NULL,
  item TEXT NOT NULL,
  quiz_set TEXT NOT NULL DEFAULT '',
  reviewed_at TEXT NOT NULL,
  score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
  seconds REAL NOT NULL DEFAULT 0 CHECK (seconds >= 0)
);
CREATE INDEX study_reviews_by_student ON study_reviews (student, seq);
)sql",
};

std::uint32_t bigEndian32(const unsigned char* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

std::string hex32(std::uint32_t v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08x", v);
    return buf;
}

[[noreturn]] void refuse(const std::filesystem::path& file, const std::string& why)
{
    std::string line = why;
    for (char& c : line)
        if (c == '\n' || c == '\r')
            c = ' ';
    throw DatabaseRefusedError(file.string() + ": refused: " + line);
}

void checkIdentity(const std::filesystem::path& file, std::uint32_t appId, std::int64_t version, std::int64_t tables)
{
    if (appId != static_cast<std::uint32_t>(kApplicationId) && appId != 0)
        refuse(file, "not a TriggerAtlas records database (SQLite application_id " + hex32(appId) + ")");
    if (appId == 0 && tables > 0)
        refuse(file, "not a TriggerAtlas records database (a SQLite database of another program, with " +
                         std::to_string(tables) + " tables)");
    if (version > kSchemaVersion)
        refuse(file, "made by a newer TriggerAtlas (schema version " + std::to_string(version) +
                         ", this version knows up to " + std::to_string(kSchemaVersion) + ")");
}

} // namespace

void checkDatabaseFile(const std::filesystem::path& file)
{
    // The header (100 bytes) and the rest of page 1: the root page of the schema table.
    std::vector<unsigned char> page(65536);
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw IoError(file.string() + ": cannot open the database for reading");
    in.read(reinterpret_cast<char*>(page.data()), static_cast<std::streamsize>(page.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    const unsigned char* header = page.data();
    if (got == 0)
        return; // an empty file: SQLite makes a new database in it
    if (got < 16 || std::memcmp(header, "SQLite format 3\0", 16) != 0)
        refuse(file, "not a SQLite database (the file does not start with \"SQLite format 3\")");
    if (got < 100)
        refuse(file, "damaged SQLite database (the header is cut short)");
    const std::uint32_t pageSize = (std::uint32_t(header[16]) << 8) | header[17];
    const bool pageSizeOk = pageSize == 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) == 0);
    if (!pageSizeOk)
        refuse(file, "damaged SQLite database (page size " + std::to_string(pageSize) + " in the header)");
    const std::size_t pageBytes = pageSize == 1 ? 65536u : pageSize;
    if (got < pageBytes)
        refuse(file, "damaged SQLite database (the first page is cut short)");
    const std::uint32_t pageCount = bigEndian32(header + 28);
    const bool countValid = bigEndian32(header + 92) == bigEndian32(header + 24);
    // A checkpoint writes page 1 before it extends the file, so while a log (-wal, or a rollback
    // -journal) is there the file may be shorter than the header says; without one it may not.
    const auto nonEmpty = [](const std::string& p) {
        std::error_code e;
        return std::filesystem::file_size(p, e) > 0 && !e;
    };
    const bool logPresent = nonEmpty(file.string() + "-wal") || nonEmpty(file.string() + "-journal");
    std::error_code ec;
    const auto fileSize = std::filesystem::file_size(file, ec);
    if (!ec && !logPresent && countValid && pageCount > 0 && std::uint64_t(pageCount) * pageBytes > fileSize)
        refuse(file, "damaged SQLite database (the header says " + std::to_string(pageCount) + " pages of " +
                         std::to_string(pageBytes) + " bytes, the file has " + std::to_string(fileSize) + " bytes)");
    // Page 1 below the header is the schema table's root: a table b-tree page, leaf (0x0D) or interior
    // (0x05); cells on it (or an interior root) mean the database has tables, indexes or views.
    const unsigned char type = page[100];
    if (type != 0x0D && type != 0x05)
        refuse(file, "damaged SQLite database (page 1 is not a table page)");
    const std::uint32_t schemaCells = (std::uint32_t(page[103]) << 8) | page[104];
    const std::uint32_t version = bigEndian32(header + 60);
    const std::uint32_t appId = bigEndian32(header + 68);
    checkIdentity(file, appId, version, type == 0x05 ? 1 : schemaCells);
}

void checkOpenDatabase(SqliteDb& db)
{
    try {
        const auto tables = db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        const auto appId = static_cast<std::uint32_t>(db.queryInt("PRAGMA application_id"));
        const auto version = db.queryInt("PRAGMA user_version");
        checkIdentity(db.file(), appId, version, tables);
    } catch (const DatabaseRefusedError&) {
        throw;
    } catch (const IoError& e) {
        const int rc = db.lastError() & 0xFF;
        if (rc != SQLITE_CORRUPT && rc != SQLITE_NOTADB)
            throw;
        std::string why = e.what();
        const std::string prefix = db.file().string() + ": ";
        if (why.rfind(prefix, 0) == 0)
            why = why.substr(prefix.size());
        refuse(db.file(), "damaged SQLite database (" + why + ")");
    }
}

void migrateSchema(SqliteDb& db, int target)
{
    SqliteTransaction tx(db);
    const auto appId = static_cast<std::uint32_t>(db.queryInt("PRAGMA application_id"));
    const auto version = db.queryInt("PRAGMA user_version");
    const auto tables = db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    checkIdentity(db.file(), appId, version, tables);
    if (version >= target)
        return; // rolls back the empty transaction
    for (auto v = version; v < target; ++v)
        db.exec(kSteps[static_cast<std::size_t>(v)]);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(target));
    tx.commit();
}

} // namespace ta::core::records
