#include "core/records/client_exchange.h"

#include "core/json_limits.h"
#include "core/atomic_file.h"
#include "core/read_file.h"
#include "core/bodymap/body_map_json.h"
#include "core/records/private_files.h"
#include "core/records/record_validation.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

namespace ta::core::records {

using nlohmann::json;
using ordered_json = nlohmann::ordered_json;

namespace {

// --- Writing ---------------------------------------------------------------------------------------------

template <typename T>
ordered_json opt(const std::optional<T>& v)
{
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json position(const glm::vec3& p) { return ordered_json::array({p.x, p.y, p.z}); }

ordered_json toJson(const Client& c)
{
    ordered_json j;
    j["id"] = c.id.str();
    j["name"] = c.name;
    j["reference"] = c.reference;
    j["dateOfBirth"] = opt(c.dateOfBirth);
    j["contact"] = c.contact;
    j["notes"] = c.notes;
    j["consent"] = c.consent ? ordered_json{{"date", c.consent->date}, {"agreed", c.consent->agreed},
                                            {"recordedBy", c.consent->recordedBy}}
                             : ordered_json(nullptr);
    j["createdAt"] = c.createdAt;
    j["updatedAt"] = c.updatedAt;
    return j;
}

ordered_json toJson(const SessionRecord& r)
{
    const Session& s = r.session;
    ordered_json j;
    j["id"] = s.id.str();
    j["dateTime"] = s.dateTime;
    j["reason"] = s.reason;
    j["painBefore"] = opt(s.painBefore);
    j["painAfter"] = opt(s.painAfter);
    j["soap"] = {{"subjective", s.soap.subjective}, {"objective", s.soap.objective},
                 {"assessment", s.soap.assessment}, {"plan", s.soap.plan}};
    j["techniques"] = s.techniques;
    j["signature"] = s.signature ? ordered_json{{"at", s.signature->at}, {"by", s.signature->by}}
                                 : ordered_json(nullptr);
    j["findings"] = ordered_json::array();
    for (const auto& f : r.findings)
        j["findings"].push_back({{"id", f.id.str()}, {"structure", f.structure}, {"position", position(f.position)},
                                 {"triggerPoint", opt(f.triggerPoint)}, {"state", toString(f.state)},
                                 {"severity", f.severity}, {"note", f.note}, {"treated", f.treated},
                                 {"technique", f.technique}, {"treatedSeconds", opt(f.treatedSeconds)},
                                 {"carriedOver", f.carriedOver}});
    j["painMarks"] = ordered_json::array();
    for (const auto& p : r.painMarks)
        j["painMarks"].push_back({{"id", p.id.str()}, {"structure", p.structure}, {"position", position(p.position)},
                                  {"radius", p.radius}, {"intensity", p.intensity}, {"quality", toString(p.quality)},
                                  {"region", opt(p.region)},
                                  {"side", p.side ? ordered_json(toString(*p.side)) : ordered_json(nullptr)},
                                  {"coveredRegions", p.coveredRegions}, {"note", p.note}});
    j["questionnaires"] = ordered_json::array();
    for (const auto& q : r.questionnaires)
        j["questionnaires"].push_back({{"id", q.id.str()}, {"kind", toString(q.kind)}, {"answers", q.answers},
                                       {"answeredAt", q.answeredAt}});
    j["addenda"] = ordered_json::array();
    for (const auto& a : r.addenda)
        j["addenda"].push_back({{"id", a.id.str()}, {"at", a.at}, {"author", a.author}, {"text", a.text}});
    return j;
}

ordered_json toJson(const JournalEntry& e)
{
    ordered_json triggers = ordered_json::array();
    for (auto t : e.triggers)
        triggers.push_back(toString(t));
    return {{"id", e.id.str()}, {"date", e.date}, {"headache", e.headache}, {"peakIntensity", opt(e.peakIntensity)},
            {"hours", opt(e.hours)}, {"regions", e.regions}, {"triggers", triggers}, {"medication", e.medication},
            {"note", e.note}};
}

// --- Reading ---------------------------------------------------------------------------------------------

/// A JSON object together with its key path, for messages: "<source>: sessions[0].findings[1].severity".
class Node {
public:
    Node(const json& j, std::string source, std::string path) : m_j(j), m_source(std::move(source)), m_path(std::move(path)) {}

    std::string where() const { return m_path.empty() ? m_source : m_source + ": " + m_path; }
    [[noreturn]] void fail(std::string_view key, const std::string& why) const
    {
        throw ValidationError(m_source + ": " + keyPath(key) + ": " + why);
    }
    std::string keyPath(std::string_view key) const
    {
        return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
    }
    void requireObject() const
    {
        if (!m_j.is_object())
            throw ValidationError(m_source + ": " + (m_path.empty() ? std::string("top level") : m_path) +
                                  ": must be an object");
    }
    const json* find(std::string_view key) const
    {
        auto it = m_j.find(key);
        return it == m_j.end() ? nullptr : &*it;
    }
    const json& need(std::string_view key) const
    {
        const json* v = find(key);
        if (!v)
            fail(key, "missing");
        return *v;
    }
    std::string str(std::string_view key, bool required = false) const
    {
        const json* v = required ? &need(key) : find(key);
        if (!v || v->is_null())
            return {};
        if (!v->is_string())
            fail(key, "must be a string");
        return v->get<std::string>();
    }
    std::optional<std::string> optStr(std::string_view key) const
    {
        const json* v = find(key);
        if (!v || v->is_null())
            return std::nullopt;
        return str(key);
    }
    bool boolean(std::string_view key, bool required = false) const
    {
        const json* v = required ? &need(key) : find(key);
        if (!v || v->is_null())
            return false;
        if (!v->is_boolean())
            fail(key, "must be true or false");
        return v->get<bool>();
    }
    std::optional<int> optInt(std::string_view key, bool required = false) const
    {
        const json* v = required ? &need(key) : find(key);
        if (!v || v->is_null()) {
            if (required)
                fail(key, "must be an integer");
            return std::nullopt;
        }
        if (!v->is_number_integer())
            fail(key, "must be an integer");
        const auto n = v->get<std::int64_t>();
        if (n < INT32_MIN || n > INT32_MAX)
            fail(key, "is out of range");
        return static_cast<int>(n);
    }
    int integer(std::string_view key) const { return *optInt(key, true); }
    std::optional<double> optNumber(std::string_view key, bool required = false) const
    {
        const json* v = required ? &need(key) : find(key);
        if (!v || v->is_null()) {
            if (required)
                fail(key, "must be a number");
            return std::nullopt;
        }
        if (!v->is_number())
            fail(key, "must be a number");
        return v->get<double>();
    }
    glm::vec3 vec3(std::string_view key) const
    {
        const json& v = need(key);
        if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() || !v[2].is_number())
            fail(key, "must be [x, y, z] in metres");
        return {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
    }
    std::vector<std::string> strings(std::string_view key) const
    {
        std::vector<std::string> out;
        const json* v = find(key);
        if (!v || v->is_null())
            return out;
        if (!v->is_array())
            fail(key, "must be a list of strings");
        for (const auto& e : *v) {
            if (!e.is_string())
                fail(key, "must be a list of strings");
            out.push_back(e.get<std::string>());
        }
        return out;
    }
    std::vector<int> ints(std::string_view key) const
    {
        const json& v = need(key);
        if (!v.is_array())
            fail(key, "must be a list of integers");
        std::vector<int> out;
        for (const auto& e : v) {
            if (!e.is_number_integer() || e.get<std::int64_t>() < INT32_MIN || e.get<std::int64_t>() > INT32_MAX)
                fail(key, "must be a list of integers");
            out.push_back(e.get<int>());
        }
        return out;
    }
    /// The elements of the array at `key` (missing or null: none) as nodes "key[i]".
    std::vector<Node> list(std::string_view key) const
    {
        std::vector<Node> out;
        const json* v = find(key);
        if (!v || v->is_null())
            return out;
        if (!v->is_array())
            fail(key, "must be a list");
        for (std::size_t i = 0; i < v->size(); ++i) {
            Node n((*v)[i], m_source, keyPath(key) + "[" + std::to_string(i) + "]");
            n.requireObject();
            out.push_back(std::move(n));
        }
        return out;
    }
    Node child(std::string_view key) const
    {
        Node n(need(key), m_source, keyPath(key));
        n.requireObject();
        return n;
    }
    bool has(std::string_view key) const
    {
        const json* v = find(key);
        return v && !v->is_null();
    }
    template <typename E>
    E enumValue(std::string_view key, std::optional<E> (*parse)(std::string_view), E fallback) const
    {
        if (!has(key))
            return fallback;
        const std::string s = str(key);
        const auto v = parse(s);
        if (!v)
            fail(key, "unknown value \"" + s + "\"");
        return *v;
    }

private:
    const json& m_j;
    std::string m_source;
    std::string m_path;
};

/// Tracks every id in the file: a duplicate is refused.
class IdSet {
public:
    template <typename Id>
    Id take(const Node& n)
    {
        Id id(n.str("id", true));
        if (!id.valid())
            n.fail("id", "must be a lower-case UUID, got \"" + id.str() + "\"");
        if (!m_seen.insert(id.str()).second)
            n.fail("id", "duplicate id " + id.str());
        return id;
    }

private:
    std::set<std::string> m_seen;
};

Finding readFinding(const Node& n, const SessionId& session, IdSet& ids)
{
    Finding f;
    f.id = ids.take<FindingId>(n);
    f.session = session;
    f.structure = n.str("structure", true);
    f.position = n.vec3("position");
    f.triggerPoint = n.optStr("triggerPoint");
    f.state = n.enumValue("state", &findingStateFromString, FindingState::Active);
    f.severity = n.integer("severity");
    f.note = n.str("note");
    f.treated = n.boolean("treated");
    f.technique = n.str("technique");
    f.treatedSeconds = n.optInt("treatedSeconds");
    f.carriedOver = n.boolean("carriedOver");
    validate(f, n.where());
    return f;
}

PainMark readPainMark(const Node& n, const SessionId& session, IdSet& ids)
{
    PainMark p;
    p.id = ids.take<PainMarkId>(n);
    p.session = session;
    p.structure = n.str("structure");
    p.position = n.vec3("position");
    p.radius = static_cast<float>(*n.optNumber("radius", true));
    p.intensity = n.integer("intensity");
    p.quality = n.enumValue("quality", &painQualityFromString, PainQuality::Aching);
    p.region = n.optStr("region");
    if (n.has("side"))
        p.side = n.enumValue("side", &sideFromString, Side::Both);
    p.coveredRegions = n.strings("coveredRegions");
    p.note = n.str("note");
    validate(p, n.where());
    return p;
}

SessionRecord readSession(const Node& n, const ClientId& client, IdSet& ids)
{
    SessionRecord r;
    Session& s = r.session;
    s.id = ids.take<SessionId>(n);
    s.client = client;
    s.dateTime = n.str("dateTime", true);
    s.reason = n.str("reason");
    s.painBefore = n.optInt("painBefore");
    s.painAfter = n.optInt("painAfter");
    if (n.has("soap")) {
        const Node soap = n.child("soap");
        s.soap = {soap.str("subjective"), soap.str("objective"), soap.str("assessment"), soap.str("plan")};
    }
    s.techniques = n.strings("techniques");
    if (n.has("signature")) {
        const Node sig = n.child("signature");
        s.signature = Signature{sig.str("at", true), sig.str("by", true)};
    }
    validate(s, n.where());
    for (const Node& f : n.list("findings"))
        r.findings.push_back(readFinding(f, s.id, ids));
    for (const Node& p : n.list("painMarks"))
        r.painMarks.push_back(readPainMark(p, s.id, ids));
    for (const Node& q : n.list("questionnaires")) {
        QuestionnaireResponse resp;
        resp.id = ids.take<QuestionnaireId>(q);
        resp.session = s.id;
        resp.kind = questionnaireKindFromString(q.str("kind", true))
                        .value_or(static_cast<QuestionnaireKind>(255));
        if (resp.kind != QuestionnaireKind::Ndi && resp.kind != QuestionnaireKind::Hit6)
            q.fail("kind", "must be \"ndi\" or \"hit-6\"");
        resp.answers = q.ints("answers");
        resp.answeredAt = q.str("answeredAt");
        validate(resp, q.where());
        r.questionnaires.push_back(std::move(resp));
    }
    for (const Node& a : n.list("addenda")) {
        Addendum add;
        add.id = ids.take<AddendumId>(a);
        add.session = s.id;
        add.at = a.str("at");
        add.author = a.str("author");
        add.text = a.str("text", true);
        validate(add, a.where());
        r.addenda.push_back(std::move(add));
    }
    return r;
}

JournalEntry readJournal(const Node& n, const ClientId& client, IdSet& ids)
{
    JournalEntry e;
    e.id = ids.take<JournalEntryId>(n);
    e.client = client;
    e.date = n.str("date", true);
    e.headache = n.boolean("headache", true);
    e.peakIntensity = n.optInt("peakIntensity");
    e.hours = n.optNumber("hours");
    e.regions = n.strings("regions");
    for (const auto& t : n.strings("triggers")) {
        const auto v = headacheTriggerFromString(t);
        if (!v)
            n.fail("triggers", "unknown trigger \"" + t + "\"");
        e.triggers.insert(*v);
    }
    e.medication = n.str("medication");
    e.note = n.str("note");
    validate(e, n.where());
    return e;
}

} // namespace

std::string clientRecordToJson(const ClientRecord& record)
{
    ordered_json j;
    j["format"] = kClientFormat;
    j["version"] = kClientFormatVersion;
    j["client"] = toJson(record.client);
    j["sessions"] = ordered_json::array();
    for (const auto& s : record.sessions)
        j["sessions"].push_back(toJson(s));
    j["journal"] = ordered_json::array();
    for (const auto& e : record.journal)
        j["journal"].push_back(toJson(e));
    return j.dump(2) + "\n";
}

ClientRecord clientRecordFromJson(std::string_view text, const std::string& source)
{
    checkJsonDepth(text, source);
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        throw ParseError(source + ": not valid JSON (byte " + std::to_string(e.byte) + ")");
    } catch (const json::exception& e) { // out_of_range: a number like 4e9470771 (found by fuzz_client_record)
        throw ParseError(source + ": not valid JSON (" + e.what() + ")");
    }
    const Node root(doc, source, "");
    root.requireObject();
    if (root.str("format", true) != kClientFormat)
        root.fail("format", "must be \"" + std::string(kClientFormat) + "\", got \"" + root.str("format") + "\"");
    const int version = root.integer("version");
    if (version < 1 || version > kClientFormatVersion)
        root.fail("version", "this version reads version 1 to " + std::to_string(kClientFormatVersion) + ", got " +
                                 std::to_string(version));
    IdSet ids;
    ClientRecord r;
    const Node c = root.child("client");
    r.client.id = ids.take<ClientId>(c);
    r.client.name = c.str("name", true);
    r.client.reference = c.str("reference");
    r.client.dateOfBirth = c.optStr("dateOfBirth");
    r.client.contact = c.str("contact");
    r.client.notes = c.str("notes");
    if (c.has("consent")) {
        const Node consent = c.child("consent");
        r.client.consent = Consent{consent.str("date", true), consent.str("agreed"), consent.str("recordedBy")};
    }
    r.client.createdAt = c.str("createdAt");
    r.client.updatedAt = c.str("updatedAt");
    validate(r.client, c.where());
    for (const Node& s : root.list("sessions"))
        r.sessions.push_back(readSession(s, r.client.id, ids));
    std::set<std::string> days;
    for (const Node& e : root.list("journal")) {
        r.journal.push_back(readJournal(e, r.client.id, ids));
        if (!days.insert(r.journal.back().date).second)
            e.fail("date", "a second journal entry for " + r.journal.back().date);
    }
    return r;
}

void exportClientFile(const RecordStore& store, const ClientId& client, const std::filesystem::path& file)
{
    writeFileAtomically(file, clientRecordToJson(store.exportClient(client)));
    makePrivate(file); // health data: owner only
}

ClientId importClientFile(RecordStore& store, const std::filesystem::path& file)
{
    const ClientRecord r = clientRecordFromJson(readTextFile(file), file.string());
    try {
        store.importClient(r);
    } catch (const LockedError&) {
        throw;
    } catch (const ValidationError& e) {
        throw ValidationError(file.string() + ": " + e.what());
    }
    return r.client.id;
}

ClientRecord clientRecordFromBodyMap(const BodyMap& map, const std::string& fallbackName)
{
    ClientRecord r;
    r.client.id = ClientId::generate();
    r.client.name = map.client.empty() ? fallbackName : map.client;
    for (const auto& s : map.sessions) {
        SessionRecord sr;
        sr.session.id = SessionId::generate();
        sr.session.client = r.client.id;
        sr.session.dateTime = s.date + "T00:00";
        sr.session.reason = "imported from a body map";
        sr.session.soap.subjective = s.note;
        for (const auto& t : s.tags) {
            Finding f;
            f.id = FindingId::generate();
            f.session = sr.session.id;
            f.structure = t.structure;
            f.position = t.position;
            f.triggerPoint = t.triggerPoint;
            f.state = t.state == TagState::Latent ? FindingState::Latent : FindingState::Active;
            f.severity = t.severity;
            f.note = t.note;
            sr.findings.push_back(std::move(f));
        }
        for (const auto& m : s.painMarks) {
            PainMark p;
            p.id = PainMarkId::generate();
            p.session = sr.session.id;
            p.structure = m.structure;
            p.position = m.position;
            p.radius = m.radius;
            p.intensity = m.intensity;
            p.quality = PainQuality::Aching;
            p.note = m.note;
            sr.painMarks.push_back(std::move(p));
        }
        r.sessions.push_back(std::move(sr));
    }
    return r;
}

ClientId importBodyMapFile(RecordStore& store, const std::filesystem::path& file)
{
    const BodyMap map = loadBodyMap(file);
    const ClientRecord r = clientRecordFromBodyMap(map, file.stem().string());
    try {
        store.importClient(r);
    } catch (const ValidationError& e) {
        throw ValidationError(file.string() + ": " + e.what());
    }
    return r.client.id;
}

} // namespace ta::core::records
