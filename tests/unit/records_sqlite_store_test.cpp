// The SQLite record store: the contract suite, plus what only a file has: migrations from every
// earlier schema, refusal of damaged and foreign files (left untouched), private permissions, pragmas,
// daily backups with rotation, the default path.
#include "records_store_contract.h"

#include "core/error.h"
#include "core/records/sqlite_db.h"
#include "core/records/sqlite_record_store.h"
#include "core/records/sqlite_schema.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace ta::core::records;

namespace {

std::unique_ptr<RecordStore> makeSqliteStore(const fs::path& dir)
{
    return std::make_unique<SqliteRecordStore>(dir / "records.db", SqliteStoreOptions{.dailyBackup = false});
}

} // namespace

INSTANTIATE_TEST_SUITE_P(RecordSqlite, RecordStoreContract,
                         ::testing::Values(RecordStoreFactory{"sqlite", &makeSqliteStore}),
                         [](const auto& info) { return info.param.name; });

namespace {

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("ta-records-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string bytesOf(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeBytes(const fs::path& file, const std::string& bytes)
{
    std::ofstream(file, std::ios::binary) << bytes;
}

unsigned modeOf(const fs::path& p)
{
    struct stat st{};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 0777;
}

SqliteStoreOptions noBackup() { return {.dailyBackup = false}; }

/// Expects opening `file` to be refused with one line naming the file and containing `why`, and the
/// file's bytes to be exactly as before.
void expectRefusedUntouched(const fs::path& file, const std::string& why)
{
    const std::string before = bytesOf(file);
    const fs::path wal = file.string() + "-wal", journal = file.string() + "-journal";
    const bool hadWal = fs::exists(wal), hadJournal = fs::exists(journal);
    const std::string walBefore = hadWal ? bytesOf(wal) : "";
    try {
        SqliteRecordStore store(file, noBackup());
        ADD_FAILURE() << file << " was opened";
    } catch (const DatabaseRefusedError& e) {
        const std::string msg = e.what();
        EXPECT_EQ(msg.rfind(file.string() + ": refused: ", 0), 0u) << msg;
        EXPECT_NE(msg.find(why), std::string::npos) << msg;
        EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
    }
    EXPECT_EQ(bytesOf(file), before) << file << " was changed";
    EXPECT_EQ(fs::exists(wal), hadWal);
    EXPECT_EQ(fs::exists(journal), hadJournal);
    if (hadWal)
        EXPECT_EQ(bytesOf(wal), walBefore) << wal << " was changed";
}

} // namespace

TEST(RecordSqliteStore, PragmasAndPersistence)
{
    TempDir dir;
    const fs::path file = dir.path / "records.db";
    ClientId id;
    {
        SqliteRecordStore store(file, noBackup());
        EXPECT_EQ(store.schemaVersion(), kSchemaVersion);
        id = store.addClient({.name = "Persisted"});
    }
    SqliteRecordStore store(file, noBackup());
    EXPECT_EQ(store.client(id)->name, "Persisted");
    EXPECT_EQ(store.integrityCheck(), "ok");
    SqliteDb raw(file, SqliteDb::Mode::ReadOnly);
    EXPECT_EQ(raw.queryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.queryInt("PRAGMA application_id"), kApplicationId);
    EXPECT_EQ(raw.queryInt("PRAGMA user_version"), kSchemaVersion);
}

TEST(RecordSqliteStore, FilesAndDirectoriesArePrivate)
{
    TempDir dir;
    const fs::path file = dir.path / "a" / "b" / "records.db";
    ::umask(0022);
    SqliteRecordStore store(file, SqliteStoreOptions{.dailyBackup = true});
    store.addClient({.name = "Private"});
    EXPECT_EQ(modeOf(dir.path / "a"), 0700u);
    EXPECT_EQ(modeOf(dir.path / "a" / "b"), 0700u);
    EXPECT_EQ(modeOf(file), 0600u);
    ASSERT_TRUE(fs::exists(file.string() + "-wal"));
    EXPECT_EQ(modeOf(file.string() + "-wal"), 0600u);
    ASSERT_TRUE(fs::exists(file.string() + "-shm"));
    EXPECT_EQ(modeOf(file.string() + "-shm"), 0600u);
    EXPECT_EQ(modeOf(store.backupDirectory()), 0700u);
    int backups = 0;
    for (const auto& e : fs::directory_iterator(store.backupDirectory())) {
        EXPECT_EQ(modeOf(e.path()), 0600u) << e.path();
        ++backups;
    }
    EXPECT_EQ(backups, 1);
}

TEST(RecordSqliteStore, BackupOncePerDayLastSevenKept)
{
    TempDir dir;
    SqliteRecordStore store(dir.path / "records.db", noBackup());
    const ClientId id = store.addClient({.name = "Backed Up"});
    ASSERT_TRUE(store.backupIfDue("2026-11-01"));
    EXPECT_FALSE(store.backupIfDue("2026-11-01")); // at most one a day
    for (int day = 2; day <= 10; ++day) {
        char d[16];
        std::snprintf(d, sizeof d, "2026-11-%02d", day);
        EXPECT_TRUE(store.backupIfDue(d)) << d;
    }
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(store.backupDirectory()))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"records-2026-11-04.db", "records-2026-11-05.db", "records-2026-11-06.db",
                                               "records-2026-11-07.db", "records-2026-11-08.db", "records-2026-11-09.db",
                                               "records-2026-11-10.db"}));
    // A backup is a whole, sound database.
    SqliteRecordStore restored(store.backupDirectory() / "records-2026-11-10.db", noBackup());
    EXPECT_EQ(restored.client(id)->name, "Backed Up");
    EXPECT_EQ(restored.integrityCheck(), "ok");
    EXPECT_THROW(store.backupIfDue("2026-13-01"), ta::ValidationError);
}

TEST(RecordSqliteStore, RefusesDamagedAndForeignFilesUntouched)
{
    TempDir dir;
    // Not SQLite at all.
    writeBytes(dir.path / "text.db", "hello, this is a note and not a database\n");
    expectRefusedUntouched(dir.path / "text.db", "not a SQLite database");
    std::mt19937 rng(7);
    std::string noise(8192, '\0');
    for (char& c : noise)
        c = static_cast<char>(rng());
    writeBytes(dir.path / "noise.db", noise);
    expectRefusedUntouched(dir.path / "noise.db", "not a SQLite database");

    // A SQLite database of another program (no application_id, tables).
    {
        SqliteDb other(dir.path / "other.db", SqliteDb::Mode::ReadWriteCreate);
        other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
    }
    expectRefusedUntouched(dir.path / "other.db", "another program");
    // ... with a foreign application_id.
    {
        SqliteDb other(dir.path / "foreign-id.db", SqliteDb::Mode::ReadWriteCreate);
        other.exec("PRAGMA application_id = 1234; CREATE TABLE t (x);");
    }
    expectRefusedUntouched(dir.path / "foreign-id.db", "application_id 0x000004d2");

    // ... in WAL mode with its tables still in the log: the header looks blank, SQLite sees the tables.
    {
        SqliteDb other(dir.path / "other-wal.db", SqliteDb::Mode::ReadWriteCreate);
        sqlite3_db_config(other.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        other.exec("PRAGMA journal_mode = WAL; CREATE TABLE notes (x); INSERT INTO notes VALUES ('keep me');");
    }
    ASSERT_GT(fs::file_size(dir.path / "other-wal.db-wal"), 0u);
    expectRefusedUntouched(dir.path / "other-wal.db", "another program");
    {
        SqliteDb check(dir.path / "other-wal.db", SqliteDb::Mode::ReadOnly);
        EXPECT_EQ(check.queryText("SELECT x FROM notes"), "keep me");
    }

    // Ours, but from a newer version.
    {
        SqliteRecordStore ours(dir.path / "newer.db", noBackup());
        ours.addClient({.name = "Future"});
    }
    {
        SqliteDb raw(dir.path / "newer.db", SqliteDb::Mode::ReadWriteCreate);
        raw.exec("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
    }
    expectRefusedUntouched(dir.path / "newer.db", "newer TriggerAtlas (schema version 99");

    // Damaged: a real database cut short, and one with a broken header.
    {
        SqliteRecordStore ours(dir.path / "whole.db", noBackup());
        for (int i = 0; i < 200; ++i)
            ours.addClient({.name = "Client " + std::to_string(i), .notes = std::string(500, 'n')});
    }
    {
        SqliteDb raw(dir.path / "whole.db", SqliteDb::Mode::ReadWriteCreate);
        raw.exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
    }
    const std::string whole = bytesOf(dir.path / "whole.db");
    ASSERT_GT(whole.size(), 8192u);
    writeBytes(dir.path / "short-header.db", whole.substr(0, 60));
    expectRefusedUntouched(dir.path / "short-header.db", "damaged");
    writeBytes(dir.path / "truncated.db", whole.substr(0, 4096 + 100));
    expectRefusedUntouched(dir.path / "truncated.db", "damaged");
    std::string badPage = whole;
    badPage[16] = 0x03; // page size 0x03xx: not a power of two
    writeBytes(dir.path / "bad-page-size.db", badPage);
    expectRefusedUntouched(dir.path / "bad-page-size.db", "page size");

    // An empty file and an empty SQLite database (no tables) are taken and initialised.
    writeBytes(dir.path / "empty.db", "");
    EXPECT_EQ(SqliteRecordStore(dir.path / "empty.db", noBackup()).schemaVersion(), kSchemaVersion);
    { SqliteDb blank(dir.path / "blank.db", SqliteDb::Mode::ReadWriteCreate); blank.exec("PRAGMA user_version = 0; VACUUM;"); }
    EXPECT_EQ(SqliteRecordStore(dir.path / "blank.db", noBackup()).schemaVersion(), kSchemaVersion);
}

namespace {

/// Builds a database at schema version `version` with one client, one session and what that version
/// holds, written with plain SQL as that version's code would have.
void buildOldDatabase(const fs::path& file, int version)
{
    SqliteDb db(file, SqliteDb::Mode::ReadWriteCreate);
    db.exec("PRAGMA journal_mode = WAL");
    migrateSchema(db, version);
    ASSERT_EQ(db.queryInt("PRAGMA user_version"), version);
    db.exec("INSERT INTO clients (id, name, reference, created_at, updated_at) VALUES "
            "('11111111-1111-4111-8111-111111111111', 'Old Client', 'R-1', '2025-01-01T00:00:00Z', "
            "'2025-01-01T00:00:00Z');"
            "INSERT INTO sessions (id, client_id, date_time, reason, pain_before, techniques) VALUES "
            "('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', '2025-01-02T10:00', "
            "'neck', 6, '[\"stretch\"]');"
            "INSERT INTO findings (id, session_id, structure, x, y, z, state, severity) VALUES "
            "('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222', 'splenius-capitis-left', "
            "0.1, 1.6, -0.05, 'active', 8);"
            "INSERT INTO pain_marks (id, session_id, structure, x, y, z, radius, intensity, quality) VALUES "
            "('44444444-4444-4444-8444-444444444444', '22222222-2222-4222-8222-222222222222', 'skin', 0.0, 1.7, 0.1, "
            "0.02, 4, 'burning');");
    db.exec("INSERT INTO sessions (id, client_id, date_time, signed_at, signed_by) VALUES "
            "('77777777-7777-4777-8777-777777777777', '11111111-1111-4111-8111-111111111111', '2025-01-09T10:00', "
            "'2025-01-09T11:00:00Z', 'T');");
    if (version >= 2)
        db.exec("INSERT INTO journal (id, client_id, date, headache, peak_intensity) VALUES "
                "('55555555-5555-4555-8555-555555555555', '11111111-1111-4111-8111-111111111111', '2025-01-03', 1, 5);"
                "INSERT INTO addenda (id, session_id, at, author, text) VALUES "
                "('66666666-6666-4666-8666-666666666666', '22222222-2222-4222-8222-222222222222', "
                "'2025-01-04T00:00:00Z', 'T', 'later note');");
}

void expectOldDataSurvived(SqliteRecordStore& store, int version)
{
    EXPECT_EQ(store.schemaVersion(), kSchemaVersion);
    const ClientId c("11111111-1111-4111-8111-111111111111");
    ASSERT_TRUE(store.client(c));
    EXPECT_EQ(store.client(c)->reference, "R-1");
    // Rows from before row versions start at version 1 and take versioned updates.
    EXPECT_EQ(store.client(c)->version, 1);
    Client renamed = *store.client(c);
    renamed.reference = "R-1b";
    store.updateClient(renamed);
    EXPECT_EQ(store.client(c)->version, 2);
    const auto sessions = store.listSessions(c);
    ASSERT_EQ(sessions.size(), 2u);
    // A session signed under the old schema is locked under the new one, by the code and the database.
    ASSERT_TRUE(sessions[1].isSigned());
    Session edit = sessions[1];
    edit.signature.reset();
    edit.reason = "rewritten";
    EXPECT_THROW(store.updateSession(edit), LockedError);
    {
        SqliteDb raw(store.file(), SqliteDb::Mode::ReadWriteCreate);
        raw.exec("PRAGMA busy_timeout = 5000");
        EXPECT_THROW(raw.exec("UPDATE sessions SET reason = 'x' WHERE id = '" + sessions[1].id.str() + "'"),
                     ta::ValidationError);
    }
    EXPECT_EQ(sessions[0].painBefore, 6);
    EXPECT_EQ(sessions[0].techniques, std::vector<std::string>{"stretch"});
    const auto f = store.listFindings(sessions[0].id);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, 8);
    EXPECT_FLOAT_EQ(f[0].position.y, 1.6f);
    const auto p = store.listPainMarks(sessions[0].id);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].quality, PainQuality::Burning);
    EXPECT_EQ(store.listJournal(c).size(), version >= 2 ? 1u : 0u);
    EXPECT_EQ(store.listAddenda(sessions[0].id).size(), version >= 2 ? 1u : 0u);
    // What later versions added works on the migrated file: the search index holds the old client.
    ASSERT_EQ(store.searchClients("old cl", 5).size(), 1u);
    EXPECT_EQ(store.searchClients("old cl", 5)[0].id, c);
    JournalEntry j;
    j.client = c;
    j.date = "2025-02-01";
    store.addJournalEntry(j);
    store.addQuestionnaire({{}, sessions[0].id, QuestionnaireKind::Ndi, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, ""});
    store.recordReview({"Mia", "name:levator-scapulae-left", "", "", 1.0, 5, 3.0},
                       {"Mia", "name:levator-scapulae-left", 1, 1, 2.6, 0, "2025-02-02", "", 1.0});
    EXPECT_EQ(store.listStudyCards("Mia").size(), 1u) << "the study tables (v6) work on a migrated file";
    EXPECT_EQ(store.integrityCheck(), "ok");
}

} // namespace

TEST(RecordSqliteStore, MigratesFromEveryEarlierSchema)
{
    for (int version = 1; version < kSchemaVersion; ++version) {
        SCOPED_TRACE("from schema version " + std::to_string(version));
        TempDir dir;
        const fs::path file = dir.path / "records.db";
        buildOldDatabase(file, version);
        {
            SqliteDb raw(file, SqliteDb::Mode::ReadOnly);
            EXPECT_EQ(raw.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'journal'"), version >= 2);
            EXPECT_EQ(raw.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'clients_search'"), version >= 3);
            EXPECT_EQ(raw.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'sessions_locked'"), version >= 4);
            EXPECT_EQ(raw.queryInt("SELECT count(*) FROM pragma_table_info('clients') WHERE name = 'version'"), version >= 5);
            EXPECT_EQ(raw.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'study_cards'"), 0);
        }
        SqliteRecordStore store(file, noBackup());
        expectOldDataSurvived(store, version);
        SqliteDb raw(file, SqliteDb::Mode::ReadOnly);
        EXPECT_EQ(raw.queryInt("SELECT count(*) FROM sqlite_master WHERE name IN ('journal', 'questionnaires', "
                               "'addenda', 'clients_search', 'sessions_locked', 'addenda_immutable', 'study_cards', "
                               "'study_reviews')"),
                  8);
    }
}

TEST(RecordSqliteStore, SignedSessionIsLockedInTheDatabaseToo)
{
    TempDir dir;
    const fs::path file = dir.path / "records.db";
    SqliteRecordStore store(file, noBackup());
    const ClientId c = store.addClient({.name = "Locked"});
    const SessionId s = store.addSession({.client = c, .dateTime = "2026-11-20T09:30"});
    Finding f;
    f.session = s;
    f.structure = "trapezius-descending-left";
    const FindingId fid = store.addFinding(f);
    store.addAddendum({{}, s, "", "T", "before signing"});
    store.signSession(s, "T");

    // Around the API, with plain SQL: the database refuses too.
    SqliteDb raw(file, SqliteDb::Mode::ReadWriteCreate);
    raw.exec("PRAGMA busy_timeout = 5000");
    EXPECT_THROW(raw.exec("UPDATE sessions SET reason = 'x' WHERE id = '" + s.str() + "'"), ta::ValidationError);
    EXPECT_THROW(raw.exec("UPDATE findings SET severity = 0 WHERE id = '" + fid.str() + "'"), ta::ValidationError);
    EXPECT_THROW(raw.exec("DELETE FROM findings WHERE id = '" + fid.str() + "'"), ta::ValidationError);
    EXPECT_THROW(raw.exec("INSERT INTO pain_marks (id, session_id, x, y, z, radius, intensity, quality) VALUES ('" +
                          newUuid() + "', '" + s.str() + "', 0, 0, 0, 0.02, 5, 'aching')"),
                 ta::ValidationError);
    EXPECT_THROW(raw.exec("UPDATE addenda SET text = 'rewritten'"), ta::ValidationError);
    EXPECT_EQ(store.finding(fid)->severity, 5);
    // Deleting the whole client still takes the signed session with it.
    store.deleteClient(c);
    EXPECT_FALSE(store.session(s));
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM findings"), 0);
}

TEST(RecordSqliteStore, DefaultPathFollowsXdg)
{
    const char* oldXdg = std::getenv("XDG_DATA_HOME");
    const std::string savedXdg = oldXdg ? oldXdg : "";
    ::setenv("XDG_DATA_HOME", "/data/xdg", 1);
    EXPECT_EQ(defaultRecordDatabasePath(), fs::path("/data/xdg/trigger-atlas/records.db"));
    ::unsetenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    if (home) {
        EXPECT_EQ(defaultRecordDatabasePath(), fs::path(home) / ".local/share/trigger-atlas/records.db");
    }
    if (oldXdg)
        ::setenv("XDG_DATA_HOME", savedXdg.c_str(), 1);
}

TEST(RecordSqliteStore, ConstraintErrorsNameTheDatabase)
{
    TempDir dir;
    SqliteRecordStore store(dir.path / "records.db", noBackup());
    const ClientId c = store.addClient({.name = "X"});
    Client dup{.id = c, .name = "Y"};
    try {
        store.addClient(dup);
        FAIL();
    } catch (const ta::ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find((dir.path / "records.db").string()), std::string::npos) << e.what();
    }
}
