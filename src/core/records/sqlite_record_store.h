#pragma once
// The SQLite backend of RecordStore: one database file per installation, by default
// $XDG_DATA_HOME/trigger-atlas/records.db (fallback ~/.local/share/trigger-atlas/records.db).
//
// Durability and sharing: WAL journal, synchronous=FULL (a change is on disk when its call returns),
// foreign_keys=ON, a busy timeout so that two processes (the app and a command-line tool) can write the
// same file; every write transaction is BEGIN IMMEDIATE.
// Privacy: directories created for it are 0700; the database, its -wal and -shm and the backups 0600.
// Safety: an existing file that is damaged, foreign or from a newer version is refused
// (DatabaseRefusedError, sqlite_schema.h) and left byte-for-byte untouched.
// Backups: one a day through the sqlite3_backup API, <dir>/backups/records-YYYY-MM-DD.db, last 7 kept.
//
// Not thread-safe: one SqliteRecordStore per thread.
#include "core/records/record_store.h"
#include "core/records/sqlite_db.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace ta::core::records {

/// $XDG_DATA_HOME/trigger-atlas/records.db, else $HOME/.local/share/trigger-atlas/records.db.
/// Throws IoError when neither variable is set.
std::filesystem::path defaultRecordDatabasePath();

struct SqliteStoreOptions {
    /// Make today's backup on open when there is none yet (see SqliteRecordStore::backupIfDue).
    bool dailyBackup = true;
    int busyTimeoutMs = 15000;
};

class SqliteRecordStore final : public RecordStore {
public:
    /// Opens or creates the database at `file`, creating missing directories (0700). Runs migrations.
    /// Throws DatabaseRefusedError (file untouched), IoError.
    explicit SqliteRecordStore(const std::filesystem::path& file, SqliteStoreOptions options = {});
    ~SqliteRecordStore() override;

    const std::filesystem::path& file() const { return m_db.file(); }
    /// The schema version of the open database (kSchemaVersion once open).
    int schemaVersion();
    /// "ok" for a sound database (PRAGMA integrity_check).
    std::string integrityCheck();

    /// Writes <dir>/backups/records-<today>.db unless it exists (at most one a day), then deletes all
    /// but the newest `keep` backups. `today` is "YYYY-MM-DD" (injectable for tests). Returns the backup
    /// written, nullopt when there was one already. Throws IoError, ValidationError (bad date).
    std::optional<std::filesystem::path> backupIfDue(const std::string& today, int keep = 7);
    std::filesystem::path backupDirectory() const;

    std::string describe() const override;

    ClientId addClient(Client client) override;
    void updateClient(const Client& client) override;
    std::optional<Client> client(const ClientId& id) const override;
    std::vector<Client> listClients() const override;
    std::vector<Client> searchClients(std::string_view text, std::size_t limit) const override;
    void deleteClient(const ClientId& id) override;

    SessionId addSession(Session session) override;
    void updateSession(const Session& session) override;
    std::optional<Session> session(const SessionId& id) const override;
    std::vector<Session> listSessions(const ClientId& client) const override;
    void signSession(const SessionId& id, std::string_view by, std::string_view at = {}) override;
    AddendumId addAddendum(Addendum addendum) override;
    std::vector<Addendum> listAddenda(const SessionId& session) const override;

    FindingId addFinding(Finding finding) override;
    void updateFinding(const Finding& finding) override;
    void deleteFinding(const FindingId& id) override;
    std::optional<Finding> finding(const FindingId& id) const override;
    std::vector<Finding> listFindings(const SessionId& session) const override;
    std::size_t carryOverFindings(const SessionId& into) override;
    void confirmFinding(const FindingId& id) override;

    PainMarkId addPainMark(PainMark mark) override;
    std::vector<PainMarkId> addPainMarks(std::vector<PainMark> marks) override;
    void updatePainMark(const PainMark& mark) override;
    void deletePainMarks(std::span<const PainMarkId> ids) override;
    std::vector<PainMark> listPainMarks(const SessionId& session) const override;

    JournalEntryId addJournalEntry(JournalEntry entry) override;
    void updateJournalEntry(const JournalEntry& entry) override;
    std::vector<JournalEntry> listJournal(const ClientId& client, std::string_view from = {},
                                          std::string_view to = {}) const override;

    QuestionnaireId addQuestionnaire(QuestionnaireResponse response) override;
    std::vector<QuestionnaireResponse> listQuestionnaires(const SessionId& session) const override;

    ClientRecord exportClient(const ClientId& id) const override;
    void importClient(const ClientRecord& record) override;

    // Study progress (sqlite_study_rows.cpp).
    void recordReview(const StudyReview& review, const StudyCard& card) override;
    std::optional<StudyCard> studyCard(std::string_view student, std::string_view item) const override;
    std::vector<StudyCard> listStudyCards(std::string_view student) const override;
    std::vector<StudyReview> listStudyReviews(std::string_view student) const override;
    std::vector<std::string> listStudents() const override;

private:
    // Shared by add*, update* and import (sqlite_record_rows.cpp). `upsert`: insert or update by id.
    void writeClient(const Client& c, bool upsert);
    void writeSession(const Session& s, bool upsert);
    void writeFinding(const Finding& f, bool upsert);
    void writePainMark(const PainMark& p, bool upsert);
    void writeJournal(const JournalEntry& j, bool upsert);
    void writeQuestionnaire(const QuestionnaireResponse& q, bool upsert);
    void writeAddendum(const Addendum& a, bool ignoreExisting);
    /// Throws ValidationError for an unknown session, LockedError for a signed one (`what` is refused).
    void requireUnlocked(const SessionId& session, std::string_view what) const;
    void requireClient(const ClientId& client) const;
    std::optional<PainMark> painMark(const PainMarkId& id) const;
    std::optional<JournalEntry> journalEntry(const JournalEntryId& id) const;
    std::string where(std::string_view kind, const std::string& id) const;
    void makeFilesPrivate();

    mutable SqliteDb m_db; // const member functions only read through it
};

} // namespace ta::core::records
