#include "core/bodymap/body_map_json.h"

#include "core/json_limits.h"
#include "core/atomic_file.h"
#include "core/read_file.h"
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

namespace ta::core {
namespace {

using nlohmann::json;

constexpr float kMaxCoordinate = 10.0f; // metres: anything farther is not on a body

json vec3ToJson(const glm::vec3& v) { return json::array({v.x, v.y, v.z}); }

/// Reads values out of a JSON object, naming the key path in every error.
class Reader {
public:
    Reader(const std::string& source, std::string path) : m_source(source), m_path(std::move(path)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& what) const
    {
        throw ValidationError(m_source + ": " + join(key) + ": " + what);
    }
    std::string join(const std::string& key) const
    {
        if (m_path.empty())
            return key;
        return key.empty() ? m_path : (key[0] == '[' ? m_path + key : m_path + "." + key);
    }
    const json& require(const json& obj, const std::string& key) const
    {
        if (!obj.is_object())
            fail("", "must be an object");
        const auto it = obj.find(key);
        if (it == obj.end())
            fail(key, "missing");
        return *it;
    }
    std::string string(const json& obj, const std::string& key, bool required = true) const
    {
        if (!obj.contains(key)) {
            if (required)
                fail(key, "missing");
            return {};
        }
        const json& v = obj.at(key);
        if (!v.is_string())
            fail(key, "must be a string, got " + std::string(v.type_name()));
        return v.get<std::string>();
    }
    int integer(const json& obj, const std::string& key, int lo, int hi) const
    {
        const json& v = require(obj, key);
        if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi)
            fail(key, "must be an integer " + std::to_string(lo) + "-" + std::to_string(hi) + ", got " + v.dump());
        return v.get<int>();
    }
    float number(const json& obj, const std::string& key, float lo, float hi) const
    {
        const json& v = require(obj, key);
        if (!v.is_number() || !(v.get<double>() >= lo) || !(v.get<double>() <= hi))
            fail(key, "must be a number " + trim(lo) + "-" + trim(hi) + ", got " + v.dump());
        return v.get<float>();
    }
    glm::vec3 position(const json& obj, const std::string& key) const
    {
        const json& v = require(obj, key);
        if (!v.is_array() || v.size() != 3)
            fail(key, "must be an array of 3 numbers (metres), got " + v.dump());
        glm::vec3 p;
        for (int i = 0; i < 3; ++i) {
            if (!v[i].is_number() || !std::isfinite(v[i].get<double>()) || std::abs(v[i].get<double>()) > kMaxCoordinate)
                fail(key, "must be 3 finite numbers within " + trim(kMaxCoordinate) + " m, got " + v.dump());
            p[i] = v[i].get<float>();
        }
        return p;
    }
    const json& array(const json& obj, const std::string& key, bool required) const
    {
        static const json kEmpty = json::array();
        if (!obj.contains(key)) {
            if (required)
                fail(key, "missing");
            return kEmpty;
        }
        const json& v = obj.at(key);
        if (!v.is_array())
            fail(key, "must be an array, got " + std::string(v.type_name()));
        return v;
    }
    Reader child(const std::string& key, std::size_t index) const
    {
        return Reader(m_source, join(key) + "[" + std::to_string(index) + "]");
    }

private:
    static std::string trim(float f)
    {
        std::string s = std::to_string(f);
        while (s.size() > 1 && s.back() == '0')
            s.pop_back();
        if (!s.empty() && s.back() == '.')
            s.pop_back();
        return s;
    }
    const std::string& m_source;
    std::string m_path;
};

std::uint32_t readId(const Reader& r, const json& obj, std::set<std::uint32_t>& seen)
{
    const int id = r.integer(obj, "id", 1, INT32_MAX);
    if (!seen.insert(static_cast<std::uint32_t>(id)).second)
        r.fail("id", "duplicate id " + std::to_string(id));
    return static_cast<std::uint32_t>(id);
}

} // namespace

std::string bodyMapToJson(const BodyMap& map)
{
    json sessions = json::array();
    for (const auto& s : map.sessions) {
        json tags = json::array();
        for (const auto& t : s.tags) {
            json j = json::object();
            j["id"] = t.id.value;
            j["structure"] = t.structure;
            j["position"] = vec3ToJson(t.position);
            j["triggerPoint"] = t.triggerPoint ? json(*t.triggerPoint) : json(nullptr);
            j["state"] = std::string(toString(t.state));
            j["severity"] = t.severity;
            j["note"] = t.note;
            tags.push_back(std::move(j));
        }
        json marks = json::array();
        for (const auto& m : s.painMarks) {
            json j = json::object();
            j["id"] = m.id.value;
            j["structure"] = m.structure;
            j["position"] = vec3ToJson(m.position);
            j["radius"] = m.radius;
            j["intensity"] = m.intensity;
            j["note"] = m.note;
            marks.push_back(std::move(j));
        }
        json js = json::object();
        js["date"] = s.date;
        js["note"] = s.note;
        js["tags"] = std::move(tags);
        js["painMarks"] = std::move(marks);
        sessions.push_back(std::move(js));
    }
    json doc = json::object();
    doc["format"] = std::string(kBodyMapFormat);
    doc["schemaVersion"] = kBodyMapSchemaVersion;
    doc["client"] = map.client;
    doc["sessions"] = std::move(sessions);
    return doc.dump(2) + "\n";
}

BodyMap bodyMapFromJson(std::string_view text, const std::string& source)
{
    checkJsonDepth(text, source);
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) { // parse_error, or out_of_range on a number like 1e999999
        // nlohmann's message already says where ("at line 3, column 7"); keep that part only.
        std::string what = e.what();
        const auto at = what.find("] ");
        throw ParseError(source + ": not valid JSON: " + (at == std::string::npos ? what : what.substr(at + 2)));
    }
    const Reader root(source, "");
    if (!doc.is_object())
        throw ValidationError(source + ": must be a JSON object, got " + std::string(doc.type_name()));
    if (root.string(doc, "format") != kBodyMapFormat)
        root.fail("format", "must be \"" + std::string(kBodyMapFormat) + "\" (is this a body-map file?)");
    const json& version = root.require(doc, "schemaVersion");
    if (!version.is_number_integer() || version.get<long long>() < 1)
        root.fail("schemaVersion", "must be a positive integer, got " + version.dump());
    if (version.get<long long>() > kBodyMapSchemaVersion)
        root.fail("schemaVersion", "is " + version.dump() + ", written by a newer TriggerAtlas (this one reads up to " +
                                       std::to_string(kBodyMapSchemaVersion) + ")");

    BodyMap map;
    map.client = root.string(doc, "client", false);
    std::set<std::uint32_t> ids;
    std::set<std::string> dates;
    const json& sessions = root.array(doc, "sessions", true);
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const Reader rs = root.child("sessions", i);
        const json& js = sessions[i];
        if (!js.is_object())
            rs.fail("", "must be an object");
        Session s;
        s.date = rs.string(js, "date");
        if (!isIsoDate(s.date))
            rs.fail("date", "must be a day as YYYY-MM-DD, got \"" + s.date + "\"");
        if (!dates.insert(s.date).second)
            rs.fail("date", "a second session on " + s.date);
        s.note = rs.string(js, "note", false);
        const json& tags = rs.array(js, "tags", false);
        for (std::size_t k = 0; k < tags.size(); ++k) {
            const Reader rt = rs.child("tags", k);
            const json& jt = tags[k];
            if (!jt.is_object())
                rt.fail("", "must be an object");
            TriggerPointTag t;
            t.id = TagId{readId(rt, jt, ids)};
            t.structure = rt.string(jt, "structure");
            if (t.structure.empty())
                rt.fail("structure", "must name a structure");
            t.position = rt.position(jt, "position");
            if (jt.contains("triggerPoint") && !jt.at("triggerPoint").is_null()) {
                t.triggerPoint = rt.string(jt, "triggerPoint");
                if (t.triggerPoint->empty())
                    rt.fail("triggerPoint", "must be a trigger point id or null");
            }
            const std::string state = rt.string(jt, "state");
            const auto st = tagStateFromString(state);
            if (!st)
                rt.fail("state", "must be \"active\" or \"latent\", got \"" + state + "\"");
            t.state = *st;
            t.severity = rt.integer(jt, "severity", 0, kMaxSeverity);
            t.note = rt.string(jt, "note", false);
            s.tags.push_back(std::move(t));
        }
        const json& marks = rs.array(js, "painMarks", false);
        for (std::size_t k = 0; k < marks.size(); ++k) {
            const Reader rm = rs.child("painMarks", k);
            const json& jm = marks[k];
            if (!jm.is_object())
                rm.fail("", "must be an object");
            PainMark m;
            m.id = PainMarkId{readId(rm, jm, ids)};
            m.structure = rm.string(jm, "structure", false);
            m.position = rm.position(jm, "position");
            m.radius = rm.number(jm, "radius", 0.001f, 0.5f);
            m.intensity = rm.integer(jm, "intensity", 0, kMaxSeverity);
            m.note = rm.string(jm, "note", false);
            s.painMarks.push_back(std::move(m));
        }
        map.sessions.push_back(std::move(s));
    }
    std::sort(map.sessions.begin(), map.sessions.end(),
              [](const Session& a, const Session& b) { return a.date < b.date; });
    return map;
}

BodyMap loadBodyMap(const std::filesystem::path& file)
{
    return bodyMapFromJson(readTextFile(file), file.string());
}

void saveBodyMap(const BodyMap& map, const std::filesystem::path& file)
{
    writeFileAtomically(file, bodyMapToJson(map), /*keepBackup=*/true);
}

} // namespace ta::core
