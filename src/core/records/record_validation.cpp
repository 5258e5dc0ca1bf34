#include "core/records/record_validation.h"

#include "core/bodymap/body_map.h"
#include "core/error.h"
#include "core/records/questionnaires.h"

#include <cmath>

namespace ta::core::records {

namespace {

[[noreturn]] void fail(const std::string& where, std::string_view key, const std::string& why)
{
    throw ValidationError(where + ": " + std::string(key) + ": " + why);
}

template <typename Id>
void checkId(const Id& id, const std::string& where, std::string_view key)
{
    if (!id.valid())
        fail(where, key, "must be a lower-case UUID, got \"" + id.str() + "\"");
}

void checkNrs(int v, const std::string& where, std::string_view key)
{
    if (v < 0 || v > kMaxNrs)
        fail(where, key, "must be an integer 0-10, got " + std::to_string(v));
}

void checkDate(const std::string& d, const std::string& where, std::string_view key)
{
    if (!isIsoDate(d))
        fail(where, key, "must be a date YYYY-MM-DD, got \"" + d + "\"");
}

void checkPosition(const glm::vec3& p, const std::string& where)
{
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        fail(where, "position", "must be three finite numbers (metres)");
}

} // namespace

void validate(const Client& c, const std::string& where)
{
    checkId(c.id, where, "id");
    if (c.name.empty())
        fail(where, "name", "must not be empty");
    if (c.dateOfBirth)
        checkDate(*c.dateOfBirth, where, "dateOfBirth");
    if (c.consent)
        checkDate(c.consent->date, where, "consent.date");
}

void validate(const Session& s, const std::string& where)
{
    checkId(s.id, where, "id");
    checkId(s.client, where, "client");
    if (!isLocalDateTime(s.dateTime))
        fail(where, "dateTime", "must be a local date-time YYYY-MM-DDTHH:MM, got \"" + s.dateTime + "\"");
    if (s.painBefore)
        checkNrs(*s.painBefore, where, "painBefore");
    if (s.painAfter)
        checkNrs(*s.painAfter, where, "painAfter");
}

void validate(const Addendum& a, const std::string& where)
{
    checkId(a.id, where, "id");
    checkId(a.session, where, "session");
    if (a.text.empty())
        fail(where, "text", "must not be empty");
}

void validate(const Finding& f, const std::string& where)
{
    checkId(f.id, where, "id");
    checkId(f.session, where, "session");
    if (f.structure.empty())
        fail(where, "structure", "must not be empty");
    checkPosition(f.position, where);
    checkNrs(f.severity, where, "severity");
    if (f.treatedSeconds && *f.treatedSeconds < 0)
        fail(where, "treatedSeconds", "must not be negative");
}

void validate(const PainMark& p, const std::string& where)
{
    checkId(p.id, where, "id");
    checkId(p.session, where, "session");
    checkPosition(p.position, where);
    if (!(p.radius > 0.0f) || !std::isfinite(p.radius))
        fail(where, "radius", "must be a positive number of metres");
    checkNrs(p.intensity, where, "intensity");
    if (p.side && !p.region)
        fail(where, "side", "is given without a region");
}

void validate(const JournalEntry& j, const std::string& where)
{
    checkId(j.id, where, "id");
    checkId(j.client, where, "client");
    checkDate(j.date, where, "date");
    if (j.peakIntensity)
        checkNrs(*j.peakIntensity, where, "peakIntensity");
    if (j.hours && (!std::isfinite(*j.hours) || *j.hours < 0.0 || *j.hours > 24.0))
        fail(where, "hours", "must be 0-24");
}

void validate(const QuestionnaireResponse& q, const std::string& where)
{
    checkId(q.id, where, "id");
    checkId(q.session, where, "session");
    try {
        if (q.kind == QuestionnaireKind::Ndi)
            scoreNdi(q.answers);
        else
            scoreHit6(q.answers);
    } catch (const ValidationError& e) {
        fail(where, "answers", e.what());
    }
}


void validateImport(const ClientRecord& record,
                    const std::function<std::string(std::string_view kind, const std::string& id)>& where)
{
    const ClientId& cid = record.client.id;
    validate(record.client, where("client", cid.str()));
    for (const auto& sr : record.sessions) {
        const std::string w = where("session", sr.session.id.str());
        validate(sr.session, w);
        if (sr.session.client != cid)
            throw ValidationError(w + ": client: names another client");
        for (const auto& f : sr.findings)
            validate(f, where("finding", f.id.str()));
        for (const auto& p : sr.painMarks)
            validate(p, where("pain mark", p.id.str()));
        for (const auto& q : sr.questionnaires)
            validate(q, where("questionnaire", q.id.str()));
        for (const auto& a : sr.addenda)
            validate(a, where("addendum", a.id.str()));
        for (const auto& f : sr.findings)
            if (f.session != sr.session.id)
                throw ValidationError(where("finding", f.id.str()) + ": session: names another session");
        for (const auto& p : sr.painMarks)
            if (p.session != sr.session.id)
                throw ValidationError(where("pain mark", p.id.str()) + ": session: names another session");
        for (const auto& q : sr.questionnaires)
            if (q.session != sr.session.id)
                throw ValidationError(where("questionnaire", q.id.str()) + ": session: names another session");
        for (const auto& a : sr.addenda)
            if (a.session != sr.session.id)
                throw ValidationError(where("addendum", a.id.str()) + ": session: names another session");
    }
    for (const auto& j : record.journal) {
        validate(j, where("journal entry", j.id.str()));
        if (j.client != cid)
            throw ValidationError(where("journal entry", j.id.str()) + ": client: names another client");
    }
}

} // namespace ta::core::records
