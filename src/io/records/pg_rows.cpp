#include "io/records/pg_rows.h"

#include "core/records/sqlite_json_columns.h"
#include "core/records/store_helpers.h"

namespace ta::io::records::detail {

using core::records::detail::fromJsonColumn;
using core::records::detail::toJsonColumn;

using core::records::detail::splitColumns;

rec::Client readClient(const PgResult& r, int i)
{
    rec::Client c;
    c.id = rec::ClientId(r.text(i, 0));
    c.name = r.text(i, 1);
    c.reference = r.text(i, 2);
    c.dateOfBirth = r.optText(i, 3);
    c.contact = r.text(i, 4);
    c.notes = r.text(i, 5);
    if (!r.isNull(i, 6))
        c.consent = rec::Consent{r.text(i, 6), r.text(i, 7), r.text(i, 8)};
    c.createdAt = r.text(i, 9);
    c.updatedAt = r.text(i, 10);
    c.version = r.int64(i, 11);
    return c;
}

rec::Session readSession(const PgResult& r, int i)
{
    rec::Session s;
    s.id = rec::SessionId(r.text(i, 0));
    s.client = rec::ClientId(r.text(i, 1));
    s.dateTime = r.text(i, 2);
    s.reason = r.text(i, 3);
    s.painBefore = r.optInt(i, 4);
    s.painAfter = r.optInt(i, 5);
    s.soap = {r.text(i, 6), r.text(i, 7), r.text(i, 8), r.text(i, 9)};
    s.techniques = fromJsonColumn<std::string>(r.text(i, 10));
    if (!r.isNull(i, 11))
        s.signature = rec::Signature{r.text(i, 11), r.text(i, 12)};
    s.version = r.int64(i, 13);
    return s;
}

rec::Finding readFinding(const PgResult& r, int i)
{
    rec::Finding f;
    f.id = rec::FindingId(r.text(i, 0));
    f.session = rec::SessionId(r.text(i, 1));
    f.structure = r.text(i, 2);
    f.position = {float(r.real(i, 3)), float(r.real(i, 4)), float(r.real(i, 5))};
    f.triggerPoint = r.optText(i, 6);
    f.state = rec::findingStateFromString(r.text(i, 7)).value_or(rec::FindingState::Active);
    f.severity = r.integer(i, 8);
    f.note = r.text(i, 9);
    f.treated = r.boolean(i, 10);
    f.technique = r.text(i, 11);
    f.treatedSeconds = r.optInt(i, 12);
    f.carriedOver = r.boolean(i, 13);
    f.version = r.int64(i, 14);
    return f;
}

rec::PainMark readPainMark(const PgResult& r, int i)
{
    rec::PainMark p;
    p.id = rec::PainMarkId(r.text(i, 0));
    p.session = rec::SessionId(r.text(i, 1));
    p.structure = r.text(i, 2);
    p.position = {float(r.real(i, 3)), float(r.real(i, 4)), float(r.real(i, 5))};
    p.radius = float(r.real(i, 6));
    p.intensity = r.integer(i, 7);
    p.quality = rec::painQualityFromString(r.text(i, 8)).value_or(rec::PainQuality::Aching);
    p.region = r.optText(i, 9);
    if (!r.isNull(i, 10))
        p.side = rec::sideFromString(r.text(i, 10));
    p.coveredRegions = fromJsonColumn<std::string>(r.text(i, 11));
    p.note = r.text(i, 12);
    p.version = r.int64(i, 13);
    return p;
}

rec::JournalEntry readJournal(const PgResult& r, int i)
{
    rec::JournalEntry j;
    j.id = rec::JournalEntryId(r.text(i, 0));
    j.client = rec::ClientId(r.text(i, 1));
    j.date = r.text(i, 2);
    j.headache = r.boolean(i, 3);
    j.peakIntensity = r.optInt(i, 4);
    j.hours = r.optReal(i, 5);
    j.regions = fromJsonColumn<std::string>(r.text(i, 6));
    for (const auto& t : fromJsonColumn<std::string>(r.text(i, 7)))
        if (auto v = rec::headacheTriggerFromString(t))
            j.triggers.insert(*v);
    j.medication = r.text(i, 8);
    j.note = r.text(i, 9);
    j.version = r.int64(i, 10);
    return j;
}

rec::QuestionnaireResponse readQuestionnaire(const PgResult& r, int i)
{
    rec::QuestionnaireResponse q;
    q.id = rec::QuestionnaireId(r.text(i, 0));
    q.session = rec::SessionId(r.text(i, 1));
    q.kind = rec::questionnaireKindFromString(r.text(i, 2)).value_or(rec::QuestionnaireKind::Ndi);
    q.answers = fromJsonColumn<int>(r.text(i, 3));
    q.answeredAt = r.text(i, 4);
    return q;
}

rec::Addendum readAddendum(const PgResult& r, int i)
{
    return {rec::AddendumId(r.text(i, 0)), rec::SessionId(r.text(i, 1)), r.text(i, 2), r.text(i, 3), r.text(i, 4)};
}

std::vector<PgParam> params(const rec::Client& c)
{
    return {c.id.str(), c.name, c.reference, pgParam(c.dateOfBirth), c.contact, c.notes,
            c.consent ? pgParam(c.consent->date) : PgParam{}, c.consent ? pgParam(c.consent->agreed) : PgParam{},
            c.consent ? pgParam(c.consent->recordedBy) : PgParam{}, c.createdAt, c.updatedAt, pgParam(c.version)};
}

std::vector<PgParam> params(const rec::Session& s)
{
    return {s.id.str(), s.client.str(), s.dateTime, s.reason, pgParam(s.painBefore), pgParam(s.painAfter),
            s.soap.subjective, s.soap.objective, s.soap.assessment, s.soap.plan, toJsonColumn(s.techniques),
            s.signature ? pgParam(s.signature->at) : PgParam{}, s.signature ? pgParam(s.signature->by) : PgParam{},
            pgParam(s.version)};
}

std::vector<PgParam> params(const rec::Finding& f)
{
    return {f.id.str(), f.session.str(), f.structure, pgParam(double(f.position.x)), pgParam(double(f.position.y)),
            pgParam(double(f.position.z)), pgParam(f.triggerPoint), std::string(rec::toString(f.state)),
            pgParam(f.severity), f.note, pgParam(f.treated), f.technique, pgParam(f.treatedSeconds),
            pgParam(f.carriedOver), pgParam(f.version)};
}

std::vector<PgParam> params(const rec::PainMark& p)
{
    return {p.id.str(), p.session.str(), p.structure, pgParam(double(p.position.x)), pgParam(double(p.position.y)),
            pgParam(double(p.position.z)), pgParam(double(p.radius)), pgParam(p.intensity),
            std::string(rec::toString(p.quality)), pgParam(p.region),
            p.side ? pgParam(rec::toString(*p.side)) : PgParam{}, toJsonColumn(p.coveredRegions), p.note,
            pgParam(p.version)};
}

std::vector<PgParam> params(const rec::JournalEntry& j)
{
    std::vector<std::string> triggers;
    for (auto t : j.triggers)
        triggers.emplace_back(rec::toString(t));
    return {j.id.str(), j.client.str(), j.date, pgParam(j.headache), pgParam(j.peakIntensity), pgParam(j.hours),
            toJsonColumn(j.regions), toJsonColumn(triggers), j.medication, j.note, pgParam(j.version)};
}

std::vector<PgParam> params(const rec::QuestionnaireResponse& q)
{
    return {q.id.str(), q.session.str(), std::string(rec::toString(q.kind)), toJsonColumn(q.answers), q.answeredAt};
}

std::vector<PgParam> params(const rec::Addendum& a)
{
    return {a.id.str(), a.session.str(), a.at, a.author, a.text};
}

std::string insertSql(std::string_view table, std::string_view columns, bool upsert, std::string_view keep)
{
    const auto cols = splitColumns(columns);
    std::string values;
    for (std::size_t i = 1; i <= cols.size(); ++i)
        values += (i > 1 ? ", $" : "$") + std::to_string(i);
    std::string sql = "INSERT INTO ta." + std::string(table) + " (" + std::string(columns) + ") VALUES (" + values + ")";
    if (!upsert)
        return sql;
    std::string set;
    for (std::size_t i = 2; i < cols.size(); ++i)
        if (cols[i] != keep)
            set += (set.empty() ? "" : ", ") + std::string(cols[i]) + " = EXCLUDED." + std::string(cols[i]);
    return sql + " ON CONFLICT (id) DO UPDATE SET " + set + " WHERE ta." + std::string(table) + "." +
           std::string(cols[1]) + " = EXCLUDED." + std::string(cols[1]);
}

std::string updateSql(std::string_view table, std::string_view columns, std::string_view keep)
{
    const auto cols = splitColumns(columns);
    const std::string n = std::to_string(cols.size());
    std::string set;
    for (std::size_t i = 2; i + 1 < cols.size(); ++i)
        if (cols[i] != keep)
            set += std::string(cols[i]) + " = $" + std::to_string(i + 1) + ", ";
    return "UPDATE ta." + std::string(table) + " SET " + set + "version = $" + n + " + 1 WHERE id = $1 AND " +
           std::string(cols[1]) + " = $2 AND version = $" + n;
}

} // namespace ta::io::records::detail
