#pragma once
// The record store: where client records live. Abstract so that backends (SQLite here in core,
// PostgreSQL later in io) are interchangeable and pass the same test suite
// (tests/unit/records_store_contract.h).
//
// Every change is committed when it is made: each mutating call is one transaction, durable when it
// returns; there is no Save. A call that throws has changed nothing.
//
// Row versions: add*() stores version 1; every change (update*, sign, confirm, an import that changes the
// row) adds one. update*(r) is refused with ConflictError unless r.version is the stored version, so an
// update is always made from what is stored now; the caller reloads and decides again.
//
// Ids: a record passed to add*() with an empty id gets a fresh UUID, which is returned; a given id is
// kept (import). Timestamps (created, updated, signed, answered, addendum) are set by the store when empty.
//
// Errors (all derived from ta::Error, each message naming the database and the record/key):
//   ValidationError  a value breaks a rule (record_validation.h), an unknown id, a duplicate id,
//                    a second journal entry for the same client and day
//   LockedError      a change to a signed session, or to its findings, pain marks or questionnaires
//   ConflictError    an update made from an older row version: someone else changed the record first
//   IoError          the database cannot be read or written (disk full, busy beyond the timeout, damaged)
//   UnreachableError an IoError: the server cannot be reached; nothing of the call was acknowledged
#include "core/error.h"
#include "core/records/records.h"
#include "core/records/study_progress.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core::records {

/// A change to a signed (locked) session was refused; add an Addendum instead.
class LockedError : public ValidationError {
public:
    using ValidationError::ValidationError;
};

/// An update was made from an older version of the record: someone else (another window, program or
/// therapist) changed it first. Nothing was written; reload the record and apply the change again.
class ConflictError : public ValidationError {
public:
    using ValidationError::ValidationError;
};

/// The store cannot be reached (a clinic server stopped, the network gone). Nothing of the failed call was
/// acknowledged; the caller keeps its change and calls again later (the store reconnects by itself).
class UnreachableError : public IoError {
public:
    using IoError::IoError;
};

class RecordStore {
public:
    virtual ~RecordStore() = default;

    /// Names the store in messages (the database file, or a connection description).
    virtual std::string describe() const = 0;

    // --- Clients -----------------------------------------------------------------------------------------
    virtual ClientId addClient(Client client) = 0;
    /// Replaces every field but id and createdAt; unknown id throws ValidationError.
    virtual void updateClient(const Client& client) = 0;
    virtual std::optional<Client> client(const ClientId& id) const = 0;
    /// All clients, ordered by name (case-insensitive), then reference.
    virtual std::vector<Client> listClients() const = 0;
    /// Search as you type: clients whose name or reference contains `text` (case-insensitive substring;
    /// backends must fold at least ASCII, SQLite folds Unicode from three characters on), ordered like
    /// listClients, at most `limit`. Empty text returns the first `limit` clients. Indexed: a few ms at
    /// 10,000 clients (tests/bench/records_bench.cpp).
    virtual std::vector<Client> searchClients(std::string_view text, std::size_t limit) const = 0;
    /// Deletes the client with all sessions, findings, pain marks, questionnaires, addenda and journal
    /// (signed sessions included: deleting a whole client file is allowed). Unknown id: ValidationError.
    virtual void deleteClient(const ClientId& id) = 0;

    // --- Sessions ----------------------------------------------------------------------------------------
    /// `session.signature` must be empty (sign with signSession). Unknown client: ValidationError.
    virtual SessionId addSession(Session session) = 0;
    /// Throws LockedError when the stored session is signed.
    virtual void updateSession(const Session& session) = 0;
    virtual std::optional<Session> session(const SessionId& id) const = 0;
    /// The client's sessions ordered by date-time, oldest first.
    virtual std::vector<Session> listSessions(const ClientId& client) const = 0;
    /// Signs and locks the session; `at` empty means now. Signing twice throws LockedError.
    virtual void signSession(const SessionId& id, std::string_view by, std::string_view at = {}) = 0;
    /// Addenda may be added to any session, signed or not; they are never changed afterwards.
    virtual AddendumId addAddendum(Addendum addendum) = 0;
    virtual std::vector<Addendum> listAddenda(const SessionId& session) const = 0; ///< by time

    // --- Findings ----------------------------------------------------------------------------------------
    virtual FindingId addFinding(Finding finding) = 0;
    virtual void updateFinding(const Finding& finding) = 0;
    virtual void deleteFinding(const FindingId& id) = 0;
    virtual std::optional<Finding> finding(const FindingId& id) const = 0;
    virtual std::vector<Finding> listFindings(const SessionId& session) const = 0; ///< in insertion order
    /// Copies the findings of the client's latest session before `into` (by date-time) into `into`, each
    /// with a new id, carriedOver = true and treated = false. Returns how many were copied (0 when there
    /// is no earlier session). One transaction.
    virtual std::size_t carryOverFindings(const SessionId& into) = 0;
    /// Clears carriedOver: the therapist confirmed the finding still holds.
    virtual void confirmFinding(const FindingId& id) = 0;

    // --- Pain marks --------------------------------------------------------------------------------------
    virtual PainMarkId addPainMark(PainMark mark) = 0;
    /// A pain-brush stroke: all marks in one transaction (all or none). Returns their ids in order.
    virtual std::vector<PainMarkId> addPainMarks(std::vector<PainMark> marks) = 0;
    virtual void updatePainMark(const PainMark& mark) = 0;
    /// An erase stroke: all in one transaction. Unknown ids: ValidationError, nothing deleted.
    virtual void deletePainMarks(std::span<const PainMarkId> ids) = 0;
    virtual std::vector<PainMark> listPainMarks(const SessionId& session) const = 0; ///< insertion order

    // --- Headache journal --------------------------------------------------------------------------------
    /// One entry per client and date; a second for the same day throws ValidationError.
    virtual JournalEntryId addJournalEntry(JournalEntry entry) = 0;
    virtual void updateJournalEntry(const JournalEntry& entry) = 0;
    /// Entries with from <= date <= to (either may be empty: unbounded), by date.
    virtual std::vector<JournalEntry> listJournal(const ClientId& client, std::string_view from = {},
                                                  std::string_view to = {}) const = 0;

    // --- Questionnaires ----------------------------------------------------------------------------------
    /// Answers are validated by the questionnaire's scoring (questionnaires.h).
    virtual QuestionnaireId addQuestionnaire(QuestionnaireResponse response) = 0;
    virtual std::vector<QuestionnaireResponse> listQuestionnaires(const SessionId& session) const = 0;

    // --- Exchange ----------------------------------------------------------------------------------------
    /// Everything about one client. Unknown id: ValidationError.
    virtual ClientRecord exportClient(const ClientId& id) const = 0;
    /// Upserts a whole client record by UUID in one transaction: records that exist are updated, new
    /// ones inserted, records not in `record` are left alone; importing the same record twice changes
    /// nothing the second time. A session already signed in the store is kept as stored (a signed
    /// session is never changed); only its new addenda are added. Validates everything first.
    virtual void importClient(const ClientRecord& record) = 0;

    // --- Study progress (teaching mode, study_progress.h) ----------------------------------------------
    /// Records one answer: appends `review` to the log and replaces the student's card for the item with
    /// `card`, in one transaction. `card.student` and `card.item` must equal the review's; empty
    /// timestamps become now. Bad values (study_progress.h validate): ValidationError, nothing written.
    virtual void recordReview(const StudyReview& review, const StudyCard& card) = 0;
    virtual std::optional<StudyCard> studyCard(std::string_view student, std::string_view item) const = 0;
    /// The student's cards, ordered by item (byte order). Empty for an unknown student.
    virtual std::vector<StudyCard> listStudyCards(std::string_view student) const = 0;
    /// The student's answers, oldest first (the order they were recorded in).
    virtual std::vector<StudyReview> listStudyReviews(std::string_view student) const = 0;
    /// Every student with at least one card, in byte order.
    virtual std::vector<std::string> listStudents() const = 0;
};

} // namespace ta::core::records
