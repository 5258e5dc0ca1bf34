#pragma once
// The PostgreSQL backend of RecordStore: a clinic's shared records on a server (pg_schema.h). It passes
// the same contract suite as the SQLite store (tests/unit/records_store_contract.h).
//
// Who sees what is decided by the server (row-level security): this store sees the clients its login
// owns or that are shared with it, and a client it may not see is "unknown" here exactly as one that does
// not exist. Every call is one transaction; a change is durable on the server when the call returns.
//
// Faults: when the connection is lost the call throws ConnectionLostError (pg_connection.h) and nothing of
// it was acknowledged; the next call connects again, so the caller retries by calling again.
// Row versions and the signed-session locks are checked by the statements themselves (an UPDATE ... WHERE
// version = $n), so two therapists writing at once cannot lose a change.
#include "core/records/record_store.h"
#include "io/records/pg_connection.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace ta::io::records {

namespace rec = core::records;

class PgRecordStore final : public rec::RecordStore {
public:
    /// Connects to a clinic database made by initClinic (pg_schema.h). Throws ConnectionLostError,
    /// DatabaseRefusedError (no clinic schema, or a newer one: run `trigger-atlas clinic init`).
    explicit PgRecordStore(std::string conninfo,
                           std::function<std::optional<std::string>(const std::string&)> askPassword = {});
    ~PgRecordStore() override;

    PgConnection& connection() { return *m_conn; }

    std::string describe() const override;

    rec::ClientId addClient(rec::Client client) override;
    void updateClient(const rec::Client& client) override;
    std::optional<rec::Client> client(const rec::ClientId& id) const override;
    std::vector<rec::Client> listClients() const override;
    std::vector<rec::Client> searchClients(std::string_view text, std::size_t limit) const override;
    void deleteClient(const rec::ClientId& id) override;

    rec::SessionId addSession(rec::Session session) override;
    void updateSession(const rec::Session& session) override;
    std::optional<rec::Session> session(const rec::SessionId& id) const override;
    std::vector<rec::Session> listSessions(const rec::ClientId& client) const override;
    void signSession(const rec::SessionId& id, std::string_view by, std::string_view at = {}) override;
    rec::AddendumId addAddendum(rec::Addendum addendum) override;
    std::vector<rec::Addendum> listAddenda(const rec::SessionId& session) const override;

    rec::FindingId addFinding(rec::Finding finding) override;
    void updateFinding(const rec::Finding& finding) override;
    void deleteFinding(const rec::FindingId& id) override;
    std::optional<rec::Finding> finding(const rec::FindingId& id) const override;
    std::vector<rec::Finding> listFindings(const rec::SessionId& session) const override;
    std::size_t carryOverFindings(const rec::SessionId& into) override;
    void confirmFinding(const rec::FindingId& id) override;

    rec::PainMarkId addPainMark(rec::PainMark mark) override;
    std::vector<rec::PainMarkId> addPainMarks(std::vector<rec::PainMark> marks) override;
    void updatePainMark(const rec::PainMark& mark) override;
    void deletePainMarks(std::span<const rec::PainMarkId> ids) override;
    std::vector<rec::PainMark> listPainMarks(const rec::SessionId& session) const override;

    rec::JournalEntryId addJournalEntry(rec::JournalEntry entry) override;
    void updateJournalEntry(const rec::JournalEntry& entry) override;
    std::vector<rec::JournalEntry> listJournal(const rec::ClientId& client, std::string_view from = {},
                                               std::string_view to = {}) const override;

    rec::QuestionnaireId addQuestionnaire(rec::QuestionnaireResponse response) override;
    std::vector<rec::QuestionnaireResponse> listQuestionnaires(const rec::SessionId& session) const override;

    rec::ClientRecord exportClient(const rec::ClientId& id) const override;
    void importClient(const rec::ClientRecord& record) override;

    // Teaching mode (pg_study_rows.cpp): each login's students and their progress are that login's own.
    void recordReview(const rec::StudyReview& review, const rec::StudyCard& card) override;
    std::optional<rec::StudyCard> studyCard(std::string_view student, std::string_view item) const override;
    std::vector<rec::StudyCard> listStudyCards(std::string_view student) const override;
    std::vector<rec::StudyReview> listStudyReviews(std::string_view student) const override;
    std::vector<std::string> listStudents() const override;

private:
    /// Connects again when the last call lost the connection. Throws ConnectionLostError.
    PgConnection& db() const;
    std::string where(std::string_view kind, const std::string& id) const;
    /// Throws ValidationError for an unknown (or invisible) session, LockedError for a signed one.
    void requireUnlocked(const rec::SessionId& session, std::string_view what) const;
    // Row writers shared by add*, update* and import (pg_record_rows.cpp). `upsert`: insert or update by id.
    void writeClient(const rec::Client& c, bool upsert);
    void writeSession(const rec::Session& s, bool upsert);
    void writeFinding(const rec::Finding& f, bool upsert);
    void writePainMark(const rec::PainMark& p, bool upsert);
    void writeJournal(const rec::JournalEntry& j, bool upsert);
    void writeQuestionnaire(const rec::QuestionnaireResponse& q, bool upsert);
    void writeAddendum(const rec::Addendum& a, bool ignoreExisting);
    /// After an UPDATE ... WHERE id = $1 AND version = $n touched nothing: unknown id or a conflict.
    [[noreturn]] void refuseUpdate(std::string_view table, std::string_view kind, const std::string& id,
                                   std::int64_t given) const;
    std::optional<rec::PainMark> painMark(const rec::PainMarkId& id) const;
    std::optional<rec::JournalEntry> journalEntry(const rec::JournalEntryId& id) const;

    std::unique_ptr<PgConnection> m_conn;
};

} // namespace ta::io::records
