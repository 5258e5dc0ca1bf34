// SqliteRecordStore: opening (refusal, pragmas, migrations, privacy), backups, clients, sessions,
// signing, addenda, export and import. Findings, pain marks, journal and questionnaires are in
// sqlite_record_rows.cpp.
#include "core/records/sqlite_record_store.h"

#include "core/bodymap/body_map.h"
#include "core/atomic_file.h"
#include "core/records/private_files.h"
#include "core/records/row_version.h"
#include "core/records/store_helpers.h"
#include "core/records/record_validation.h"
#include "core/records/sqlite_json_columns.h"
#include "core/records/sqlite_schema.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <cstdlib>
#include <regex>
#include <set>
#include <unistd.h>

namespace ta::core::records {

namespace fs = std::filesystem;
using detail::fromJsonColumn;
using detail::toJsonColumn;
using detail::likePattern;

namespace {

/// Runs before SQLite opens the file read-write: refuses what is not ours, creates what is missing.
fs::path prepareFile(const fs::path& file)
{
    if (fs::exists(file)) {
        checkDatabaseFile(file);
        return file;
    }
    if (file.has_parent_path())
        createPrivateDirectories(file.parent_path());
    if (!createPrivateFile(file))
        checkDatabaseFile(file); // another process created it meanwhile
    return file;
}

/// Switches to WAL. The switch needs an exclusive lock, and SQLite answers "locked" at once rather than
/// waiting when another process holds one (two processes opening a new file together), so retry.
void enableWal(SqliteDb& db, int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        try {
            if (db.queryText("PRAGMA journal_mode") == "wal" || db.queryText("PRAGMA journal_mode = WAL") == "wal")
                return;
            throw IoError(db.file().string() + ": cannot switch the database to write-ahead logging");
        } catch (const IoError&) {
            const int rc = db.lastError() & 0xFF;
            if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline)
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
}

constexpr const char* kClientColumns =
    "id, name, reference, date_of_birth, contact, notes, consent_date, consent_agreed, consent_recorded_by, "
    "created_at, updated_at, version";

Client readClient(const SqliteStatement& st)
{
    Client c;
    c.id = ClientId(st.text(0));
    c.name = st.text(1);
    c.reference = st.text(2);
    c.dateOfBirth = st.optText(3);
    c.contact = st.text(4);
    c.notes = st.text(5);
    if (!st.isNull(6))
        c.consent = Consent{st.text(6), st.text(7), st.text(8)};
    c.createdAt = st.text(9);
    c.updatedAt = st.text(10);
    c.version = st.int64(11);
    return c;
}

constexpr const char* kSessionColumns =
    "id, client_id, date_time, reason, pain_before, pain_after, subjective, objective, assessment, plan, "
    "techniques, signed_at, signed_by, version";

Session readSession(const SqliteStatement& st)
{
    Session s;
    s.id = SessionId(st.text(0));
    s.client = ClientId(st.text(1));
    s.dateTime = st.text(2);
    s.reason = st.text(3);
    s.painBefore = st.optInt(4);
    s.painAfter = st.optInt(5);
    s.soap = {st.text(6), st.text(7), st.text(8), st.text(9)};
    s.techniques = fromJsonColumn<std::string>(st.text(10));
    if (!st.isNull(11))
        s.signature = Signature{st.text(11), st.text(12)};
    s.version = st.int64(13);
    return s;
}

Addendum readAddendum(const SqliteStatement& st)
{
    return {AddendumId(st.text(0)), SessionId(st.text(1)), st.text(2), st.text(3), st.text(4)};
}

/// Number of Unicode code points in UTF-8 `s`.
std::size_t codePoints(std::string_view s)
{
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}


} // namespace

fs::path defaultRecordDatabasePath()
{
    const char* xdg = std::getenv("XDG_DATA_HOME");
    if (xdg && *xdg && fs::path(xdg).is_absolute())
        return fs::path(xdg) / "trigger-atlas" / "records.db";
    const char* home = std::getenv("HOME");
    if (home && *home)
        return fs::path(home) / ".local" / "share" / "trigger-atlas" / "records.db";
    throw IoError("records database: neither XDG_DATA_HOME nor HOME is set; give the database file explicitly");
}

SqliteRecordStore::SqliteRecordStore(const fs::path& file, SqliteStoreOptions options)
    : m_db(prepareFile(file), SqliteDb::Mode::ReadWriteCreate)
{
    // Until the file is known to be ours, nothing may write to it: not even the checkpoint SQLite
    // makes when the last connection to a WAL database closes.
    sqlite3_db_config(m_db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    m_db.exec("PRAGMA busy_timeout = " + std::to_string(options.busyTimeoutMs));
    checkOpenDatabase(m_db);
    m_db.exec("PRAGMA foreign_keys = ON");
    m_db.exec("PRAGMA synchronous = FULL");
    enableWal(m_db, options.busyTimeoutMs);
    migrateSchema(m_db);
    sqlite3_db_config(m_db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    makeFilesPrivate();
    if (options.dailyBackup)
        backupIfDue(todayLocalDate());
}

SqliteRecordStore::~SqliteRecordStore() = default;

void SqliteRecordStore::makeFilesPrivate()
{
    for (const char* suffix : {"", "-wal", "-shm"})
        records::makePrivate(fs::path(file().string() + suffix));
}

int SqliteRecordStore::schemaVersion() { return static_cast<int>(m_db.queryInt("PRAGMA user_version")); }
std::string SqliteRecordStore::integrityCheck() { return m_db.queryText("PRAGMA integrity_check"); }
std::string SqliteRecordStore::describe() const { return file().string(); }
fs::path SqliteRecordStore::backupDirectory() const { return file().parent_path() / "backups"; }

std::string SqliteRecordStore::where(std::string_view kind, const std::string& id) const
{
    return describe() + ": " + std::string(kind) + " " + id;
}

std::optional<fs::path> SqliteRecordStore::backupIfDue(const std::string& today, int keep)
{
    if (!isIsoDate(today))
        throw ValidationError(describe() + ": backup date must be YYYY-MM-DD, got \"" + today + "\"");
    const fs::path dir = backupDirectory();
    createPrivateDirectories(dir);
    const fs::path target = dir / ("records-" + today + ".db");
    std::optional<fs::path> written;
    if (!fs::exists(target)) {
        // Written through the one atomic-write routine: SQLite fills its locked temporary by path.
        AtomicWriteOptions writeOptions;
        writeOptions.replace = false;
        AtomicFile out(target, writeOptions);
        {
            SqliteDb dest(out.tempPath(), SqliteDb::Mode::ReadWriteCreate);
            sqlite3_backup* b = sqlite3_backup_init(dest.handle(), "main", m_db.handle(), "main");
            if (!b)
                dest.raise(sqlite3_errcode(dest.handle()), "starting the backup of " + describe());
            const int rc = sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
            if (rc != SQLITE_DONE)
                throw IoError(target.string() + ": backup of " + describe() + " failed: " + sqlite3_errstr(rc));
        }
        out.commit();
        written = target;
    }
    static const std::regex kName(R"(records-\d{4}-\d{2}-\d{2}\.db)");
    std::set<std::string> backups;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && std::regex_match(e.path().filename().string(), kName))
            backups.insert(e.path().filename().string());
    while (static_cast<int>(backups.size()) > keep) {
        fs::remove(dir / *backups.begin());
        backups.erase(backups.begin());
    }
    return written;
}

// --- Clients ---------------------------------------------------------------------------------------------

void SqliteRecordStore::writeClient(const Client& c, bool upsert)
{
    SqliteStatement st(m_db, std::string("INSERT INTO clients (") + kClientColumns +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)" +
                                 (upsert ? " ON CONFLICT (id) DO UPDATE SET name = ?2, reference = ?3, "
                                           "date_of_birth = ?4, contact = ?5, notes = ?6, consent_date = ?7, "
                                           "consent_agreed = ?8, consent_recorded_by = ?9, updated_at = ?11, "
                                           "version = ?12"
                                         : ""));
    st.bind(1, c.id.str()).bind(2, c.name).bind(3, c.reference).bind(4, c.dateOfBirth).bind(5, c.contact);
    st.bind(6, c.notes);
    if (c.consent)
        st.bind(7, c.consent->date).bind(8, c.consent->agreed).bind(9, c.consent->recordedBy);
    else
        st.bindNull(7).bindNull(8).bindNull(9);
    st.bind(10, c.createdAt).bind(11, c.updatedAt).bind(12, c.version);
    st.run();
}

ClientId SqliteRecordStore::addClient(Client c)
{
    if (c.id.empty())
        c.id = ClientId::generate();
    c.createdAt = c.updatedAt = nowUtcTimestamp();
    c.version = 1;
    validate(c, where("client", c.id.str()));
    SqliteTransaction tx(m_db);
    writeClient(c, false);
    tx.commit();
    return c.id;
}

void SqliteRecordStore::updateClient(const Client& client)
{
    Client c = client;
    c.updatedAt = nowUtcTimestamp();
    validate(c, where("client", c.id.str()));
    SqliteTransaction tx(m_db);
    const auto stored = this->client(c.id);
    if (!stored)
        throw ValidationError(describe() + ": client: unknown id \"" + c.id.str() + "\"");
    c.version = detail::nextVersion(where("client", c.id.str()), stored->version, c.version, stored->updatedAt);
    writeClient(c, true);
    tx.commit();
}

void SqliteRecordStore::requireClient(const ClientId& id) const
{
    SqliteStatement st(m_db, "SELECT 1 FROM clients WHERE id = ?1");
    st.bind(1, id.str());
    if (!st.step())
        throw ValidationError(describe() + ": client: unknown id \"" + id.str() + "\"");
}

std::optional<Client> SqliteRecordStore::client(const ClientId& id) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kClientColumns + " FROM clients WHERE id = ?1");
    st.bind(1, id.str());
    if (!st.step())
        return std::nullopt;
    return readClient(st);
}

std::vector<Client> SqliteRecordStore::listClients() const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kClientColumns +
                                 " FROM clients ORDER BY name COLLATE NOCASE, reference");
    std::vector<Client> out;
    while (st.step())
        out.push_back(readClient(st));
    return out;
}

std::vector<Client> SqliteRecordStore::searchClients(std::string_view text, std::size_t limit) const
{
    std::vector<Client> out;
    if (limit == 0)
        return out;
    const auto lim = static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX));
    std::string cols;
    for (std::string_view c : {"id", "name", "reference", "date_of_birth", "contact", "notes", "consent_date",
                               "consent_agreed", "consent_recorded_by", "created_at", "updated_at", "version"})
        cols += (cols.empty() ? "c." : ", c.") + std::string(c);
    std::unique_ptr<SqliteStatement> st;
    if (text.empty()) {
        st = std::make_unique<SqliteStatement>(
            m_db, "SELECT " + cols + " FROM clients c ORDER BY c.name COLLATE NOCASE, c.reference LIMIT ?1");
        st->bind(1, lim);
    } else if (codePoints(text) >= 3) {
        // The trigram index answers any substring of three or more characters, case-insensitively.
        std::string phrase = "\"";
        for (char c : text)
            phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
        phrase += "\"";
        st = std::make_unique<SqliteStatement>(
            m_db, "SELECT " + cols + " FROM clients_search s JOIN clients c ON c.seq = s.rowid "
                                     "WHERE clients_search MATCH ?1 ORDER BY c.name COLLATE NOCASE, c.reference "
                                     "LIMIT ?2");
        st->bind(1, phrase).bind(2, lim);
    } else {
        // One or two characters: too short for trigrams; a scan of two short columns.
        st = std::make_unique<SqliteStatement>(
            m_db, "SELECT " + cols + " FROM clients c WHERE c.name LIKE ?1 ESCAPE '\\' OR c.reference LIKE ?1 "
                                     "ESCAPE '\\' ORDER BY c.name COLLATE NOCASE, c.reference LIMIT ?2");
        st->bind(1, likePattern(text)).bind(2, lim);
    }
    while (st->step())
        out.push_back(readClient(*st));
    return out;
}

void SqliteRecordStore::deleteClient(const ClientId& id)
{
    SqliteTransaction tx(m_db);
    requireClient(id);
    SqliteStatement st(m_db, "DELETE FROM clients WHERE id = ?1");
    st.bind(1, id.str()).run();
    tx.commit();
}

// --- Sessions --------------------------------------------------------------------------------------------

void SqliteRecordStore::writeSession(const Session& s, bool upsert)
{
    SqliteStatement st(m_db, std::string("INSERT INTO sessions (") + kSessionColumns +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)" +
                                 (upsert ? " ON CONFLICT (id) DO UPDATE SET date_time = ?3, reason = ?4, "
                                           "pain_before = ?5, pain_after = ?6, subjective = ?7, objective = ?8, "
                                           "assessment = ?9, plan = ?10, techniques = ?11, signed_at = ?12, "
                                           "signed_by = ?13, version = ?14 WHERE client_id = ?2"
                                         : ""));
    st.bind(1, s.id.str()).bind(2, s.client.str()).bind(3, s.dateTime).bind(4, s.reason);
    st.bind(5, s.painBefore).bind(6, s.painAfter);
    st.bind(7, s.soap.subjective).bind(8, s.soap.objective).bind(9, s.soap.assessment).bind(10, s.soap.plan);
    st.bind(11, toJsonColumn(s.techniques));
    if (s.signature)
        st.bind(12, s.signature->at).bind(13, s.signature->by);
    else
        st.bindNull(12).bindNull(13);
    st.bind(14, s.version);
    st.run();
    if (m_db.changes() == 0)
        throw ValidationError(where("session", s.id.str()) + ": client: the session belongs to another client");
}

SessionId SqliteRecordStore::addSession(Session s)
{
    if (s.id.empty())
        s.id = SessionId::generate();
    validate(s, where("session", s.id.str()));
    if (s.signature)
        throw ValidationError(where("session", s.id.str()) + ": signature: sign with signSession");
    s.version = 1;
    SqliteTransaction tx(m_db);
    requireClient(s.client);
    writeSession(s, false);
    tx.commit();
    return s.id;
}

void SqliteRecordStore::requireUnlocked(const SessionId& session, std::string_view what) const
{
    SqliteStatement st(m_db, "SELECT signed_at, signed_by FROM sessions WHERE id = ?1");
    st.bind(1, session.str());
    if (!st.step())
        throw ValidationError(describe() + ": session: unknown id \"" + session.str() + "\"");
    if (!st.isNull(0))
        throw LockedError(where("session", session.str()) + ": signed " + st.text(0) + " by " + st.text(1) +
                          ", so " + std::string(what) + " is refused; add an addendum instead");
}

void SqliteRecordStore::updateSession(const Session& session)
{
    Session s = session;
    validate(s, where("session", s.id.str()));
    SqliteTransaction tx(m_db);
    requireUnlocked(s.id, "changing it");
    if (s.signature)
        throw ValidationError(where("session", s.id.str()) + ": signature: sign with signSession");
    const auto stored = this->session(s.id);
    s.version = detail::nextVersion(where("session", s.id.str()), stored->version, s.version);
    writeSession(s, true);
    tx.commit();
}

std::optional<Session> SqliteRecordStore::session(const SessionId& id) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kSessionColumns + " FROM sessions WHERE id = ?1");
    st.bind(1, id.str());
    if (!st.step())
        return std::nullopt;
    return readSession(st);
}

std::vector<Session> SqliteRecordStore::listSessions(const ClientId& client) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kSessionColumns +
                                 " FROM sessions WHERE client_id = ?1 ORDER BY date_time, seq");
    st.bind(1, client.str());
    std::vector<Session> out;
    while (st.step())
        out.push_back(readSession(st));
    return out;
}

void SqliteRecordStore::signSession(const SessionId& id, std::string_view by, std::string_view at)
{
    if (by.empty())
        throw ValidationError(where("session", id.str()) + ": signed_by: who signs must be given");
    SqliteTransaction tx(m_db);
    requireUnlocked(id, "signing it again");
    SqliteStatement st(m_db, "UPDATE sessions SET signed_at = ?2, signed_by = ?3, version = version + 1 WHERE id = ?1");
    st.bind(1, id.str()).bind(2, at.empty() ? nowUtcTimestamp() : std::string(at)).bind(3, by).run();
    tx.commit();
}

void SqliteRecordStore::writeAddendum(const Addendum& a, bool ignoreExisting)
{
    SqliteStatement st(m_db, std::string("INSERT INTO addenda (id, session_id, at, author, text) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5)") +
                                 (ignoreExisting ? " ON CONFLICT (id) DO NOTHING" : ""));
    st.bind(1, a.id.str()).bind(2, a.session.str()).bind(3, a.at).bind(4, a.author).bind(5, a.text).run();
}

AddendumId SqliteRecordStore::addAddendum(Addendum a)
{
    if (a.id.empty())
        a.id = AddendumId::generate();
    if (a.at.empty())
        a.at = nowUtcTimestamp();
    validate(a, where("addendum", a.id.str()));
    SqliteTransaction tx(m_db);
    if (!session(a.session))
        throw ValidationError(describe() + ": session: unknown id \"" + a.session.str() + "\"");
    writeAddendum(a, false);
    tx.commit();
    return a.id;
}

std::vector<Addendum> SqliteRecordStore::listAddenda(const SessionId& session) const
{
    SqliteStatement st(m_db, "SELECT id, session_id, at, author, text FROM addenda WHERE session_id = ?1 "
                             "ORDER BY at, seq");
    st.bind(1, session.str());
    std::vector<Addendum> out;
    while (st.step())
        out.push_back(readAddendum(st));
    return out;
}

// --- Exchange --------------------------------------------------------------------------------------------

ClientRecord SqliteRecordStore::exportClient(const ClientId& id) const
{
    // One read transaction so the record is a consistent snapshot.
    m_db.exec("BEGIN");
    try {
        ClientRecord r = detail::readClientRecord(*this, id);
        m_db.exec("COMMIT");
        return r;
    } catch (...) {
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void SqliteRecordStore::importClient(const ClientRecord& record)
{
    const ClientId& cid = record.client.id;
    Client c = record.client;
    if (c.createdAt.empty())
        c.createdAt = nowUtcTimestamp();
    if (c.updatedAt.empty())
        c.updatedAt = c.createdAt;
    validateImport(record, [&](std::string_view kind, const std::string& id) { return where(kind, id); });

    SqliteTransaction tx(m_db);
    {
        SqliteStatement exists(m_db, "SELECT 1 FROM clients WHERE id = ?1");
        exists.bind(1, cid.str());
        if (exists.step()) {
            // Keep the stored creation time; an update changes only what the file says.
            SqliteStatement keep(m_db, "SELECT created_at FROM clients WHERE id = ?1");
            keep.bind(1, cid.str());
            if (keep.step())
                c.createdAt = keep.text(0);
        }
    }
    c.version = detail::importedVersion(client(cid), c);
    writeClient(c, true);
    for (const auto& sr : record.sessions) {
        const auto stored = session(sr.session.id);
        if (stored && stored->client != cid)
            throw ValidationError(where("session", sr.session.id.str()) + ": client: belongs to another client");
        const bool locked = stored && stored->isSigned();
        if (!locked) {
            // Unsigned first so its parts can go in, then the signature that locks it.
            Session unsignedSession = sr.session;
            unsignedSession.signature.reset();
            unsignedSession.version = detail::importedVersion(stored, unsignedSession);
            writeSession(unsignedSession, true);
            for (Finding f : sr.findings) {
                f.version = detail::importedVersion(finding(f.id), f);
                writeFinding(f, true);
            }
            for (PainMark p : sr.painMarks) {
                p.version = detail::importedVersion(painMark(p.id), p);
                writePainMark(p, true);
            }
            for (const auto& q : sr.questionnaires)
                writeQuestionnaire(q, true);
            if (sr.session.signature) {
                SqliteStatement sign(m_db, "UPDATE sessions SET signed_at = ?2, signed_by = ?3, "
                                           "version = version + 1 WHERE id = ?1");
                sign.bind(1, sr.session.id.str()).bind(2, sr.session.signature->at);
                sign.bind(3, sr.session.signature->by).run();
            }
        }
        for (const auto& a : sr.addenda)
            writeAddendum(a, true);
    }
    for (JournalEntry j : record.journal) {
        j.version = detail::importedVersion(journalEntry(j.id), j);
        writeJournal(j, true);
    }
    tx.commit();
}

} // namespace ta::core::records
