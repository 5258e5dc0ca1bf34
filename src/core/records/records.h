#pragma once
// The record types of a client's file: client, session (with SOAP notes, signature and addenda),
// findings (the therapist's trigger-point findings), pain marks (where the client feels it), the
// headache journal and questionnaire responses.
//
// Positions are in the model frame, metres (the same frame as the body map, core/bodymap/body_map.h).
// Structure, trigger-point and region ids are the model's stable string ids.
// Dates are ISO 8601 days "YYYY-MM-DD"; session times are local "YYYY-MM-DDTHH:MM"; timestamps the store
// writes (created, updated, signed, answered) are UTC "YYYY-MM-DDTHH:MM:SSZ".
//
// Storage lives behind RecordStore (record_store.h); validation of values in record_validation.h.
// Row versions: clients, sessions, findings, pain marks and journal entries carry the version they were read
// at; an update made from an older version is refused (ConflictError), so two people never overwrite each
// other's change unseen.
#include "core/records/record_id.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core::records {

inline constexpr int kMaxNrs = 10; ///< numeric rating scale 0..10 (pain, severity, intensity)

struct Consent {
    std::string date;       ///< "YYYY-MM-DD"
    std::string agreed;     ///< what the client agreed to, in words
    std::string recordedBy; ///< who recorded it
    friend bool operator==(const Consent&, const Consent&) = default;
};

struct Client {
    ClientId id;                            ///< empty: the store assigns one
    std::string name;                       ///< must not be empty
    std::string reference;                  ///< the therapist's own reference (file number)
    std::optional<std::string> dateOfBirth; ///< "YYYY-MM-DD"
    std::string contact;
    std::string notes;
    std::optional<Consent> consent;
    std::string createdAt; ///< UTC timestamp, set by the store
    std::string updatedAt; ///< UTC timestamp, set by the store on every change
    std::int64_t version = 0; ///< row version: 0 before it is stored; the store sets and checks it (ConflictError)
    friend bool operator==(const Client&, const Client&) = default;
};

struct SoapNotes {
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
    friend bool operator==(const SoapNotes&, const SoapNotes&) = default;
};

struct Signature {
    std::string at; ///< UTC timestamp
    std::string by; ///< who signed
    friend bool operator==(const Signature&, const Signature&) = default;
};

/// A treatment session. Once signed it is locked: the store refuses every change to it and to its
/// findings, pain marks and questionnaires (LockedError); corrections go in as Addenda.
struct Session {
    SessionId id;
    ClientId client;
    std::string dateTime; ///< local "YYYY-MM-DDTHH:MM"
    std::string reason;
    std::optional<int> painBefore; ///< NRS 0..10
    std::optional<int> painAfter;  ///< NRS 0..10
    SoapNotes soap;
    std::vector<std::string> techniques;
    std::optional<Signature> signature; ///< set only by RecordStore::signSession
    std::int64_t version = 0; ///< row version: 0 before it is stored; the store sets and checks it (ConflictError)
    bool isSigned() const { return signature.has_value(); }
    friend bool operator==(const Session&, const Session&) = default;
};

/// A dated note added to a signed session; never changed once written.
struct Addendum {
    AddendumId id;
    SessionId session;
    std::string at; ///< UTC timestamp; empty: the store sets now
    std::string author;
    std::string text;
    friend bool operator==(const Addendum&, const Addendum&) = default;
};

enum class FindingState : std::uint8_t { Active, Latent };

struct Finding {
    FindingId id;
    SessionId session;
    std::string structure;                   ///< e.g. "trapezius-descending-left"
    glm::vec3 position{0.0f};                ///< model frame, metres
    std::optional<std::string> triggerPoint; ///< documented trigger point id, if matched
    FindingState state = FindingState::Active;
    int severity = 5; ///< 0..10
    std::string note;
    bool treated = false;
    std::string technique;
    std::optional<int> treatedSeconds; ///< >= 0
    bool carriedOver = false; ///< copied from the previous session, not yet confirmed
    std::int64_t version = 0; ///< row version: 0 before it is stored; the store sets and checks it (ConflictError)
    friend bool operator==(const Finding&, const Finding&) = default;
};

enum class PainQuality : std::uint8_t { Aching, Burning, Tingling, Numbness, Sharp, Throbbing };
enum class Side : std::uint8_t { Left, Right, Both };

struct PainMark {
    PainMarkId id;
    SessionId session;
    std::string structure;    ///< usually "skin"; may be empty
    glm::vec3 position{0.0f}; ///< model frame, metres
    float radius = 0.02f;     ///< metres, > 0
    int intensity = 5;        ///< 0..10
    PainQuality quality = PainQuality::Aching;
    std::optional<std::string> region; ///< set for marks made by region (command line)
    std::optional<Side> side;          ///< with region
    std::vector<std::string> coveredRegions; ///< region ids under the mark, computed by the caller
    std::string note;
    std::int64_t version = 0; ///< row version: 0 before it is stored; the store sets and checks it (ConflictError)
    friend bool operator==(const PainMark&, const PainMark&) = default;
};

enum class HeadacheTrigger : std::uint8_t { Sleep, Stress, ScreenTime, Posture, Food, Weather, Other };

/// One day of a client's headache journal; at most one entry per client and date.
struct JournalEntry {
    JournalEntryId id;
    ClientId client;
    std::string date; ///< "YYYY-MM-DD"
    bool headache = false;
    std::optional<int> peakIntensity; ///< NRS 0..10
    std::optional<double> hours;      ///< duration, 0..24
    std::vector<std::string> regions;
    std::set<HeadacheTrigger> triggers;
    std::string medication;
    std::string note;
    std::int64_t version = 0; ///< row version: 0 before it is stored; the store sets and checks it (ConflictError)
    friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

enum class QuestionnaireKind : std::uint8_t { Ndi, Hit6 };

/// Answers to a questionnaire, given with a session. Scoring: questionnaires.h.
struct QuestionnaireResponse {
    QuestionnaireId id;
    SessionId session;
    QuestionnaireKind kind = QuestionnaireKind::Ndi;
    std::vector<int> answers; ///< NDI: 10 items 0..5; HIT-6: 6 items, index 0..4 or points 6/8/10/11/13
    std::string answeredAt;   ///< UTC timestamp; empty: the store sets now
    friend bool operator==(const QuestionnaireResponse&, const QuestionnaireResponse&) = default;
};

/// A session with everything recorded in it.
struct SessionRecord {
    Session session;
    std::vector<Finding> findings;
    std::vector<PainMark> painMarks;
    std::vector<QuestionnaireResponse> questionnaires;
    std::vector<Addendum> addenda;
    friend bool operator==(const SessionRecord&, const SessionRecord&) = default;
};

/// A client with everything: what export writes and import reads (client_exchange.h).
struct ClientRecord {
    Client client;
    std::vector<SessionRecord> sessions; ///< by date-time
    std::vector<JournalEntry> journal;   ///< by date
    friend bool operator==(const ClientRecord&, const ClientRecord&) = default;
};

/// `r` without the row versions the store keeps (they are the store's counters, not content): what two
/// stores holding the same record agree on, and what an export file carries.
ClientRecord withoutRowVersions(ClientRecord r);

// Names as spelled in JSON and the database ("active", "aching", "screen-time", "ndi", "hit-6", ...).
std::string_view toString(FindingState v);
std::string_view toString(PainQuality v);
std::string_view toString(Side v);
std::string_view toString(HeadacheTrigger v);
std::string_view toString(QuestionnaireKind v);
std::optional<FindingState> findingStateFromString(std::string_view s);
std::optional<PainQuality> painQualityFromString(std::string_view s);
std::optional<Side> sideFromString(std::string_view s);
std::optional<HeadacheTrigger> headacheTriggerFromString(std::string_view s);
std::optional<QuestionnaireKind> questionnaireKindFromString(std::string_view s);

/// Now as UTC "YYYY-MM-DDTHH:MM:SSZ".
std::string nowUtcTimestamp();
/// Today's local date "YYYY-MM-DD".
std::string todayLocalDate();
/// The local time of day "HH:MM".
std::string nowLocalTime();
/// True for a valid local "YYYY-MM-DDTHH:MM" (a real calendar day, 00:00-23:59).
bool isLocalDateTime(std::string_view s);

} // namespace ta::core::records
