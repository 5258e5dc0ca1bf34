#include "core/referral/referral_data.h"

#include "core/error.h"
#include "core/referral/json_cursor.h"

#include "core/enum_names.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace ta::core {
namespace {

constexpr std::array<std::pair<TriggerPointType, std::string_view>, 4> kTypeNames{{
    {TriggerPointType::Central, "central"}, {TriggerPointType::Attachment, "attachment"},
    {TriggerPointType::Cutaneous, "cutaneous"}, {TriggerPointType::Unspecified, "unspecified"}}};
constexpr std::array<std::pair<Confidence, std::string_view>, 3> kConfidenceNames{{
    {Confidence::High, "H"}, {Confidence::Medium, "M"}, {Confidence::Low, "L"}}};
constexpr std::array<std::pair<ZoneSide, std::string_view>, 3> kZoneSideNames{{
    {ZoneSide::Same, "same"}, {ZoneSide::Opposite, "opposite"}, {ZoneSide::Both, "both"}}};
constexpr std::array<std::pair<ZoneFrequency, std::string_view>, 3> kZoneFrequencyNames{{
    {ZoneFrequency::Usual, "usual"}, {ZoneFrequency::Occasional, "occasional"}, {ZoneFrequency::Rare, "rare"}}};

template <typename E, std::size_t N>
E enumOf(const std::array<std::pair<E, std::string_view>, N>& table, const JsonCursor& c)
{
    const std::string s = c.string();
    std::string allowed;
    for (const auto& [v, n] : table) {
        if (n == s)
            return v;
        allowed += (allowed.empty() ? "" : ", ") + std::string(n);
    }
    c.fail("unknown value \"" + s + "\" (expected one of: " + allowed + ")");
}

glm::vec3 readVec3(const JsonCursor& c, bool positive)
{
    if (!c.value().is_array() || c.value().size() != 3)
        c.fail(positive ? "expected an array of 3 positive numbers (metres)" : "expected an array of 3 numbers (metres)");
    glm::vec3 v;
    for (int i = 0; i < 3; ++i) {
        const double x = c.at(static_cast<std::size_t>(i)).number();
        if (positive && !(x > 0.0))
            c.fail("expected an array of 3 positive numbers (metres)");
        v[i] = static_cast<float>(x);
    }
    return v;
}

Anchor readAnchor(const JsonCursor& c)
{
    c.expectObject();
    Anchor a;
    const int forms = int(c.has("landmark")) + int(c.has("between")) + int(c.has("point"));
    if (forms != 1)
        c.fail("an anchor needs exactly one of \"landmark\", \"between\" or \"point\"");
    if (c.has("landmark")) {
        a.from = c.string("landmark");
    } else if (c.has("between")) {
        const auto ends = c.at("between").strings();
        if (ends.size() != 2)
            c.at("between").fail("expected two landmark ids");
        a.from = ends[0];
        a.to = ends[1];
        a.t = c.has("t") ? static_cast<float>(c.at("t").number()) : 0.5f;
        if (a.t < -0.5f || a.t > 1.5f)
            c.at("t").fail("expected a fraction near [0,1]");
    } else {
        a.point = readVec3(c.at("point"), false);
    }
    if (c.has("offset"))
        a.offset = readVec3(c.at("offset"), false);
    return a;
}

ShapeDef readShape(const JsonCursor& c)
{
    c.expectObject();
    ShapeDef s;
    const std::string type = c.string("type");
    if (type == "ellipsoid") {
        s.kind = ShapeKind::Ellipsoid;
        s.a = readAnchor(c.at("at"));
        s.radii = readVec3(c.at("radii"), true);
    } else if (type == "capsule") {
        s.kind = ShapeKind::Capsule;
        s.a = readAnchor(c.at("from"));
        s.b = readAnchor(c.at("to"));
        const double r = c.at("radius").number();
        if (!(r > 0.0))
            c.at("radius").fail("expected a positive number (metres)");
        s.radii = glm::vec3(static_cast<float>(r));
    } else {
        c.at("type").fail("unknown shape \"" + type + "\" (expected ellipsoid or capsule)");
    }
    if (c.has("snap"))
        s.snapToSurface = c.at("snap").boolean();
    return s;
}

void checkHeader(const JsonCursor& root, const char* schema)
{
    root.expectObject();
    if (root.string("schema") != schema)
        root.at("schema").fail(std::string("expected \"") + schema + "\"");
    const double v = root.at("version").number();
    if (v != ReferralData::kSchemaVersion)
        root.at("version").fail("unsupported version " + root.at("version").value().dump() + " (this build reads " +
                                std::to_string(ReferralData::kSchemaVersion) + ")");
}

JsonCursor named(const JsonCursor& item, const char* list, std::set<std::string>& seen, std::string& id)
{
    item.expectObject();
    id = item.string("id");
    JsonCursor c(item.value(), item.file(), std::string(list) + "[" + id + "]");
    if (!seen.insert(id).second)
        c.at("id").fail("duplicate id \"" + id + "\"");
    return c;
}

void readMuscles(ReferralData& d, const std::filesystem::path& file)
{
    const nlohmann::json doc = JsonCursor::parseFile(file);
    const JsonCursor root(doc, file.string());
    checkHeader(root, "trigger-atlas/muscles");
    const JsonCursor list = root.at("muscles");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        MuscleRecord m;
        const JsonCursor c = named(list.at(i), "muscles", seen, m.id);
        m.name = c.string("name");
        m.latin = c.string("latin");
        if (c.has("fma")) {
            if (!c.at("fma").value().is_string())
                c.at("fma").fail("expected a string (\"FMA...\" or \"\" when there is none)");
            m.fma = c.at("fma").value().get<std::string>();
        }
        m.origin = c.string("origin");
        m.insertion = c.string("insertion");
        m.action = c.string("action");
        m.innervation = c.string("innervation");
        const auto layer = layerFromString(c.string("layer"));
        if (!layer || *layer == Layer::Skin || *layer == Layer::Bone)
            c.at("layer").fail("expected superficial, intermediate or deep");
        m.layer = *layer;
        m.structures = c.at("structures").strings();
        if (m.structures.empty())
            c.at("structures").fail("must list at least one model structure");
        m.sources = c.at("sources").strings();
        d.muscles.push_back(std::move(m));
    }
}

void readRegions(ReferralData& d, const std::filesystem::path& file)
{
    const nlohmann::json doc = JsonCursor::parseFile(file);
    const JsonCursor root(doc, file.string());
    checkHeader(root, "trigger-atlas/regions");
    const JsonCursor list = root.at("regions");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        RegionRecord r;
        const JsonCursor c = named(list.at(i), "regions", seen, r.id);
        r.name = c.string("name");
        r.aliases = c.stringsOr("aliases");
        r.symptoms = c.stringsOr("symptoms");
        r.group = c.string("group");
        r.deep = c.at("deep").boolean();
        r.description = c.stringOr("description", "");
        const JsonCursor shapes = c.at("shapes");
        if (shapes.size() == 0)
            shapes.fail("must hold at least one shape");
        for (std::size_t k = 0; k < shapes.size(); ++k)
            r.shapes.push_back(readShape(shapes.at(k)));
        if (c.has("volume"))
            r.volume = readShape(c.at("volume"));
        if (r.deep && !r.volume)
            c.fail("a deep region needs a \"volume\" (where the pain is felt inside)");
        if (c.has("feather")) {
            r.feather = static_cast<float>(c.at("feather").number());
            if (r.feather < 0.0f || r.feather > 1.0f)
                c.at("feather").fail("expected a fraction in [0,1]");
        }
        for (const auto& alias : r.aliases)
            if (!seen.insert(alias).second)
                c.at("aliases").fail("alias \"" + alias + "\" is already used");
        d.regions.push_back(std::move(r));
    }
}

/// A zone list: region ids, or objects {"region", "side", "frequency"} (side "same" and frequency "usual"
/// when left out; a frequency only in a spillover zone).
std::vector<ZoneRef> readZone(const ReferralData& d, const JsonCursor& c, bool spillover)
{
    std::vector<ZoneRef> out;
    for (std::size_t i = 0; i < c.size(); ++i) {
        const JsonCursor e = c.at(i);
        ZoneRef z;
        if (e.value().is_string()) {
            z.region = e.string();
        } else {
            e.expectObject();
            z.region = e.string("region");
            if (!e.has("side") && !e.has("frequency"))
                e.fail("a zone object needs \"side\" or \"frequency\" (otherwise write the region id alone)");
            if (e.has("side"))
                z.side = enumOf(kZoneSideNames, e.at("side"));
            if (e.has("frequency")) {
                z.frequency = enumOf(kZoneFrequencyNames, e.at("frequency"));
                if (!spillover && z.frequency != ZoneFrequency::Usual)
                    e.at("frequency").fail("an essential zone is felt by every patient: only spillover zones are graded");
            }
        }
        const auto idx = d.findRegion(z.region);
        if (!idx)
            e.fail("unknown region \"" + z.region + "\"");
        z.region = d.regions[*idx].id; // aliases resolve to the canonical id
        out.push_back(z);
    }
    return out;
}

void checkSources(const ReferralData& d, const JsonCursor& c, const std::vector<std::string>& keys)
{
    for (const auto& k : keys)
        if (!d.sources.count(k))
            c.fail("unknown source key \"" + k + "\" (not in the \"sources\" table of " +
                   ReferralData::kTriggerPointsFile + ")");
}

void readTriggerPoints(ReferralData& d, const std::filesystem::path& file)
{
    const nlohmann::json doc = JsonCursor::parseFile(file);
    const JsonCursor root(doc, file.string());
    checkHeader(root, "trigger-atlas/trigger-points");
    const JsonCursor src = root.at("sources");
    src.expectObject();
    for (const auto& [k, v] : src.value().items())
        d.sources[k] = JsonCursor(v, file.string(), "sources." + k).string();

    const JsonCursor list = root.at("trigger_points");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        TriggerPointRecord t;
        const JsonCursor c = named(list.at(i), "trigger_points", seen, t.id);
        t.name = c.string("name");
        t.sheetId = c.string("sheet_id");
        t.muscle = c.string("muscle");
        const auto mi = d.findMuscle(t.muscle);
        if (!mi)
            c.at("muscle").fail("unknown muscle \"" + t.muscle + "\" (not in " + ReferralData::kMusclesFile + ")");
        const MuscleRecord& m = d.muscles[*mi];
        t.structures = c.has("structures") ? c.at("structures").strings() : m.structures;
        for (const auto& s : t.structures)
            if (std::find(m.structures.begin(), m.structures.end(), s) == m.structures.end())
                c.at("structures").fail("structure \"" + s + "\" is not one of muscle \"" + m.id + "\"'s structures");
        t.type = enumOf(kTypeNames, c.at("type"));
        const JsonCursor loc = c.at("location");
        t.locationText = loc.string("description");
        t.location = readAnchor(loc.at("anchor"));
        t.essential = readZone(d, c.at("essential"), false);
        t.spillover = readZone(d, c.at("spillover"), true);
        t.refersPain = c.has("refers_pain") ? c.at("refers_pain").boolean() : true;
        if (t.refersPain && t.essential.empty())
            c.at("essential").fail("a trigger point that refers pain needs at least one essential region");
        t.symptoms = c.stringsOr("symptoms");
        t.confidence = enumOf(kConfidenceNames, c.at("confidence"));
        t.sources = c.at("sources").strings();
        checkSources(d, c.at("sources"), t.sources);
        t.notes = c.stringOr("notes", "");
        if (c.has("disagreements")) {
            const JsonCursor dl = c.at("disagreements");
            for (std::size_t k = 0; k < dl.size(); ++k) {
                const JsonCursor e = dl.at(k);
                Disagreement g{e.string("topic"), e.string("text"), e.at("sources").strings()};
                checkSources(d, e.at("sources"), g.sources);
                t.disagreements.push_back(std::move(g));
            }
        }
        d.triggerPoints.push_back(std::move(t));
    }
}

} // namespace

std::string_view toString(TriggerPointType t) { return nameOf(kTypeNames, t); }
std::string_view toString(Confidence c) { return nameOf(kConfidenceNames, c); }
std::string_view toString(ZoneSide s) { return nameOf(kZoneSideNames, s); }
std::string_view toString(ZoneFrequency f) { return nameOf(kZoneFrequencyNames, f); }

float frequencyShade(ZoneFrequency f)
{
    switch (f) {
    case ZoneFrequency::Usual: return 1.0f;
    case ZoneFrequency::Occasional: return 0.6f;
    case ZoneFrequency::Rare: return 0.4f;
    }
    return 1.0f;
}

ReferralData ReferralData::load(const std::filesystem::path& dir)
{
    ReferralData d;
    readMuscles(d, dir / kMusclesFile);
    readRegions(d, dir / kRegionsFile);
    readTriggerPoints(d, dir / kTriggerPointsFile);
    // Muscle sources can only be checked once the source table (in the trigger-point file) is known.
    for (const auto& m : d.muscles)
        for (const auto& k : m.sources)
            if (!d.sources.count(k))
                throw ValidationError((dir / kMusclesFile).string() + ": muscles[" + m.id + "].sources: unknown source key \"" +
                                      k + "\" (not in the \"sources\" table of " + kTriggerPointsFile + ")");
    // The guide names muscles, trigger points and regions, so it is checked against the loaded records.
    if (std::filesystem::exists(dir / PainGuide::kFile))
        d.painGuide = PainGuide::load(dir / PainGuide::kFile, d);
    return d;
}

std::optional<std::uint32_t> ReferralData::findRegion(std::string_view idOrAlias) const
{
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (regions[i].id == idOrAlias)
            return static_cast<std::uint32_t>(i);
        for (const auto& a : regions[i].aliases)
            if (a == idOrAlias)
                return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
}

std::optional<std::uint32_t> ReferralData::findMuscle(std::string_view id) const
{
    for (std::size_t i = 0; i < muscles.size(); ++i)
        if (muscles[i].id == id)
            return static_cast<std::uint32_t>(i);
    return std::nullopt;
}

std::optional<std::uint32_t> ReferralData::findTriggerPoint(std::string_view id) const
{
    for (std::size_t i = 0; i < triggerPoints.size(); ++i)
        if (triggerPoints[i].id == id)
            return static_cast<std::uint32_t>(i);
    return std::nullopt;
}

std::string ReferralData::regionKey(SidedIndex r) const
{
    return regions.at(r.index).id + "-" + std::string(toString(r.side));
}

std::string ReferralData::triggerPointKey(SidedIndex t) const
{
    return triggerPoints.at(t.index).id + "-" + std::string(toString(t.side));
}

std::vector<SidedIndex> ReferralData::zoneRegions(const std::vector<ZoneRef>& zone, Side side) const
{
    const Side other = side == Side::Left ? Side::Right : Side::Left;
    std::vector<SidedIndex> out;
    auto add = [&](std::uint32_t idx, Side s) {
        const SidedIndex r{idx, s};
        if (std::find(out.begin(), out.end(), r) == out.end())
            out.push_back(r);
    };
    for (const auto& z : zone) {
        const auto found = findRegion(z.region);
        if (!found)
            continue;
        const std::uint32_t u = *found;
        if (z.side == ZoneSide::Same || z.side == ZoneSide::Both)
            add(u, side);
        if (z.side == ZoneSide::Opposite || z.side == ZoneSide::Both)
            add(u, other);
    }
    return out;
}

} // namespace ta::core
