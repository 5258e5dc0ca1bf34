#include "session/records/report_builder.h"

#include "core/error.h"
#include "core/records/questionnaires.h"
#include "session/drawing_explainer.h"
#include "session/records/pain_summary.h"
#include "session/records/record_services.h"

#include <algorithm>
#include <cctype>

namespace ta::session {
namespace {

namespace rec = core::records;

std::string sideOf(const core::AnatomyModel& model, const std::string& structure)
{
    const core::Structure* s = model.get(model.find(structure));
    return s && s->side != core::Side::Midline ? std::string(core::toString(s->side)) : std::string();
}

std::string structureName(const core::AnatomyModel& model, const std::string& structure)
{
    const core::Structure* s = model.get(model.find(structure));
    return s ? s->name : structure;
}

std::string triggerPointName(const TriggerPointCatalog& catalog, const std::optional<std::string>& key)
{
    if (!key || !catalog.loaded())
        return key.value_or("");
    const auto id = catalog.find(*key);
    return id ? catalog.record(*id).name : *key;
}

std::string lowerFirst(std::string s)
{
    if (!s.empty())
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

/// "Zoë Ångström" -> "Zoë".
std::string firstName(const std::string& name)
{
    const auto space = name.find(' ');
    return space == std::string::npos ? name : name.substr(0, space);
}

} // namespace

namespace {

/// The session with everything in it and its client; ValidationError naming the store when either is missing.
std::pair<std::optional<rec::SessionRecord>, std::optional<rec::Client>> sessionAndClient(const rec::RecordStore& store,
                                                                                          const rec::SessionId& id)
{
    auto record = loadSessionRecord(store, id);
    if (!record)
        throw ValidationError(store.describe() + ": no session with id " + id.str());
    auto client = store.client(record->session.client);
    if (!client)
        throw ValidationError(store.describe() + ": the session's client is missing");
    return {std::move(record), std::move(client)};
}

} // namespace

io::SessionReportData buildSessionReport(const rec::RecordStore& store, const rec::SessionId& id, const core::AnatomyModel& model,
                                         TriggerPointCatalog& catalog, const std::string& therapist, io::PageSize pageSize)
{
    auto [record, client] = sessionAndClient(store, id);
    io::SessionReportData d;
    d.client = *client;
    d.therapist = therapist;
    d.pageSize = pageSize;
    for (const rec::Finding& f : record->findings) {
        io::FindingRow row;
        row.muscle = structureName(model, f.structure);
        row.triggerPoint = triggerPointName(catalog, f.triggerPoint);
        row.side = sideOf(model, f.structure);
        row.state = f.state;
        row.severity = f.severity;
        row.treated = f.treated;
        row.technique = f.technique;
        row.treatedSeconds = f.treatedSeconds;
        row.note = f.note;
        row.carriedOver = f.carriedOver;
        d.findings.push_back(std::move(row));
    }
    const auto marks = toDrawingMarks(record->painMarks);
    const PainSummary pain = summarisePain(model, catalog, marks);
    d.painAreaCm2 = pain.areaCm2;
    // The quality of the strongest mark stands for the drawing's quality.
    std::string quality;
    int strongest = -1;
    for (const rec::PainMark& m : record->painMarks)
        if (m.intensity > strongest) {
            strongest = m.intensity;
            quality = std::string(rec::toString(m.quality));
        }
    for (const RegionPain& r : pain.regions) {
        io::PainRegionRow row;
        const core::RegionInstance& inst = catalog.atlas().regions()[r.region];
        row.region = withoutParentheses(catalog.atlas().record(inst).name);
        row.side = std::string(core::toString(inst.key.side));
        row.peakIntensity = r.peakIntensity;
        row.quality = quality;
        d.painRegions.push_back(std::move(row));
    }
    for (const auto& src : explainDrawing(model, catalog, marks, 5)) {
        io::CandidateRow row;
        row.triggerPoint = catalog.record(src.triggerPoint).name;
        row.side = src.hit.bothSides ? "both" : std::string(core::toString(catalog.instance(src.triggerPoint).key.side));
        row.score = src.hit.score;
        row.reason = src.hit.reason;
        d.candidates.push_back(std::move(row));
    }
    for (const rec::QuestionnaireResponse& q : record->questionnaires) {
        io::QuestionnaireRow row;
        try {
            if (q.kind == rec::QuestionnaireKind::Ndi) {
                const auto s = rec::scoreNdi(q.answers);
                row.name = "NDI";
                row.score = "NDI " + std::to_string(s.total) + "/50 (" + std::to_string(s.percent) + " %)";
            } else {
                const auto s = rec::scoreHit6(q.answers);
                row.name = "HIT-6";
                row.score = "HIT-6 " + std::to_string(s.total) + ": " + std::string(rec::toString(s.band));
            }
        } catch (const Error& e) {
            row.name = std::string(rec::toString(q.kind));
            row.score = e.what();
        }
        d.questionnaires.push_back(std::move(row));
    }
    for (const ProgressSeries& s : progressOf(store, client->id, model, catalog)) {
        io::ProgressSeries out;
        out.name = s.name;
        out.unit = s.unit;
        out.yMin = s.minValue;
        out.yMax = s.maxValue;
        for (const auto& p : s.points)
            out.points.push_back({p.date, p.value});
        if (s.name.find("(NRS)") != std::string::npos && s.name.rfind("Pain", 0) == 0)
            out.chart = "Pain before and after treatment (NRS 0-10)";
        d.progress.push_back(std::move(out));
    }
    d.session = std::move(*record);
    return d;
}

std::optional<rec::Finding> mainFinding(const rec::SessionRecord& session)
{
    std::optional<rec::Finding> best;
    auto rank = [](const rec::Finding& f) {
        return (f.triggerPoint ? 100 : 0) + (f.state == rec::FindingState::Active ? 20 : 0) + f.severity;
    };
    for (const rec::Finding& f : session.findings)
        if (!best || rank(f) > rank(*best))
            best = f;
    return best;
}

std::vector<std::string> treatedInPlainWords(const rec::SessionRecord& session, const core::AnatomyModel& model,
                                             TriggerPointCatalog& catalog, const core::TreatmentLibrary& treatment)
{
    std::vector<std::string> out;
    for (const rec::Finding& f : session.findings) {
        if (!f.treated) continue;
        std::string muscle;
        if (f.triggerPoint && catalog.loaded())
            if (const auto tp = catalog.find(*f.triggerPoint))
                if (const core::MuscleRecord* m = catalog.muscleOfTriggerPoint(*tp)) muscle = lowerFirst(withoutParentheses(m->name));
        if (muscle.empty()) muscle = lowerFirst(structureName(model, f.structure));
        // The technique as the record names it: a technique's id or name, else the therapist's own words.
        const core::Technique* t = nullptr;
        for (const core::Technique& k : treatment.techniques())
            if (lowerFirst(k.name) == lowerFirst(f.technique) || k.id == f.technique) t = &k;
        std::string line = "Your " + muscle + ": ";
        if (t) line += lowerFirst(t->plain);
        else line += f.technique.empty() ? std::string("we worked on it.") : "we worked on it (" + f.technique + ").";
        if (f.treatedSeconds && *f.treatedSeconds > 0) line += " (" + std::to_string(*f.treatedSeconds) + " s)";
        out.push_back(std::move(line));
    }
    return out;
}

io::HandoutData buildHandout(const rec::RecordStore& store, const rec::SessionId& id, const core::AnatomyModel& model,
                             TriggerPointCatalog& catalog, const io::SelfCareLibrary& selfCare, const std::string& therapist,
                             io::PageSize pageSize, const core::TreatmentLibrary* treatment)
{
    auto [record, client] = sessionAndClient(store, id);
    io::HandoutData h;
    h.clientFirstName = firstName(client->name);
    h.date = record->session.dateTime.substr(0, 10);
    h.therapist = therapist;
    h.therapistNote = record->session.soap.plan;
    h.pageSize = pageSize;
    std::vector<std::string> muscles;
    const auto main = mainFinding(*record);
    std::optional<core::TriggerPointId> tp;
    if (main && main->triggerPoint && catalog.loaded())
        tp = catalog.find(*main->triggerPoint);
    if (tp) {
        const core::MuscleRecord* muscle = catalog.muscleOfTriggerPoint(*tp);
        h.mainMuscle = lowerFirst(muscle ? withoutParentheses(muscle->name) : catalog.record(*tp).name);
        const std::string where = lowerFirst(catalog.zoneText(*tp, true));
        h.findingInPlainWords = "This knot in your " + h.mainMuscle + " can send pain to your " + where + ".";
        if (muscle)
            muscles.push_back(muscle->id);
    } else if (main) {
        h.mainMuscle = lowerFirst(structureName(model, main->structure));
        h.findingInPlainWords = "We found a tender knot in your " + h.mainMuscle + ".";
    } else {
        h.findingInPlainWords = "We looked at where you feel pain and at the muscles that can cause it.";
    }
    // The other muscles found tender today come after the main one.
    for (const rec::Finding& f : record->findings)
        if (f.triggerPoint && catalog.loaded())
            if (const auto other = catalog.find(*f.triggerPoint))
                if (const core::MuscleRecord* m = catalog.muscleOfTriggerPoint(*other);
                    m && std::find(muscles.begin(), muscles.end(), m->id) == muscles.end())
                    muscles.push_back(m->id);
    io::fillSelfCare(h, selfCare, muscles);
    if (treatment) h.treatedToday = treatedInPlainWords(*record, model, catalog, *treatment);
    return h;
}

io::FhirContext buildFhirContext(const rec::SessionRecord& session, const core::AnatomyModel& model,
                                 TriggerPointCatalog& catalog, const io::SnomedBodySites& codes)
{
    io::FhirContext ctx;
    if (catalog.loaded()) {
        const core::ReferralData& data = catalog.data();
        for (const auto& r : data.regions) {
            const std::string name = withoutParentheses(r.name);
            ctx.regions[r.id] = {name, codes.region(r.id)};
            ctx.regions[r.id + "-left"] = {name + ", left", codes.region(r.id)};
            ctx.regions[r.id + "-right"] = {name + ", right", codes.region(r.id)};
        }
    }
    for (const rec::Finding& f : session.findings) {
        io::FhirBodySite site;
        site.display = structureName(model, f.structure);
        std::string muscleId;
        if (f.triggerPoint && catalog.loaded())
            if (const auto tp = catalog.find(*f.triggerPoint))
                if (const core::MuscleRecord* m = catalog.muscleOfTriggerPoint(*tp))
                    muscleId = m->id;
        if (!muscleId.empty())
            site.snomed = codes.muscle(muscleId);
        ctx.findings[f.id.str()] = site;
    }
    return ctx;
}

} // namespace ta::session
