// SqliteRecordStore: findings (with carry-over), pain marks, headache journal and questionnaires.
#include "core/records/record_validation.h"
#include "core/records/row_version.h"
#include "core/records/store_helpers.h"
#include "core/records/sqlite_json_columns.h"
#include "core/records/sqlite_record_store.h"

namespace ta::core::records {

using detail::fromJsonColumn;
using detail::toJsonColumn;

namespace {

constexpr const char* kFindingColumns =
    "id, session_id, structure, x, y, z, trigger_point, state, severity, note, treated, technique, "
    "treated_seconds, carried_over, version";

Finding readFinding(const SqliteStatement& st)
{
    Finding f;
    f.id = FindingId(st.text(0));
    f.session = SessionId(st.text(1));
    f.structure = st.text(2);
    f.position = {float(st.real(3)), float(st.real(4)), float(st.real(5))};
    f.triggerPoint = st.optText(6);
    f.state = findingStateFromString(st.text(7)).value_or(FindingState::Active);
    f.severity = st.integer(8);
    f.note = st.text(9);
    f.treated = st.integer(10) != 0;
    f.technique = st.text(11);
    f.treatedSeconds = st.optInt(12);
    f.carriedOver = st.integer(13) != 0;
    f.version = st.int64(14);
    return f;
}

constexpr const char* kPainColumns =
    "id, session_id, structure, x, y, z, radius, intensity, quality, region, side, covered_regions, note, version";

PainMark readPainMark(const SqliteStatement& st)
{
    PainMark p;
    p.id = PainMarkId(st.text(0));
    p.session = SessionId(st.text(1));
    p.structure = st.text(2);
    p.position = {float(st.real(3)), float(st.real(4)), float(st.real(5))};
    p.radius = float(st.real(6));
    p.intensity = st.integer(7);
    p.quality = painQualityFromString(st.text(8)).value_or(PainQuality::Aching);
    p.region = st.optText(9);
    if (!st.isNull(10))
        p.side = sideFromString(st.text(10));
    p.coveredRegions = fromJsonColumn<std::string>(st.text(11));
    p.note = st.text(12);
    p.version = st.int64(13);
    return p;
}

constexpr const char* kJournalColumns =
    "id, client_id, date, headache, peak_intensity, hours, regions, triggers, medication, note, version";

JournalEntry readJournal(const SqliteStatement& st)
{
    JournalEntry j;
    j.id = JournalEntryId(st.text(0));
    j.client = ClientId(st.text(1));
    j.date = st.text(2);
    j.headache = st.integer(3) != 0;
    j.peakIntensity = st.optInt(4);
    j.hours = st.optReal(5);
    j.regions = fromJsonColumn<std::string>(st.text(6));
    for (const auto& t : fromJsonColumn<std::string>(st.text(7)))
        if (auto v = headacheTriggerFromString(t))
            j.triggers.insert(*v);
    j.medication = st.text(8);
    j.note = st.text(9);
    j.version = st.int64(10);
    return j;
}

QuestionnaireResponse readQuestionnaire(const SqliteStatement& st)
{
    QuestionnaireResponse q;
    q.id = QuestionnaireId(st.text(0));
    q.session = SessionId(st.text(1));
    q.kind = questionnaireKindFromString(st.text(2)).value_or(QuestionnaireKind::Ndi);
    q.answers = fromJsonColumn<int>(st.text(3));
    q.answeredAt = st.text(4);
    return q;
}

/// "ON CONFLICT (id) DO UPDATE SET a = ?2, b = ?3 ... WHERE <parent> = ?2" for columns 2..n of `columns`.
std::string upsertClause(std::string_view columns, std::string_view parent)
{
    std::string set;
    int index = 0;
    for (std::string_view name : detail::splitColumns(columns)) {
        ++index;
        if (index > 2)
            set += (set.empty() ? "" : ", ") + std::string(name) + " = ?" + std::to_string(index);
    }
    return " ON CONFLICT (id) DO UPDATE SET " + set + " WHERE " + std::string(parent) + " = ?2";
}

std::string placeholders(int n)
{
    std::string s;
    for (int i = 1; i <= n; ++i)
        s += (i > 1 ? ", ?" : "?") + std::to_string(i);
    return s;
}

} // namespace

// --- Findings --------------------------------------------------------------------------------------------

void SqliteRecordStore::writeFinding(const Finding& f, bool upsert)
{
    SqliteStatement st(m_db, std::string("INSERT INTO findings (") + kFindingColumns + ") VALUES (" +
                                 placeholders(15) + ")" + (upsert ? upsertClause(kFindingColumns, "session_id") : ""));
    st.bind(1, f.id.str()).bind(2, f.session.str()).bind(3, f.structure);
    st.bind(4, double(f.position.x)).bind(5, double(f.position.y)).bind(6, double(f.position.z));
    st.bind(7, f.triggerPoint).bind(8, toString(f.state)).bind(9, f.severity).bind(10, f.note);
    st.bind(11, f.treated).bind(12, f.technique).bind(13, f.treatedSeconds).bind(14, f.carriedOver).bind(15, f.version);
    st.run();
    if (m_db.changes() == 0)
        throw ValidationError(where("finding", f.id.str()) + ": session: the finding belongs to another session");
}

FindingId SqliteRecordStore::addFinding(Finding f)
{
    if (f.id.empty())
        f.id = FindingId::generate();
    f.version = 1;
    validate(f, where("finding", f.id.str()));
    SqliteTransaction tx(m_db);
    requireUnlocked(f.session, "adding a finding");
    writeFinding(f, false);
    tx.commit();
    return f.id;
}

void SqliteRecordStore::updateFinding(const Finding& finding)
{
    Finding f = finding;
    validate(f, where("finding", f.id.str()));
    SqliteTransaction tx(m_db);
    const auto stored = this->finding(f.id);
    if (!stored)
        throw ValidationError(describe() + ": finding: unknown id \"" + f.id.str() + "\"");
    requireUnlocked(stored->session, "changing its findings");
    f.version = detail::nextVersion(where("finding", f.id.str()), stored->version, f.version);
    writeFinding(f, true);
    tx.commit();
}

void SqliteRecordStore::deleteFinding(const FindingId& id)
{
    SqliteTransaction tx(m_db);
    const auto stored = finding(id);
    if (!stored)
        throw ValidationError(describe() + ": finding: unknown id \"" + id.str() + "\"");
    requireUnlocked(stored->session, "deleting its findings");
    SqliteStatement st(m_db, "DELETE FROM findings WHERE id = ?1");
    st.bind(1, id.str()).run();
    tx.commit();
}

std::optional<Finding> SqliteRecordStore::finding(const FindingId& id) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kFindingColumns + " FROM findings WHERE id = ?1");
    st.bind(1, id.str());
    if (!st.step())
        return std::nullopt;
    return readFinding(st);
}

std::vector<Finding> SqliteRecordStore::listFindings(const SessionId& session) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kFindingColumns +
                                 " FROM findings WHERE session_id = ?1 ORDER BY seq");
    st.bind(1, session.str());
    std::vector<Finding> out;
    while (st.step())
        out.push_back(readFinding(st));
    return out;
}

std::size_t SqliteRecordStore::carryOverFindings(const SessionId& into)
{
    SqliteTransaction tx(m_db);
    requireUnlocked(into, "carrying findings into it");
    const auto target = session(into);
    SqliteStatement prev(m_db, "SELECT id FROM sessions WHERE client_id = ?1 AND id <> ?2 AND "
                               "(date_time < ?3 OR (date_time = ?3 AND seq < (SELECT seq FROM sessions "
                               "WHERE id = ?2))) ORDER BY date_time DESC, seq DESC LIMIT 1");
    prev.bind(1, target->client.str()).bind(2, into.str()).bind(3, target->dateTime);
    if (!prev.step())
        return 0;
    const SessionId from(prev.text(0));
    std::size_t n = 0;
    for (const Finding& f : listFindings(from)) {
        writeFinding(detail::carriedOver(f, into), false);
        ++n;
    }
    tx.commit();
    return n;
}

void SqliteRecordStore::confirmFinding(const FindingId& id)
{
    SqliteTransaction tx(m_db);
    const auto stored = finding(id);
    if (!stored)
        throw ValidationError(describe() + ": finding: unknown id \"" + id.str() + "\"");
    requireUnlocked(stored->session, "confirming its findings");
    SqliteStatement st(m_db, "UPDATE findings SET carried_over = 0, version = version + 1 WHERE id = ?1");
    st.bind(1, id.str()).run();
    tx.commit();
}

// --- Pain marks ------------------------------------------------------------------------------------------

void SqliteRecordStore::writePainMark(const PainMark& p, bool upsert)
{
    SqliteStatement st(m_db, std::string("INSERT INTO pain_marks (") + kPainColumns + ") VALUES (" +
                                 placeholders(14) + ")" + (upsert ? upsertClause(kPainColumns, "session_id") : ""));
    st.bind(1, p.id.str()).bind(2, p.session.str()).bind(3, p.structure);
    st.bind(4, double(p.position.x)).bind(5, double(p.position.y)).bind(6, double(p.position.z));
    st.bind(7, double(p.radius)).bind(8, p.intensity).bind(9, toString(p.quality)).bind(10, p.region);
    if (p.side)
        st.bind(11, toString(*p.side));
    else
        st.bindNull(11);
    st.bind(12, toJsonColumn(p.coveredRegions)).bind(13, p.note).bind(14, p.version);
    st.run();
    if (m_db.changes() == 0)
        throw ValidationError(where("pain mark", p.id.str()) + ": session: the mark belongs to another session");
}

PainMarkId SqliteRecordStore::addPainMark(PainMark mark)
{
    std::vector<PainMark> one;
    one.push_back(std::move(mark));
    return addPainMarks(std::move(one)).front();
}

std::vector<PainMarkId> SqliteRecordStore::addPainMarks(std::vector<PainMark> marks)
{
    std::vector<PainMarkId> ids;
    for (auto& p : marks) {
        if (p.id.empty())
            p.id = PainMarkId::generate();
        p.version = 1;
        validate(p, where("pain mark", p.id.str()));
        ids.push_back(p.id);
    }
    SqliteTransaction tx(m_db);
    SessionId checked;
    for (const auto& p : marks) {
        if (p.session != checked) {
            requireUnlocked(p.session, "adding pain marks");
            checked = p.session;
        }
        writePainMark(p, false);
    }
    tx.commit();
    return ids;
}

void SqliteRecordStore::updatePainMark(const PainMark& mark)
{
    PainMark p = mark;
    validate(p, where("pain mark", p.id.str()));
    SqliteTransaction tx(m_db);
    const auto stored = painMark(p.id);
    if (!stored)
        throw ValidationError(describe() + ": pain mark: unknown id \"" + p.id.str() + "\"");
    requireUnlocked(stored->session, "changing its pain marks");
    p.version = detail::nextVersion(where("pain mark", p.id.str()), stored->version, p.version);
    writePainMark(p, true);
    tx.commit();
}

void SqliteRecordStore::deletePainMarks(std::span<const PainMarkId> ids)
{
    SqliteTransaction tx(m_db);
    SqliteStatement find(m_db, "SELECT session_id FROM pain_marks WHERE id = ?1");
    SqliteStatement del(m_db, "DELETE FROM pain_marks WHERE id = ?1");
    for (const auto& id : ids) {
        find.reset();
        find.bind(1, id.str());
        if (!find.step())
            throw ValidationError(describe() + ": pain mark: unknown id \"" + id.str() + "\"");
        requireUnlocked(SessionId(find.text(0)), "deleting its pain marks");
        del.reset();
        del.bind(1, id.str()).run();
    }
    tx.commit();
}

std::optional<PainMark> SqliteRecordStore::painMark(const PainMarkId& id) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kPainColumns + " FROM pain_marks WHERE id = ?1");
    st.bind(1, id.str());
    if (!st.step())
        return std::nullopt;
    return readPainMark(st);
}

std::vector<PainMark> SqliteRecordStore::listPainMarks(const SessionId& session) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kPainColumns +
                                 " FROM pain_marks WHERE session_id = ?1 ORDER BY seq");
    st.bind(1, session.str());
    std::vector<PainMark> out;
    while (st.step())
        out.push_back(readPainMark(st));
    return out;
}

// --- Journal ---------------------------------------------------------------------------------------------

void SqliteRecordStore::writeJournal(const JournalEntry& j, bool upsert)
{
    std::vector<std::string> triggers;
    for (auto t : j.triggers)
        triggers.emplace_back(toString(t));
    SqliteStatement st(m_db, std::string("INSERT INTO journal (") + kJournalColumns + ") VALUES (" +
                                 placeholders(11) + ")" + (upsert ? upsertClause(kJournalColumns, "client_id") : ""));
    st.bind(1, j.id.str()).bind(2, j.client.str()).bind(3, j.date).bind(4, j.headache).bind(5, j.peakIntensity);
    st.bind(6, j.hours).bind(7, toJsonColumn(j.regions)).bind(8, toJsonColumn(triggers));
    st.bind(9, j.medication).bind(10, j.note).bind(11, j.version);
    st.run();
    if (m_db.changes() == 0)
        throw ValidationError(where("journal entry", j.id.str()) + ": client: the entry belongs to another client");
}

JournalEntryId SqliteRecordStore::addJournalEntry(JournalEntry j)
{
    if (j.id.empty())
        j.id = JournalEntryId::generate();
    j.version = 1;
    validate(j, where("journal entry", j.id.str()));
    SqliteTransaction tx(m_db);
    requireClient(j.client);
    SqliteStatement dup(m_db, "SELECT id FROM journal WHERE client_id = ?1 AND date = ?2");
    dup.bind(1, j.client.str()).bind(2, j.date);
    if (dup.step())
        throw ValidationError(where("journal entry", j.id.str()) + ": date: the client already has an entry for " +
                              j.date + " (" + dup.text(0) + "); update it instead");
    writeJournal(j, false);
    tx.commit();
    return j.id;
}

void SqliteRecordStore::updateJournalEntry(const JournalEntry& entry)
{
    JournalEntry j = entry;
    validate(j, where("journal entry", j.id.str()));
    SqliteTransaction tx(m_db);
    const auto stored = journalEntry(j.id);
    if (!stored)
        throw ValidationError(describe() + ": journal entry: unknown id \"" + j.id.str() + "\"");
    j.version = detail::nextVersion(where("journal entry", j.id.str()), stored->version, j.version);
    writeJournal(j, true);
    tx.commit();
}

std::optional<JournalEntry> SqliteRecordStore::journalEntry(const JournalEntryId& id) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kJournalColumns + " FROM journal WHERE id = ?1");
    st.bind(1, id.str());
    if (!st.step())
        return std::nullopt;
    return readJournal(st);
}

std::vector<JournalEntry> SqliteRecordStore::listJournal(const ClientId& client, std::string_view from,
                                                         std::string_view to) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kJournalColumns +
                                 " FROM journal WHERE client_id = ?1 AND (?2 IS NULL OR date >= ?2) AND "
                                 "(?3 IS NULL OR date <= ?3) ORDER BY date");
    st.bind(1, client.str());
    if (from.empty())
        st.bindNull(2);
    else
        st.bind(2, from);
    if (to.empty())
        st.bindNull(3);
    else
        st.bind(3, to);
    std::vector<JournalEntry> out;
    while (st.step())
        out.push_back(readJournal(st));
    return out;
}

// --- Questionnaires --------------------------------------------------------------------------------------

void SqliteRecordStore::writeQuestionnaire(const QuestionnaireResponse& q, bool upsert)
{
    constexpr const char* kColumns = "id, session_id, kind, answers, answered_at";
    SqliteStatement st(m_db, std::string("INSERT INTO questionnaires (") + kColumns + ") VALUES (" +
                                 placeholders(5) + ")" + (upsert ? upsertClause(kColumns, "session_id") : ""));
    st.bind(1, q.id.str()).bind(2, q.session.str()).bind(3, toString(q.kind)).bind(4, toJsonColumn(q.answers));
    st.bind(5, q.answeredAt).run();
    if (m_db.changes() == 0)
        throw ValidationError(where("questionnaire", q.id.str()) + ": session: belongs to another session");
}

QuestionnaireId SqliteRecordStore::addQuestionnaire(QuestionnaireResponse q)
{
    if (q.id.empty())
        q.id = QuestionnaireId::generate();
    if (q.answeredAt.empty())
        q.answeredAt = nowUtcTimestamp();
    validate(q, where("questionnaire", q.id.str()));
    SqliteTransaction tx(m_db);
    requireUnlocked(q.session, "adding a questionnaire");
    writeQuestionnaire(q, false);
    tx.commit();
    return q.id;
}

std::vector<QuestionnaireResponse> SqliteRecordStore::listQuestionnaires(const SessionId& session) const
{
    SqliteStatement st(m_db, "SELECT id, session_id, kind, answers, answered_at FROM questionnaires "
                             "WHERE session_id = ?1 ORDER BY answered_at, seq");
    st.bind(1, session.str());
    std::vector<QuestionnaireResponse> out;
    while (st.step())
        out.push_back(readQuestionnaire(st));
    return out;
}

} // namespace ta::core::records
