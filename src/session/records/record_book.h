#pragma once
// The client records as the window works on them: the store, the client and the session open, and a
// mirror of the client's sessions as a body map (core::BodyMap) that the tag tool, the pain brush, the
// markers and undo already understand. Every change the user makes to that mirror is written to the store
// at once (commit()), so there is no Save to forget: the store is the document.
//
// Mirror: one body-map session per record session, keyed by the session's date-time
// ("2026-12-01T09:00"); each finding a tag, each pain mark a pain mark. Tag and mark ids are stable while
// the client is open (a deleted finding brought back by undo keeps its UUID).
//
// Throws what the store throws (ta::Error subclasses naming the database and the record).
#include "core/anatomy_model.h"
#include "core/bodymap/body_map.h"
#include "core/records/record_store.h"
#include "session/trigger_point_catalog.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ta::session {

class RecordBook {
public:
    explicit RecordBook(std::unique_ptr<core::records::RecordStore> store);

    core::records::RecordStore& store() { return *m_store; }
    const core::records::RecordStore& store() const { return *m_store; }
    /// Counts every change of what is open (a client, a session, any record of them).
    std::uint64_t revision() const { return m_revision; }

    // --- The open client -----------------------------------------------------------------------------
    /// Opens a client and its latest session (none when it has none). Unknown id: ValidationError.
    void openClient(const core::records::ClientId& id);
    void closeClient();
    const std::optional<core::records::Client>& client() const { return m_client; }
    /// The open client's sessions, oldest first.
    const std::vector<core::records::Session>& sessions() const { return m_sessions; }
    /// Adds a client and opens it.
    core::records::ClientId addClient(core::records::Client client);
    void updateClient(const core::records::Client& client);

    // --- The open session ----------------------------------------------------------------------------
    void openSession(const core::records::SessionId& id);
    /// The open session with everything in it; nullopt when none is open.
    const std::optional<core::records::SessionRecord>& current() const { return m_current; }
    bool currentSigned() const { return m_current && m_current->session.isSigned(); }
    /// Adds a session to the open client at `dateTime` ("YYYY-MM-DDTHH:MM") and opens it; with
    /// `carryOver` the last session's findings come along, marked "carried over" until confirmed.
    core::records::SessionId newSession(const std::string& dateTime, bool carryOver, const std::string& reason = {});
    /// Saves the open session's own fields (reason, NRS, SOAP, techniques). LockedError when signed.
    void updateSession(const core::records::Session& session);
    void signSession(const std::string& by);
    void addAddendum(const std::string& author, const std::string& text);
    void addQuestionnaire(core::records::QuestionnaireKind kind, std::vector<int> answers);
    /// Re-reads the client, its sessions and the open session from the store.
    void refresh();

    // --- The mirror ----------------------------------------------------------------------------------
    /// The open client's sessions as a body map; its current session key is currentKey().
    const core::BodyMap& mirror() const { return m_mirror; }
    /// The mirror session of the open session (its date-time); empty when none is open.
    std::string currentKey() const { return m_current ? m_current->session.dateTime : std::string(); }
    /// Writes into the store what differs between `edited` and the mirror in the open session (tags
    /// added, changed or deleted; pain marks added or deleted: a stroke is one transaction), then updates
    /// the mirror. Pain marks get the regions they cover (from `model` and `catalog`). One user action is
    /// one store call (a stroke, an erase, a tag placed, edited or deleted, one undo). Throws what the store
    /// throws (LockedError for a signed session); the mirror then shows what is stored, and the caller
    /// shows the mirror again.
    void commit(const core::BodyMap& edited, const core::AnatomyModel& model, TriggerPointCatalog& catalog);

    /// The stored finding behind a tag of the mirror; null when there is none.
    const core::records::Finding* findingOf(core::TagId tag) const;
    /// Sets what only a finding has (treated, technique, seconds) or confirms a carried-over one.
    void updateFinding(const core::records::Finding& finding);
    void confirmFinding(core::TagId tag);

private:
    void writeDifference(const core::BodyMap& edited, const core::AnatomyModel& model, TriggerPointCatalog& catalog);
    void loadSessions();
    void loadCurrent();
    void rebuildMirror();
    /// The small mirror id of a record (the same one every time while the client is open).
    template <class RecordIdT>
    std::uint32_t stableId(const RecordIdT& id, std::map<std::string, std::uint32_t>& byUuid,
                           std::map<std::uint32_t, RecordIdT>& byNumber);
    core::TagId tagIdFor(const core::records::FindingId& id);
    core::PainMarkId markIdFor(const core::records::PainMarkId& id);
    void bump() { ++m_revision; }
    bool m_reloadBeforeWrite = false; ///< the last commit lost the store midway

    std::unique_ptr<core::records::RecordStore> m_store;
    std::optional<core::records::Client> m_client;
    std::vector<core::records::Session> m_sessions;
    std::optional<core::records::SessionRecord> m_current;
    core::BodyMap m_mirror;
    // Stable small ids for the mirror, both ways.
    std::map<std::string, std::uint32_t> m_tagOfFinding, m_markOfPain;
    std::map<std::uint32_t, core::records::FindingId> m_findingOfTag;
    std::map<std::uint32_t, core::records::PainMarkId> m_painOfMark;
    std::map<std::uint32_t, core::records::Finding> m_findings; ///< by tag id, every session of the client
    std::uint32_t m_nextId = 1;
    std::uint64_t m_revision = 0;
};

} // namespace ta::session
