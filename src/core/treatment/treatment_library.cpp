#include "core/treatment/treatment_library.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <set>

namespace ta::core {

namespace {

constexpr int kMaxHoldSeconds = 600;

std::optional<HoldRange> holdRangeOr(const JsonCursor& c, const char* key)
{
    if (!c.has(key))
        return std::nullopt;
    const JsonCursor h = c.at(key);
    h.expectArray();
    if (h.size() != 2)
        h.fail("expected [min, max] in seconds");
    const double lo = h.at(std::size_t{0}).number();
    const double hi = h.at(std::size_t{1}).number();
    if (lo != static_cast<int>(lo) || hi != static_cast<int>(hi) || lo <= 0 || hi < lo || hi > kMaxHoldSeconds)
        h.fail("expected whole seconds with 0 < min <= max <= " + std::to_string(kMaxHoldSeconds));
    return HoldRange{static_cast<int>(lo), static_cast<int>(hi)};
}

std::vector<Disagreement> disagreementsOf(const JsonCursor& c)
{
    std::vector<Disagreement> out;
    if (!c.has("disagreements"))
        return out;
    const JsonCursor list = c.at("disagreements");
    list.expectArray();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const JsonCursor d = list.at(i);
        out.push_back({d.string("topic"), d.string("text"), readSourceKeys(d)});
    }
    return out;
}

std::vector<TreatmentStatement> statementsOf(const JsonCursor& muscle, const char* key)
{
    const JsonCursor list = muscle.at(key);
    list.expectArray();
    std::vector<TreatmentStatement> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const JsonCursor s = list.at(i);
        s.expectObject();
        out.push_back({s.string("text"), holdRangeOr(s, "hold_s"), s.stringOr("repetitions", ""), readEvidence(s)});
    }
    return out;
}

Technique techniqueOf(const JsonCursor& c)
{
    c.expectObject();
    Technique t;
    t.id = c.string("id");
    t.name = c.string("name");
    t.plain = c.string("plain");
    t.steps = c.at("steps").strings();
    if (t.steps.empty())
        c.at("steps").fail("must list at least one step");
    t.pressure = c.stringOr("pressure", "");
    t.hold = c.stringOr("hold", "");
    t.holdSeconds = holdRangeOr(c, "hold_s");
    t.holdNote = c.stringOr("hold_note", "");
    t.repetitions = c.stringOr("repetitions", "");
    t.failures = c.stringsOr("failures");
    t.findings = c.stringOr("evidence", "");
    t.disagreements = disagreementsOf(c);
    t.evidence = readEvidence(c);
    return t;
}

Contraindication contraindicationOf(const JsonCursor& c)
{
    c.expectObject();
    return {c.string("id"),     c.string("key"),    c.string("title"), c.string("signs"),
            c.string("action"), disagreementsOf(c), readEvidence(c)};
}

} // namespace

std::string toString(const HoldRange& h)
{
    if (h.minSeconds == h.maxSeconds)
        return std::to_string(h.minSeconds) + " s";
    return std::to_string(h.minSeconds) + "-" + std::to_string(h.maxSeconds) + " s";
}

TreatmentLibrary TreatmentLibrary::load(const std::filesystem::path& file)
{
    const nlohmann::json doc = JsonCursor::parseFile(file);
    return fromJson(doc, file.string());
}

TreatmentLibrary TreatmentLibrary::fromJson(const nlohmann::json& doc, const std::string& name)
{
    const JsonCursor root(doc, name);
    root.expectObject();
    if (root.string("schema") != "trigger-atlas/treatment")
        root.at("schema").fail("expected \"trigger-atlas/treatment\"");
    if (root.at("version").number() != 1)
        root.at("version").fail("unsupported version (expected 1)");

    TreatmentLibrary lib;
    const JsonCursor sources = root.at("sources");
    sources.expectObject();
    for (const auto& [key, value] : sources.value().items()) {
        const JsonCursor v = sources.at(key.c_str());
        lib.m_sources[key] = v.string();
    }

    std::set<std::string> ids;
    const JsonCursor techniques = root.at("techniques");
    techniques.expectArray();
    for (std::size_t i = 0; i < techniques.size(); ++i) {
        Technique t = techniqueOf(techniques.at(i));
        if (!ids.insert(t.id).second)
            techniques.at(i).at("id").fail("duplicate id \"" + t.id + "\"");
        lib.m_techniques.push_back(std::move(t));
    }
    const JsonCursor contra = root.at("contraindications");
    contra.expectArray();
    for (std::size_t i = 0; i < contra.size(); ++i) {
        Contraindication c = contraindicationOf(contra.at(i));
        if (!ids.insert(c.id).second)
            contra.at(i).at("id").fail("duplicate id \"" + c.id + "\"");
        lib.m_contraindications.push_back(std::move(c));
    }
    for (std::string_view required : kRequiredContraindications)
        if (!lib.contraindication(required))
            contra.fail("missing the contraindication \"" + std::string(required) + "\"");

    const JsonCursor freq = root.at("frequency");
    lib.m_frequency = {freq.string("text"), readEvidence(freq)};

    const JsonCursor muscles = root.at("muscles");
    muscles.expectObject();
    for (const auto& [muscleId, unused] : muscles.value().items()) {
        (void)unused;
        const JsonCursor m = muscles.at(muscleId.c_str());
        m.expectObject();
        MuscleTreatment t;
        t.muscle = muscleId;
        const JsonCursor uses = m.at("techniques");
        uses.expectArray();
        for (std::size_t i = 0; i < uses.size(); ++i) {
            const JsonCursor u = uses.at(i);
            u.expectObject();
            TechniqueUse use{u.string("technique"),    u.stringOr("position", ""),    u.stringOr("pressure", ""),
                             holdRangeOr(u, "hold_s"), u.stringOr("repetitions", ""), u.stringOr("note", ""),
                             readEvidence(u)};
            if (!lib.technique(use.technique))
                u.at("technique").fail("unknown technique \"" + use.technique + "\"");
            t.techniques.push_back(std::move(use));
        }
        t.stretch = statementsOf(m, "stretch");
        t.precautions = statementsOf(m, "precautions");
        t.perpetuating = statementsOf(m, "perpetuating");
        const JsonCursor cl = m.at("contraindications");
        cl.expectArray();
        for (std::size_t i = 0; i < cl.size(); ++i) {
            const std::string id = cl.at(i).string();
            if (!lib.contraindication(id))
                cl.at(i).fail("unknown contraindication \"" + id + "\"");
            t.contraindications.push_back(id);
        }
        if (m.has("trigger_points")) {
            const JsonCursor notes = m.at("trigger_points");
            notes.expectObject();
            for (const auto& [tp, note] : notes.value().items()) {
                (void)note;
                t.triggerPointNotes[tp] = notes.at(tp.c_str()).string();
            }
        }
        lib.m_muscles.emplace(muscleId, std::move(t));
    }
    return lib;
}

const Technique* TreatmentLibrary::technique(std::string_view id) const
{
    for (const Technique& t : m_techniques)
        if (t.id == id)
            return &t;
    return nullptr;
}

const Contraindication* TreatmentLibrary::contraindication(std::string_view id) const
{
    for (const Contraindication& c : m_contraindications)
        if (c.id == id)
            return &c;
    return nullptr;
}

const MuscleTreatment* TreatmentLibrary::forMuscle(std::string_view muscleId) const
{
    const auto it = m_muscles.find(std::string(muscleId));
    return it == m_muscles.end() ? nullptr : &it->second;
}

std::optional<HoldRange> TreatmentLibrary::holdOf(const TechniqueUse& use) const
{
    if (use.holdSeconds)
        return use.holdSeconds;
    const Technique* t = technique(use.technique);
    return t ? t->holdSeconds : std::nullopt;
}

} // namespace ta::core
