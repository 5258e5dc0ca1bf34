#pragma once
// A client's body map: what a therapist found, session by session. Trigger-point tags are the therapist's
// own findings (placed on a muscle, optionally snapped to a documented trigger point); pain marks are where
// the client feels it. Positions are in the model frame (metres). Structures and trigger points are named
// by their stable string ids, never by indices, so a document survives a rebuilt model.
//
// Storage (JSON, schema version kBodyMapSchemaVersion) is in body_map_json.h.
#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

enum class TagState : std::uint8_t { Active, Latent };
std::string_view toString(TagState state);
std::optional<TagState> tagStateFromString(std::string_view s);

/// Id of a tag or a pain mark, unique within one document (tags and marks share one counter, so a
/// number names one thing); 0 = none. Tags and marks have distinct id types so one cannot be passed
/// where the other is meant.
template <class Tag>
struct DocumentId {
    std::uint32_t value = 0;
    bool valid() const { return value != 0; }
    friend bool operator==(DocumentId, DocumentId) = default;
};
using TagId = DocumentId<struct TagIdTag>;
using PainMarkId = DocumentId<struct PainMarkIdTag>;

inline constexpr int kMaxSeverity = 10;

struct TriggerPointTag {
    TagId id;
    std::string structure;                   ///< structure id, e.g. "trapezius-descending-left"
    glm::vec3 position{0.0f};                ///< model frame, metres, on the structure's surface
    std::optional<std::string> triggerPoint; ///< documented trigger point it snapped to, if any
    TagState state = TagState::Active;
    int severity = 5;                        ///< 0..kMaxSeverity
    std::string note;
};

struct PainMark {
    PainMarkId id;
    std::string structure;    ///< usually "skin"; may be empty
    glm::vec3 position{0.0f}; ///< model frame, metres
    float radius = 0.02f;     ///< metres
    int intensity = 5;        ///< 0..kMaxSeverity
    std::string note;
};

struct Session {
    std::string date; ///< ISO 8601 day, "YYYY-MM-DD"
    std::string note;
    std::vector<TriggerPointTag> tags;
    std::vector<PainMark> painMarks;
};

class BodyMap {
public:
    std::string client;
    std::vector<Session> sessions;

    /// The session for `date`, created (and kept in date order) when there is none.
    Session& sessionFor(std::string_view date);
    /// Adds a tag to the session for `date`, giving it a fresh id; returns the id.
    TagId addTag(std::string_view date, TriggerPointTag tag);
    PainMarkId addPainMark(std::string_view date, PainMark mark);
    TriggerPointTag* findTag(TagId id);
    const TriggerPointTag* findTag(TagId id) const;
    PainMark* findPainMark(PainMarkId id);
    const PainMark* findPainMark(PainMarkId id) const;
    /// Removes the tag or pain mark with this id; false when there is none.
    bool remove(TagId id);
    bool remove(PainMarkId id);
    /// One more than the largest id in use (tags and marks together).
    std::uint32_t nextId() const;
    std::size_t tagCount() const;
};

/// True for a valid "YYYY-MM-DD" calendar day.
bool isIsoDate(std::string_view s);

} // namespace ta::core
