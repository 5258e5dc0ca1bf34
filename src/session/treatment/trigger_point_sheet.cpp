#include "session/treatment/trigger_point_sheet.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <set>
#include <sstream>

namespace ta::session {

namespace {

std::vector<std::string> zoneNames(const core::ReferralData& data, const std::vector<core::ZoneRef>& zones)
{
    std::vector<std::string> out;
    for (const core::ZoneRef& z : zones) {
        const auto r = data.findRegion(z.region);
        std::string name = r ? data.regions[*r].name : z.region;
        if (z.side == core::ZoneSide::Opposite)
            name += " (other side)";
        if (z.side == core::ZoneSide::Both)
            name += " (both sides)";
        if (z.frequency == core::ZoneFrequency::Occasional)
            name += " (occasionally)";
        if (z.frequency == core::ZoneFrequency::Rare)
            name += " (rarely)";
        out.push_back(std::move(name));
    }
    return out;
}

void cite(TriggerPointSheet& s, const core::ReferralData& data, const core::TreatmentLibrary& treatment,
          const std::vector<std::string>& keys)
{
    for (const std::string& k : keys) {
        if (s.citations.count(k))
            continue;
        if (const auto it = data.sources.find(k); it != data.sources.end())
            s.citations[k] = it->second;
        else if (const auto jt = treatment.sources().find(k); jt != treatment.sources().end())
            s.citations[k] = jt->second;
        else
            s.citations[k] = "not in the source lists";
    }
}

nlohmann::json evidenceJson(const core::Evidence& e)
{
    return {{"sources", e.sources}, {"confidence", e.confidence}, {"inference", e.inference}};
}

nlohmann::json holdJson(const std::optional<core::HoldRange>& h)
{
    if (!h)
        return nullptr;
    return nlohmann::json::array({h->minSeconds, h->maxSeconds});
}

nlohmann::json statementsJson(const std::vector<core::TreatmentStatement>& list)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& st : list) {
        nlohmann::json j = {{"text", st.text}, {"hold_s", holdJson(st.holdSeconds)}};
        if (!st.repetitions.empty())
            j["repetitions"] = st.repetitions;
        j.update(evidenceJson(st.evidence));
        out.push_back(std::move(j));
    }
    return out;
}

nlohmann::json contraindicationsJson(const std::vector<core::Contraindication>& list)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : list) {
        nlohmann::json j = {{"id", c.id}, {"key", c.key}, {"title", c.title}, {"signs", c.signs}, {"action", c.action}};
        j.update(evidenceJson(c.evidence));
        out.push_back(std::move(j));
    }
    return out;
}

constexpr const char* kNoneDocumented = "None documented in the sources we hold.";

void section(std::ostringstream& o, const char* title, const std::vector<core::TreatmentStatement>& list)
{
    o << "\n" << title << ":\n";
    if (list.empty())
        o << "  " << kNoneDocumented << "\n";
    for (const auto& st : list) {
        o << "  - " << st.text;
        if (st.holdSeconds)
            o << " Hold " << core::toString(*st.holdSeconds) << ".";
        if (!st.repetitions.empty())
            o << " " << st.repetitions << ".";
        o << " [" << core::describe(st.evidence) << "]\n";
    }
}

} // namespace

bool SourceKeyLess::operator()(const std::string& a, const std::string& b) const
{
    // "S60a" -> (60, "a"); anything not shaped like a key sorts after every key, by text.
    auto split = [](const std::string& k) -> std::pair<long, std::string> {
        if (k.size() < 2 || k[0] != 'S' || !std::isdigit(static_cast<unsigned char>(k[1])))
            return {-1, k};
        std::size_t i = 1;
        long n = 0;
        while (i < k.size() && std::isdigit(static_cast<unsigned char>(k[i])))
            n = n * 10 + (k[i++] - '0');
        return {n, k.substr(i)};
    };
    const auto [na, sa] = split(a);
    const auto [nb, sb] = split(b);
    if ((na < 0) != (nb < 0))
        return nb < 0;
    if (na != nb)
        return na < nb;
    return sa < sb;
}

TriggerPointSheet buildSheet(const core::ReferralData& data, std::size_t index, const core::TreatmentLibrary& treatment,
                             const io::SelfCareLibrary& selfCare)
{
    const core::TriggerPointRecord& tp = data.triggerPoints.at(index);
    TriggerPointSheet s;
    s.id = tp.id;
    s.name = tp.name;
    s.sheetId = tp.sheetId;
    s.muscleId = tp.muscle;
    if (const auto m = data.findMuscle(tp.muscle)) {
        const core::MuscleRecord& muscle = data.muscles[*m];
        s.muscleName = muscle.name;
        s.latin = muscle.latin;
        s.fma = muscle.fma;
    }
    s.type = std::string(core::toString(tp.type));
    s.location = tp.locationText;
    s.essential = zoneNames(data, tp.essential);
    s.spillover = zoneNames(data, tp.spillover);
    s.symptoms = tp.symptoms;
    s.notes = tp.notes;
    s.confidence = std::string(core::toString(tp.confidence));
    s.sources = tp.sources;
    s.disagreements = tp.disagreements;
    cite(s, data, treatment, tp.sources);
    for (const auto& d : tp.disagreements)
        cite(s, data, treatment, d.sources);

    if (const core::MuscleTreatment* mt = treatment.forMuscle(tp.muscle)) {
        s.treatmentDocumented = true;
        for (const core::TechniqueUse& use : mt->techniques) {
            const core::Technique* t = treatment.technique(use.technique);
            SheetTechnique st{use.technique,
                              t ? t->name : use.technique,
                              t ? t->plain : std::string(),
                              use.position,
                              use.pressure.empty() && t ? t->pressure : use.pressure,
                              use.repetitions.empty() && t ? t->repetitions : use.repetitions,
                              use.note,
                              treatment.holdOf(use),
                              std::string(),
                              use.evidence};
            // The technique's hold figures come from trials on one muscle: say so where they are borrowed.
            if (!use.holdSeconds && st.holdSeconds && t)
                st.holdNote = t->holdNote;
            if (use.holdSeconds && use.evidence.inference && t)
                st.holdNote = t->holdNote;
            cite(s, data, treatment, use.evidence.sources);
            if (t)
                cite(s, data, treatment, t->evidence.sources);
            s.techniques.push_back(std::move(st));
        }
        s.stretch = mt->stretch;
        s.precautions = mt->precautions;
        s.perpetuating = mt->perpetuating;
        for (const auto* list : {&s.stretch, &s.precautions, &s.perpetuating})
            for (const auto& st : *list)
                cite(s, data, treatment, st.evidence.sources);
        if (const auto it = mt->triggerPointNotes.find(tp.id); it != mt->triggerPointNotes.end())
            s.pointNote = it->second;
        for (const std::string& id : mt->contraindications)
            if (const core::Contraindication* c = treatment.contraindication(id))
                s.muscleContraindications.push_back(*c);
    }
    s.generalContraindications = treatment.contraindications();
    for (const auto& c : s.generalContraindications)
        cite(s, data, treatment, c.evidence.sources);
    s.selfCare = selfCare.forMuscle(tp.muscle);
    for (const auto& it : s.selfCare)
        cite(s, data, treatment, it.sources);
    s.clientCautions = selfCare.clientCautions();
    return s;
}

nlohmann::json toJson(const TriggerPointSheet& s)
{
    nlohmann::json techniques = nlohmann::json::array();
    for (const SheetTechnique& t : s.techniques) {
        nlohmann::json j = {{"technique", t.id},
                            {"name", t.name},
                            {"plain", t.plain},
                            {"position", t.position},
                            {"pressure", t.pressure},
                            {"hold_s", holdJson(t.holdSeconds)},
                            {"repetitions", t.repetitions},
                            {"note", t.note},
                            {"hold_note", t.holdNote}};
        j.update(evidenceJson(t.evidence));
        techniques.push_back(std::move(j));
    }
    nlohmann::json disagreements = nlohmann::json::array();
    for (const auto& d : s.disagreements)
        disagreements.push_back({{"topic", d.topic}, {"text", d.text}, {"sources", d.sources}});
    nlohmann::json selfCare = nlohmann::json::array();
    for (const auto& it : s.selfCare) {
        nlohmann::json j = {{"id", it.id}, {"text", it.text}, {"dose", it.dose}};
        j.update(evidenceJson({it.sources, it.confidence, it.inference}));
        selfCare.push_back(std::move(j));
    }
    return {
        {"id", s.id},
        {"name", s.name},
        {"sheet_id", s.sheetId},
        {"muscle", {{"id", s.muscleId}, {"name", s.muscleName}, {"latin", s.latin}, {"fma", s.fma}}},
        {"type", s.type},
        {"location", s.location},
        {"zones", {{"essential", s.essential}, {"spillover", s.spillover}}},
        {"symptoms", s.symptoms},
        {"notes", s.notes},
        {"confidence", s.confidence},
        {"disagreements", disagreements},
        {"treatment",
         {{"documented", s.treatmentDocumented},
          {"techniques", techniques},
          {"stretch", statementsJson(s.stretch)},
          {"perpetuating", statementsJson(s.perpetuating)},
          {"point_note", s.pointNote}}},
        {"precautions", statementsJson(s.precautions)},
        {"contraindications",
         {{"muscle", contraindicationsJson(s.muscleContraindications)},
          {"general", contraindicationsJson(s.generalContraindications)}}},
        {"self_care", selfCare},
        {"client_cautions", s.clientCautions},
        {"sources", s.citations},
    };
}

std::string toText(const TriggerPointSheet& s)
{
    std::ostringstream o;
    o << s.name << " (" << s.sheetId << ", " << s.type << ", confidence " << s.confidence << ")\n";
    o << "Muscle: " << s.muscleName;
    if (!s.latin.empty())
        o << " (" << s.latin << (s.fma.empty() ? "" : ", " + s.fma) << ")";
    o << "\nWhere: " << s.location << "\n";
    auto joined = [](const std::vector<std::string>& v) {
        std::string out;
        for (const auto& x : v)
            out += (out.empty() ? "" : ", ") + x;
        return out.empty() ? std::string("none") : out;
    };
    o << "Refers to: " << joined(s.essential) << "\nSpillover: " << joined(s.spillover) << "\n";
    if (!s.symptoms.empty()) {
        o << "\nSymptoms:\n";
        for (const auto& x : s.symptoms)
            o << "  - " << x << "\n";
    }
    if (!s.notes.empty())
        o << "Notes: " << s.notes << "\n";
    for (const auto& d : s.disagreements)
        o << "Sources disagree (" << d.topic << "): " << d.text << "\n";

    o << "\nTreatment:\n";
    if (!s.treatmentDocumented || s.techniques.empty())
        o << "  " << kNoneDocumented << "\n";
    for (const SheetTechnique& t : s.techniques) {
        o << "  - " << t.name;
        if (!t.position.empty())
            o << ". Position: " << t.position;
        if (!t.pressure.empty())
            o << ". Pressure: " << t.pressure;
        if (t.holdSeconds)
            o << ". Hold: " << core::toString(*t.holdSeconds);
        if (!t.repetitions.empty())
            o << ". Repetitions: " << t.repetitions;
        o << ". [" << core::describe(t.evidence) << "]\n";
        if (!t.note.empty())
            o << "    " << t.note << "\n";
        if (!t.holdNote.empty())
            o << "    Hold time: " << t.holdNote << "\n";
    }
    if (!s.pointNote.empty())
        o << "  This point: " << s.pointNote << "\n";
    section(o, "Stretch", s.stretch);
    o << "\nSelf-care for the client:\n";
    if (s.selfCare.empty())
        o << "  " << kNoneDocumented << "\n";
    for (const auto& it : s.selfCare) {
        o << "  - " << it.text;
        if (!it.dose.empty())
            o << " (" << it.dose << ")";
        o << " [" << core::describe({it.sources, it.confidence, it.inference}) << "]\n";
    }
    section(o, "Precautions", s.precautions);
    section(o, "Perpetuating factors", s.perpetuating);
    o << "\nContraindications for deep work:\n";
    std::set<std::string> specific;
    for (const auto& c : s.muscleContraindications) {
        specific.insert(c.id);
        o << "  ! " << c.key << " " << c.title << " (bears on this muscle): " << c.action << " ["
          << core::describe(c.evidence) << "]\n";
    }
    for (const auto& c : s.generalContraindications)
        if (!specific.count(c.id))
            o << "  - " << c.key << " " << c.title << ": " << c.action << " [" << core::describe(c.evidence) << "]\n";
    o << "\nSources:\n";
    for (const auto& [k, v] : s.citations)
        o << "  " << k << ": " << v << "\n";
    return o.str();
}

std::vector<std::string> plainWords(const TriggerPointSheet& s)
{
    std::vector<std::string> out;
    std::set<std::string> said;
    for (const SheetTechnique& t : s.techniques)
        if (!t.plain.empty() && said.insert(t.id).second)
            out.push_back(t.plain);
    for (const auto& it : s.selfCare) {
        std::string line = "At home: " + it.text;
        if (!it.dose.empty())
            line += " (" + it.dose + ")";
        out.push_back(std::move(line));
    }
    for (const auto& c : s.clientCautions)
        out.push_back(c);
    return out;
}

} // namespace ta::session
