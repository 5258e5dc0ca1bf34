#include "session/records/record_services.h"

#include "io/records/pg_record_store.h"

#include "core/json_limits.h"
#include "core/error.h"
#include "core/read_file.h"
#include "core/records/client_exchange.h"
#include "core/records/questionnaires.h"
#include "core/records/sqlite_record_store.h"
#include "core/referral/close_matches.h"
#include "session/drawing_explainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace ta::session {

namespace rec = core::records;

std::unique_ptr<rec::RecordStore> openRecordStore(const std::filesystem::path& db, bool dailyBackup,
                                                  const PasswordPrompt& askPassword)
{
    if (io::records::isPostgresUri(db.string()))
        return std::make_unique<io::records::PgRecordStore>(db.string(), askPassword);
    rec::SqliteStoreOptions options;
    options.dailyBackup = dailyBackup;
    return std::make_unique<rec::SqliteRecordStore>(db.empty() ? rec::defaultRecordDatabasePath() : db, options);
}

rec::ClientId importRecordFile(rec::RecordStore& store, const std::filesystem::path& file)
{
    const std::string text = core::readTextFile(file);
    core::checkJsonDepth(text, file.string());
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw ParseError(file.string() + ": not JSON (" + e.what() + ")");
    }
    const std::string format = j.is_object() && j.contains("format") && j["format"].is_string() ? j["format"].get<std::string>() : "";
    if (format == rec::kClientFormat)
        return rec::importClientFile(store, file);
    if (format == "trigger-atlas-body-map")
        return rec::importBodyMapFile(store, file);
    throw ValidationError(file.string() + ": format: expected \"trigger-atlas-client\" or \"trigger-atlas-body-map\", got \"" +
                          format + "\"");
}

std::optional<rec::SessionRecord> loadSessionRecord(const rec::RecordStore& store, const rec::SessionId& id)
{
    auto s = store.session(id);
    if (!s)
        return std::nullopt;
    rec::SessionRecord r;
    r.session = std::move(*s);
    r.findings = store.listFindings(id);
    r.painMarks = store.listPainMarks(id);
    r.questionnaires = store.listQuestionnaires(id);
    r.addenda = store.listAddenda(id);
    return r;
}

core::PainMark toDrawingMark(const rec::PainMark& mark)
{
    core::PainMark m;
    m.structure = mark.structure;
    m.position = mark.position;
    m.radius = mark.radius;
    m.intensity = mark.intensity;
    m.note = mark.note;
    return m;
}

std::vector<core::PainMark> toDrawingMarks(const std::vector<rec::PainMark>& marks)
{
    std::vector<core::PainMark> out;
    out.reserve(marks.size());
    for (const auto& m : marks)
        out.push_back(toDrawingMark(m));
    return out;
}

void computeCoveredRegions(const core::AnatomyModel& model, TriggerPointCatalog& catalog, std::vector<rec::PainMark>& marks)
{
    for (rec::PainMark& m : marks)
        m.coveredRegions = regionsUnderMark(model, catalog, toDrawingMark(m));
}

std::vector<rec::PainMarkId> addPainByRegion(rec::RecordStore& store, const core::AnatomyModel& model,
                                             TriggerPointCatalog& catalog, const rec::SessionId& session,
                                             const std::string& region, rec::Side side, int intensity,
                                             rec::PainQuality quality)
{
    if (!catalog.loaded())
        throw ArgumentError("pain add: the trigger-point data is not available, so regions are unknown");
    const core::ReferralData& data = catalog.data();
    const auto r = data.findRegion(region);
    if (!r) {
        std::vector<std::string> names;
        for (const auto& reg : data.regions) {
            names.push_back(reg.id);
            names.insert(names.end(), reg.aliases.begin(), reg.aliases.end());
        }
        std::string msg = "pain add: unknown region \"" + region + "\"";
        const auto close = core::closeMatches(region, names);
        for (std::size_t i = 0; i < close.size(); ++i)
            msg += (i ? ", " : "; close matches: ") + close[i];
        throw ArgumentError(msg + " (`trigger-atlas list regions` shows all)");
    }
    std::vector<core::Side> sides;
    if (side == rec::Side::Left || side == rec::Side::Both)
        sides.push_back(core::Side::Left);
    if (side == rec::Side::Right || side == rec::Side::Both)
        sides.push_back(core::Side::Right);
    std::vector<rec::PainMark> marks;
    for (core::Side s : sides) {
        const auto instance = catalog.atlas().regionIndex(core::SidedIndex{*r, s});
        const auto place = instance ? placeOfRegion(model, catalog, *instance) : std::nullopt;
        if (!place)
            throw ArgumentError("pain add: region \"" + data.regions[*r].id + "\" (" + std::string(core::toString(s)) +
                                ") is not on the skin of this model");
        rec::PainMark m;
        m.session = session;
        m.structure = "skin";
        m.position = place->position;
        m.radius = place->radius;
        m.intensity = intensity;
        m.quality = quality;
        m.region = data.regions[*r].id;
        m.side = s == core::Side::Left ? rec::Side::Left : rec::Side::Right;
        marks.push_back(std::move(m));
    }
    computeCoveredRegions(model, catalog, marks);
    return store.addPainMarks(std::move(marks));
}

TriggerPointCatalog::PainExplanation explainSession(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                    const rec::SessionRecord& session)
{
    return explainDrawingFully(model, catalog, toDrawingMarks(session.painMarks));
}

namespace {

std::string findingLabel(const rec::Finding& f) { return f.triggerPoint ? *f.triggerPoint : f.structure; }

bool sameFinding(const rec::Finding& a, const rec::Finding& b)
{
    if (a.triggerPoint && b.triggerPoint)
        return *a.triggerPoint == *b.triggerPoint;
    return a.structure == b.structure && glm::distance(a.position, b.position) <= 0.02f;
}

} // namespace

SessionComparison compareSessions(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                  const rec::SessionRecord& a, const rec::SessionRecord& b)
{
    const bool aFirst = a.session.dateTime <= b.session.dateTime;
    const rec::SessionRecord& early = aFirst ? a : b;
    const rec::SessionRecord& late = aFirst ? b : a;
    SessionComparison out;
    out.before = early.session.dateTime;
    out.after = late.session.dateTime;
    out.nrsBefore[0] = early.session.painBefore;
    out.nrsBefore[1] = late.session.painBefore;
    out.nrsAfter[0] = early.session.painAfter;
    out.nrsAfter[1] = late.session.painAfter;
    const PainSummary s0 = summarisePain(model, catalog, toDrawingMarks(early.painMarks));
    const PainSummary s1 = summarisePain(model, catalog, toDrawingMarks(late.painMarks));
    out.areaBeforeCm2 = s0.areaCm2;
    out.areaAfterCm2 = s1.areaCm2;
    std::map<std::string, RegionChange> byKey;
    for (const RegionPain& r : s0.regions) {
        RegionChange& c = byKey[r.key];
        c.key = r.key;
        c.name = r.name;
        c.before = r.peakIntensity;
        c.areaBeforeCm2 = r.areaCm2;
    }
    for (const RegionPain& r : s1.regions) {
        RegionChange& c = byKey[r.key];
        c.key = r.key;
        c.name = r.name;
        c.after = r.peakIntensity;
        c.areaAfterCm2 = r.areaCm2;
    }
    for (auto& [key, c] : byKey)
        out.regions.push_back(c);
    std::sort(out.regions.begin(), out.regions.end(), [](const RegionChange& x, const RegionChange& y) {
        const int dx = std::abs(x.after - x.before), dy = std::abs(y.after - y.before);
        return dx != dy ? dx > dy : x.key < y.key;
    });
    std::vector<bool> matched(late.findings.size(), false);
    std::vector<FindingChange> persisting, resolved, added;
    for (const rec::Finding& f : early.findings) {
        std::optional<std::size_t> hit;
        for (std::size_t k = 0; k < late.findings.size() && !hit; ++k)
            if (!matched[k] && sameFinding(f, late.findings[k]))
                hit = k;
        if (hit) {
            matched[*hit] = true;
            persisting.push_back({FindingChange::Kind::Persisting, findingLabel(f), f.severity, late.findings[*hit].severity});
        } else {
            resolved.push_back({FindingChange::Kind::Resolved, findingLabel(f), f.severity, -1});
        }
    }
    for (std::size_t k = 0; k < late.findings.size(); ++k)
        if (!matched[k])
            added.push_back({FindingChange::Kind::New, findingLabel(late.findings[k]), -1, late.findings[k].severity});
    for (auto* list : {&persisting, &resolved, &added})
        out.findings.insert(out.findings.end(), list->begin(), list->end());
    return out;
}

std::string weekStart(const std::string& date)
{
    int y = 0, m = 0, d = 0;
    if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return date;
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil), then back to the Monday.
    const int yy = y - (m <= 2 ? 1 : 0);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const int yoe = yy - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long days = static_cast<long>(era) * 146097 + doe - 719468;
    const long weekday = ((days % 7) + 7 + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
    long z = days - weekday + 719468;
    const long era2 = (z >= 0 ? z : z - 146096) / 146097;
    const long doe2 = z - era2 * 146097;
    const long yoe2 = (doe2 - doe2 / 1460 + doe2 / 36524 - doe2 / 146096) / 365;
    const long doy2 = doe2 - (365 * yoe2 + yoe2 / 4 - yoe2 / 100);
    const long mp = (5 * doy2 + 2) / 153;
    const long dd = doy2 - (153 * mp + 2) / 5 + 1;
    const long mm = mp < 10 ? mp + 3 : mp - 9;
    const long year = yoe2 + era2 * 400 + (mm <= 2 ? 1 : 0);
    char buf[48]; // room for any long, so -Wformat-truncation has nothing to say
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", year, mm, dd);
    return buf;
}

std::vector<ProgressSeries> progressOf(const rec::RecordStore& store, const rec::ClientId& client,
                                       const core::AnatomyModel& model, TriggerPointCatalog& catalog)
{
    ProgressSeries before{"Pain before treatment (NRS)", "0-10", 0, 10, {}};
    ProgressSeries after{"Pain after treatment (NRS)", "0-10", 0, 10, {}};
    ProgressSeries area{"Pain drawing area", "cm²", 0, 0, {}};
    ProgressSeries ndi{"Neck Disability Index", "/50", 0, 50, {}};
    ProgressSeries hit6{"HIT-6", "36-78", 36, 78, {}};
    for (const rec::Session& s : store.listSessions(client)) {
        const std::string day = s.dateTime.substr(0, 10);
        if (s.painBefore)
            before.points.push_back({day, static_cast<double>(*s.painBefore)});
        if (s.painAfter)
            after.points.push_back({day, static_cast<double>(*s.painAfter)});
        const auto marks = store.listPainMarks(s.id);
        if (!marks.empty()) {
            const double cm2 = summarisePain(model, catalog, toDrawingMarks(marks)).areaCm2;
            area.points.push_back({day, cm2});
            area.maxValue = std::max(area.maxValue, cm2);
        }
        for (const rec::QuestionnaireResponse& q : store.listQuestionnaires(s.id)) {
            try {
                if (q.kind == rec::QuestionnaireKind::Ndi)
                    ndi.points.push_back({day, static_cast<double>(rec::scoreNdi(q.answers).total)});
                else
                    hit6.points.push_back({day, static_cast<double>(rec::scoreHit6(q.answers).total)});
            } catch (const Error&) {
                // a stored response the current scoring rejects is left out of the plot, not fatal
            }
        }
    }
    area.maxValue = area.maxValue > 0.0 ? std::ceil(area.maxValue / 50.0) * 50.0 : 100.0;
    ProgressSeries days{"Headache days per week", "days", 0, 7, {}};
    ProgressSeries peak{"Peak headache intensity per week (NRS)", "0-10", 0, 10, {}};
    std::map<std::string, std::pair<int, int>> weeks; // Monday -> (headache days, peak)
    for (const rec::JournalEntry& e : store.listJournal(client)) {
        auto& w = weeks[weekStart(e.date)];
        if (e.headache) {
            ++w.first;
            w.second = std::max(w.second, e.peakIntensity.value_or(0));
        }
    }
    for (const auto& [monday, w] : weeks) {
        days.points.push_back({monday, static_cast<double>(w.first)});
        peak.points.push_back({monday, static_cast<double>(w.second)});
    }
    std::vector<ProgressSeries> out;
    for (ProgressSeries* s : {&before, &after, &days, &peak, &ndi, &hit6, &area})
        if (!s->points.empty())
            out.push_back(std::move(*s));
    return out;
}

} // namespace ta::session
