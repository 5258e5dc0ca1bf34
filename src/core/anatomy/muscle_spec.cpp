#include "core/anatomy/muscle_spec.h"

#include "core/read_file.h"
#include "core/json_limits.h"
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <utility>

namespace ta::core::anatomy {
namespace {

using nlohmann::json;

// Coordinates in the file are millimetres (easier to read and to check against a specimen).
constexpr float kMillimetre = 0.001f;

class Reader {
public:
    explicit Reader(const std::filesystem::path& source) : m_file(source.string()) {}

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const
    {
        throw ValidationError(m_file + ": " + key + ": " + problem);
    }

    const json& member(const json& obj, const std::string& key, const std::string& path) const
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            fail(join(path, key), "missing");
        return *it;
    }

    std::string string(const json& obj, const std::string& key, const std::string& path, bool allowEmpty) const
    {
        const json& v = member(obj, key, path);
        if (!v.is_string())
            fail(join(path, key), "must be a string");
        auto s = v.get<std::string>();
        if (!allowEmpty && s.empty())
            fail(join(path, key), "must not be empty");
        return s;
    }

    double number(const json& v, const std::string& key) const
    {
        if (!v.is_number())
            fail(key, "must be a number");
        const double d = v.get<double>();
        if (!std::isfinite(static_cast<float>(d))) // 1e39 is a finite double but an infinite float
            fail(key, "must be finite");
        return d;
    }

    glm::vec3 point(const json& v, const std::string& key) const
    {
        if (!v.is_array() || v.size() != 3)
            fail(key, "must be an array of three numbers [x, y, z] in millimetres");
        return glm::vec3(static_cast<float>(number(v[0], key + "[0]")), static_cast<float>(number(v[1], key + "[1]")),
                         static_cast<float>(number(v[2], key + "[2]"))) *
               kMillimetre;
    }

    /// Rejects keys outside `allowed`, so that a misspelt optional key does not pass unnoticed.
    void onlyKeys(const json& obj, std::initializer_list<const char*> allowed, const std::string& path) const
    {
        for (const auto& [key, value] : obj.items()) {
            bool known = false;
            for (const char* a : allowed)
                known = known || key == a;
            if (!known)
                fail(join(path, key), "unknown key");
        }
    }

    static std::string join(const std::string& path, const std::string& key)
    {
        return path.empty() ? key : path + "." + key;
    }

private:
    std::string m_file;
};

std::string indexed(const std::string& path, std::size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

bool isValidId(const std::string& id)
{
    if (id.empty() || id.front() == '-' || id.back() == '-')
        return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

bool isValidFma(const std::string& fma)
{
    if (fma.empty())
        return true;
    if (fma.size() < 4 || fma.rfind("FMA", 0) != 0)
        return false;
    for (std::size_t i = 3; i < fma.size(); ++i)
        if (fma[i] < '0' || fma[i] > '9')
            return false;
    return true;
}

/// "{side}" -> "left", "{Side}" -> "Left".
std::string sideName(const std::string& pattern, const std::string& side)
{
    std::string out = pattern;
    std::string capital = side;
    capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"{side}", side}, {"{Side}", capital}})
        for (auto pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos + value.size()))
            out.replace(pos, key.size(), value);
    return out;
}

MuscleAnchor readAnchor(const Reader& r, const json& js, const std::string& path)
{
    MuscleAnchor a;
    if (js.is_string()) {
        a.landmark = js.get<std::string>();
        if (!isValidId(a.landmark))
            r.fail(path, "'" + a.landmark + "' is not a landmark id");
        return a;
    }
    if (!js.is_object())
        r.fail(path, "must be a landmark id, or an object {\"at\": id, \"toward\": id, \"t\": 0..1, \"offset\": [x, y, z]}");
    r.onlyKeys(js, {"at", "toward", "t", "offset"}, path);
    a.landmark = r.string(js, "at", path, false);
    if (!isValidId(a.landmark))
        r.fail(path + ".at", "'" + a.landmark + "' is not a landmark id");
    if (js.contains("toward")) {
        a.toward = r.string(js, "toward", path, false);
        if (!isValidId(a.toward))
            r.fail(path + ".toward", "'" + a.toward + "' is not a landmark id");
        const double t = r.number(r.member(js, "t", path), path + ".t");
        if (t < 0.0 || t > 1.0)
            r.fail(path + ".t", "must be in [0, 1]");
        a.t = static_cast<float>(t);
    } else if (js.contains("t")) {
        r.fail(path + ".t", "only with \"toward\"");
    }
    if (js.contains("offset")) {
        a.offset = r.point(js["offset"], path + ".offset");
        if (glm::length(a.offset) > 0.040f)
            r.fail(path + ".offset", "longer than 40 mm: name a nearer landmark");
    }
    return a;
}

MuscleStationSpec readStation(const Reader& r, const json& js, const std::string& path)
{
    if (!js.is_object())
        r.fail(path, "must be an object");
    r.onlyKeys(js, {"at", "thickness"}, path);
    MuscleStationSpec st;
    const json& at = r.member(js, "at", path);
    if (!at.is_array() || at.size() < 2 || at.size() > 5)
        r.fail(path + ".at", "must be an array of two to five anchors across the muscle's width");
    for (std::size_t i = 0; i < at.size(); ++i)
        st.anchors.push_back(readAnchor(r, at[i], indexed(path + ".at", i)));
    const double t = r.number(r.member(js, "thickness", path), path + ".thickness");
    if (t <= 0.0 || t > 60.0)
        r.fail(path + ".thickness", "must be in (0, 60] millimetres");
    st.thickness = static_cast<float>(t) * kMillimetre;
    return st;
}

MuscleWrap readWrap(const Reader& r, const json& js, const std::string& path)
{
    if (!js.is_object())
        r.fail(path, "must be an object {\"over\": [ids], \"gap\": mm, \"hug\": mm}");
    r.onlyKeys(js, {"over", "gap", "hug"}, path);
    MuscleWrap w;
    const json& over = r.member(js, "over", path);
    if (!over.is_array() || over.empty())
        r.fail(path + ".over", "must be a non-empty array of structure ids");
    for (std::size_t i = 0; i < over.size(); ++i) {
        if (!over[i].is_string() || !isValidId(over[i].get<std::string>()))
            r.fail(indexed(path + ".over", i), "must be a structure id");
        w.over.push_back(over[i].get<std::string>());
    }
    if (js.contains("gap")) {
        const double g = r.number(js["gap"], path + ".gap");
        if (g < 0.0 || g > 10.0)
            r.fail(path + ".gap", "must be in [0, 10] millimetres");
        w.gap = static_cast<float>(g) * kMillimetre;
    }
    if (js.contains("hug")) {
        const double h = r.number(js["hug"], path + ".hug");
        if (h < 0.0 || h > 40.0)
            r.fail(path + ".hug", "must be in [0, 40] millimetres");
        w.hug = static_cast<float>(h) * kMillimetre;
    }
    return w;
}

MuscleTendon readTendon(const Reader& r, const json& js, const std::string& path)
{
    if (!js.is_object())
        r.fail(path, "must be an object {\"end\": \"origin\" or \"insertion\", \"length\": fraction, \"across\": [from, to], "
                     "\"peak\": fraction}");
    r.onlyKeys(js, {"end", "length", "across", "peak"}, path);
    MuscleTendon t;
    const std::string end = r.string(js, "end", path, false);
    if (end == "origin")
        t.end = MuscleTendon::End::Origin;
    else if (end == "insertion")
        t.end = MuscleTendon::End::Insertion;
    else
        r.fail(path + ".end", "'" + end + "' must be origin or insertion");
    const double length = r.number(r.member(js, "length", path), path + ".length");
    if (length <= 0.0 || length > 1.0)
        r.fail(path + ".length", "must be in (0, 1]: a fraction of the muscle's length");
    t.length = static_cast<float>(length);
    if (const auto it = js.find("across"); it != js.end()) {
        if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number())
            r.fail(path + ".across", "must be [from, to], fractions of the width");
        const double from = (*it)[0].get<double>(), to = (*it)[1].get<double>();
        if (!(from >= 0.0 && from < to && to <= 1.0))
            r.fail(path + ".across", "must be [from, to] with 0 <= from < to <= 1");
        t.from = static_cast<float>(from);
        t.to = static_cast<float>(to);
    }
    if (const auto it = js.find("peak"); it != js.end()) {
        const double peak = r.number(*it, path + ".peak");
        if (peak < t.from || peak > t.to)
            r.fail(path + ".peak", "must lie within the span across");
        t.peak = static_cast<float>(peak);
    }
    return t;
}

MuscleDef readMuscle(const Reader& r, const json& jm, const std::string& path)
{
    if (!jm.is_object())
        r.fail(path, "must be an object");
    r.onlyKeys(jm, {"id", "name", "latin", "fma", "layer", "origin", "insertion", "note", "edgeRatio", "samples", "stations",
                    "wrap", "belly", "tendons", "kind"},
               path);
    MuscleDef m;
    m.id = r.string(jm, "id", path, false);
    if (!isValidId(m.id))
        r.fail(path + ".id", "'" + m.id + "' must be lowercase letters, digits and inner dashes");
    const std::string name = r.string(jm, "name", path, false);
    if (name.find("{side}") == std::string::npos && name.find("{Side}") == std::string::npos)
        r.fail(path + ".name", "must contain {side} or {Side} (replaced by left/right or Left/Right)");
    m.nameLeft = sideName(name, "left");
    m.nameRight = sideName(name, "right");
    m.latin = r.string(jm, "latin", path, false);

    const json& fma = r.member(jm, "fma", path);
    if (!fma.is_object())
        r.fail(path + ".fma", "must be an object {\"left\": \"FMA...\", \"right\": \"FMA...\"} (empty strings allowed)");
    m.fmaLeft = r.string(fma, "left", path + ".fma", true);
    m.fmaRight = r.string(fma, "right", path + ".fma", true);
    if (!isValidFma(m.fmaLeft))
        r.fail(path + ".fma.left", "'" + m.fmaLeft + "' is not of the form FMA<digits>");
    if (!isValidFma(m.fmaRight))
        r.fail(path + ".fma.right", "'" + m.fmaRight + "' is not of the form FMA<digits>");

    const std::string layer = r.string(jm, "layer", path, false);
    const auto l = layerFromString(layer);
    if (!l || *l == Layer::Bone || *l == Layer::Skin)
        r.fail(path + ".layer", "'" + layer + "' must be superficial, intermediate or deep");
    m.layer = *l;
    if (jm.contains("kind")) {
        const std::string kind = r.string(jm, "kind", path, false);
        if (kind == "tendon")
            m.kind = Kind::Tendon;
        else if (kind != "muscle")
            r.fail(path + ".kind", "'" + kind + "' must be muscle or tendon (an aponeurosis)");
    }
    m.origin = r.string(jm, "origin", path, false);
    m.insertion = r.string(jm, "insertion", path, false);
    if (jm.contains("note"))
        m.note = r.string(jm, "note", path, true);

    if (const auto it = jm.find("edgeRatio"); it != jm.end()) {
        const double e = r.number(*it, path + ".edgeRatio");
        if (e <= 0.0 || e > 1.0)
            r.fail(path + ".edgeRatio", "must be in (0, 1]");
        m.edgeRatio = static_cast<float>(e);
    }
    if (const auto it = jm.find("samples"); it != jm.end()) {
        const auto bad = [&] { r.fail(path + ".samples", "must be [along, across] with along in 4..200, across in 3..100"); };
        if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_integer() || !(*it)[1].is_number_integer())
            bad();
        m.samplesAlong = (*it)[0].get<int>();
        m.samplesAcross = (*it)[1].get<int>();
        if (m.samplesAlong < 4 || m.samplesAlong > 200 || m.samplesAcross < 3 || m.samplesAcross > 100)
            bad();
    }

    const json& st = r.member(jm, "stations", path);
    if (!st.is_array() || st.size() < 2 || st.size() > 4)
        r.fail(path + ".stations", "must be an array of two to four stations (origin, at most two between, insertion)");
    for (std::size_t i = 0; i < st.size(); ++i)
        m.stationSpecs.push_back(readStation(r, st[i], indexed(path + ".stations", i)));
    if (const auto it = jm.find("belly"); it != jm.end()) {
        const double b = r.number(*it, path + ".belly");
        if (b <= 0.0 || b > 60.0)
            r.fail(path + ".belly", "must be in (0, 60] millimetres");
        m.belly = static_cast<float>(b) * kMillimetre;
    }
    if (const auto it = jm.find("wrap"); it != jm.end())
        m.wrap = readWrap(r, *it, path + ".wrap");
    if (const auto it = jm.find("tendons"); it != jm.end()) {
        if (!it->is_array() || it->size() > 4)
            r.fail(path + ".tendons", "must be an array of at most four tendons");
        for (std::size_t i = 0; i < it->size(); ++i)
            m.tendons.push_back(readTendon(r, (*it)[i], indexed(path + ".tendons", i)));
    }
    return m;
}

} // namespace

std::vector<MuscleStation> resolveStations(const MuscleDef& def,
                                           const std::function<std::optional<glm::vec3>(const std::string&)>& landmark,
                                           const std::filesystem::path& source)
{
    const Reader r(source);
    std::vector<MuscleStation> out;
    for (std::size_t s = 0; s < def.stationSpecs.size(); ++s) {
        const auto& spec = def.stationSpecs[s];
        const std::string path = "muscle '" + def.id + "': " + indexed("stations", s);
        MuscleStation st;
        st.thickness = spec.thickness;
        for (std::size_t i = 0; i < spec.anchors.size(); ++i) {
            const auto& a = spec.anchors[i];
            const auto find = [&](const std::string& id, const char* key) {
                const auto p = landmark(id);
                if (!p)
                    r.fail(indexed(path + ".at", i) + key, "no landmark '" + id + "' in landmarks.json");
                return *p;
            };
            glm::vec3 p = find(a.landmark, a.toward.empty() ? "" : ".at");
            if (!a.toward.empty())
                p += a.t * (find(a.toward, ".toward") - p);
            st.points.push_back(p + a.offset);
        }
        float width = 0.0f;
        for (std::size_t i = 1; i < st.points.size(); ++i)
            width += glm::length(st.points[i] - st.points[i - 1]);
        if (width < 1e-4f)
            r.fail(path + ".at", "the anchors coincide: a station needs a width");
        out.push_back(std::move(st));
    }
    return out;
}

int shapeFigureCount(const MuscleDef& def)
{
    int n = 2 + (def.belly > 0.0f ? 1 : 0); // the wrap's gap and hug (counted even when left at their defaults)
    for (const auto& st : def.stationSpecs) {
        ++n; // thickness
        for (const auto& a : st.anchors)
            n += (a.toward.empty() ? 0 : 1) + (a.offset == glm::vec3(0.0f) ? 0 : 3);
    }
    return n;
}

const MuscleDef* MuscleSpec::find(std::string_view baseId) const
{
    for (const auto& m : muscles)
        if (m.id == baseId)
            return &m;
    return nullptr;
}

MuscleSpec parseMuscleSpec(std::string_view jsonText, const std::filesystem::path& source)
{
    const std::string file = source.string();
    checkJsonDepth(jsonText, file);
    json doc;
    try {
        doc = json::parse(jsonText.begin(), jsonText.end());
    } catch (const json::exception& e) { // parse_error, or out_of_range on a number like 1e999999
        throw ParseError(file + ": not valid JSON: " + e.what());
    }
    const Reader r(source);
    if (!doc.is_object())
        r.fail("(root)", "must be an object");

    r.onlyKeys(doc, {"schema", "version", "units", "frame", "about", "muscles"}, "");
    MuscleSpec spec;
    spec.source = source;
    const json& version = r.member(doc, "version", "");
    if (!version.is_number_integer())
        r.fail("version", "must be an integer");
    spec.version = version.get<int>();
    if (spec.version != kMuscleSpecVersion)
        r.fail("version", std::to_string(spec.version) + " is not supported (this program reads version " +
                              std::to_string(kMuscleSpecVersion) + ")");
    if (r.string(doc, "units", "", false) != "mm")
        r.fail("units", "must be \"mm\"");

    const json& muscles = r.member(doc, "muscles", "");
    if (!muscles.is_array() || muscles.empty())
        r.fail("muscles", "must be a non-empty array");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < muscles.size(); ++i) {
        auto m = readMuscle(r, muscles[i], indexed("muscles", i));
        if (!seen.insert(m.id).second)
            r.fail(indexed("muscles", i) + ".id", "'" + m.id + "' appears twice");
        spec.muscles.push_back(std::move(m));
    }
    return spec;
}

MuscleSpec loadMuscleSpec(const std::filesystem::path& file)
{
    return parseMuscleSpec(readTextFile(file), file);
}

} // namespace ta::core::anatomy
