#pragma once
// Strong ids of client records: each holds a random (version 4) UUID in lower-case canonical form,
// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx". UUIDs (not row numbers) so that a record keeps its identity
// across databases, exports and re-imports. An empty id means "none yet": the store assigns one.
#include <compare>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace ta::core::records {

/// A fresh random v4 UUID (std::random_device seeds a per-thread mt19937_64).
std::string newUuid();
/// True for a lower-case canonical UUID string (any version).
bool isUuid(std::string_view s);

template <typename Tag>
class RecordId {
public:
    RecordId() = default;
    explicit RecordId(std::string value) : m_value(std::move(value)) {}
    static RecordId generate() { return RecordId(newUuid()); }

    const std::string& str() const { return m_value; }
    bool empty() const { return m_value.empty(); }
    bool valid() const { return isUuid(m_value); }

    friend bool operator==(const RecordId&, const RecordId&) = default;
    friend auto operator<=>(const RecordId&, const RecordId&) = default;

private:
    std::string m_value;
};

struct ClientTag {};
struct SessionTag {};
struct FindingTag {};
struct PainMarkTag {};
struct JournalEntryTag {};
struct QuestionnaireTag {};
struct AddendumTag {};

using ClientId = RecordId<ClientTag>;
using SessionId = RecordId<SessionTag>;
using FindingId = RecordId<FindingTag>;
using PainMarkId = RecordId<PainMarkTag>;
using JournalEntryId = RecordId<JournalEntryTag>;
using QuestionnaireId = RecordId<QuestionnaireTag>;
using AddendumId = RecordId<AddendumTag>;

} // namespace ta::core::records

template <typename Tag>
struct std::hash<ta::core::records::RecordId<Tag>> {
    std::size_t operator()(const ta::core::records::RecordId<Tag>& id) const noexcept
    {
        return std::hash<std::string>{}(id.str());
    }
};
