// PgRecordStore: findings (with carry-over), pain marks, headache journal and questionnaires.
#include "core/records/record_validation.h"
#include "core/records/row_version.h"
#include "core/records/store_helpers.h"
#include "io/records/pg_record_store.h"
#include "io/records/pg_rows.h"

namespace ta::io::records {

using namespace detail;

// --- Findings --------------------------------------------------------------------------------------------

void PgRecordStore::writeFinding(const rec::Finding& f, bool upsert)
{
    if (db().exec(insertSql("findings", kFindingColumns, upsert), params(f)).affected() == 0)
        throw ValidationError(where("finding", f.id.str()) + ": session: the finding belongs to another session");
}

rec::FindingId PgRecordStore::addFinding(rec::Finding f)
{
    if (f.id.empty())
        f.id = rec::FindingId::generate();
    f.version = 1;
    rec::validate(f, where("finding", f.id.str()));
    PgTransaction tx(db());
    requireUnlocked(f.session, "adding a finding");
    writeFinding(f, false);
    tx.commit();
    return f.id;
}

void PgRecordStore::updateFinding(const rec::Finding& f)
{
    rec::validate(f, where("finding", f.id.str()));
    PgTransaction tx(db());
    const auto stored = finding(f.id);
    if (!stored)
        throw ValidationError(describe() + ": finding: unknown id \"" + f.id.str() + "\"");
    requireUnlocked(stored->session, "changing its findings");
    if (db().exec(updateSql("findings", kFindingColumns), params(f)).affected() == 0)
        refuseUpdate("findings", "finding", f.id.str(), f.version);
    tx.commit();
}

void PgRecordStore::deleteFinding(const rec::FindingId& id)
{
    PgTransaction tx(db());
    const auto stored = finding(id);
    if (!stored)
        throw ValidationError(describe() + ": finding: unknown id \"" + id.str() + "\"");
    requireUnlocked(stored->session, "deleting its findings");
    db().exec("DELETE FROM ta.findings WHERE id = $1", {id.str()});
    tx.commit();
}

std::optional<rec::Finding> PgRecordStore::finding(const rec::FindingId& id) const
{
    const auto r = db().exec(std::string("SELECT ") + kFindingColumns + " FROM ta.findings WHERE id = $1", {id.str()});
    if (r.rows() == 0)
        return std::nullopt;
    return readFinding(r, 0);
}

std::vector<rec::Finding> PgRecordStore::listFindings(const rec::SessionId& session) const
{
    const auto r = db().exec(std::string("SELECT ") + kFindingColumns + " FROM ta.findings WHERE session_id = $1 ORDER BY seq",
                             {session.str()});
    std::vector<rec::Finding> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readFinding(r, i));
    return out;
}

std::size_t PgRecordStore::carryOverFindings(const rec::SessionId& into)
{
    PgTransaction tx(db());
    requireUnlocked(into, "carrying findings into it");
    const auto target = session(into);
    const auto prev = db().exec("SELECT id FROM ta.sessions WHERE client_id = $1 AND id <> $2 AND "
                                "(date_time < $3 OR (date_time = $3 AND seq < (SELECT seq FROM ta.sessions "
                                "WHERE id = $2))) ORDER BY date_time DESC, seq DESC LIMIT 1",
                                {target->client.str(), into.str(), target->dateTime});
    if (prev.rows() == 0)
        return 0;
    const rec::SessionId from(prev.text(0, 0));
    std::size_t n = 0;
    for (const rec::Finding& f : listFindings(from)) {
        writeFinding(rec::detail::carriedOver(f, into), false);
        ++n;
    }
    tx.commit();
    return n;
}

void PgRecordStore::confirmFinding(const rec::FindingId& id)
{
    PgTransaction tx(db());
    const auto stored = finding(id);
    if (!stored)
        throw ValidationError(describe() + ": finding: unknown id \"" + id.str() + "\"");
    requireUnlocked(stored->session, "confirming its findings");
    db().exec("UPDATE ta.findings SET carried_over = false, version = version + 1 WHERE id = $1", {id.str()});
    tx.commit();
}

// --- Pain marks ------------------------------------------------------------------------------------------

void PgRecordStore::writePainMark(const rec::PainMark& p, bool upsert)
{
    if (db().exec(insertSql("pain_marks", kPainColumns, upsert), params(p)).affected() == 0)
        throw ValidationError(where("pain mark", p.id.str()) + ": session: the mark belongs to another session");
}

rec::PainMarkId PgRecordStore::addPainMark(rec::PainMark mark)
{
    std::vector<rec::PainMark> one;
    one.push_back(std::move(mark));
    return addPainMarks(std::move(one)).front();
}

std::vector<rec::PainMarkId> PgRecordStore::addPainMarks(std::vector<rec::PainMark> marks)
{
    std::vector<rec::PainMarkId> ids;
    for (auto& p : marks) {
        if (p.id.empty())
            p.id = rec::PainMarkId::generate();
        p.version = 1;
        rec::validate(p, where("pain mark", p.id.str()));
        ids.push_back(p.id);
    }
    PgTransaction tx(db());
    rec::SessionId checked;
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

std::optional<rec::PainMark> PgRecordStore::painMark(const rec::PainMarkId& id) const
{
    const auto r = db().exec(std::string("SELECT ") + kPainColumns + " FROM ta.pain_marks WHERE id = $1", {id.str()});
    if (r.rows() == 0)
        return std::nullopt;
    return readPainMark(r, 0);
}

void PgRecordStore::updatePainMark(const rec::PainMark& p)
{
    rec::validate(p, where("pain mark", p.id.str()));
    PgTransaction tx(db());
    const auto stored = painMark(p.id);
    if (!stored)
        throw ValidationError(describe() + ": pain mark: unknown id \"" + p.id.str() + "\"");
    requireUnlocked(stored->session, "changing its pain marks");
    if (db().exec(updateSql("pain_marks", kPainColumns), params(p)).affected() == 0)
        refuseUpdate("pain_marks", "pain mark", p.id.str(), p.version);
    tx.commit();
}

void PgRecordStore::deletePainMarks(std::span<const rec::PainMarkId> ids)
{
    PgTransaction tx(db());
    for (const auto& id : ids) {
        const auto stored = painMark(id);
        if (!stored)
            throw ValidationError(describe() + ": pain mark: unknown id \"" + id.str() + "\"");
        requireUnlocked(stored->session, "deleting its pain marks");
        db().exec("DELETE FROM ta.pain_marks WHERE id = $1", {id.str()});
    }
    tx.commit();
}

std::vector<rec::PainMark> PgRecordStore::listPainMarks(const rec::SessionId& session) const
{
    const auto r = db().exec(std::string("SELECT ") + kPainColumns + " FROM ta.pain_marks WHERE session_id = $1 ORDER BY seq",
                             {session.str()});
    std::vector<rec::PainMark> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readPainMark(r, i));
    return out;
}

// --- Journal ---------------------------------------------------------------------------------------------

void PgRecordStore::writeJournal(const rec::JournalEntry& j, bool upsert)
{
    if (db().exec(insertSql("journal", kJournalColumns, upsert), params(j)).affected() == 0)
        throw ValidationError(where("journal entry", j.id.str()) + ": client: the entry belongs to another client");
}

rec::JournalEntryId PgRecordStore::addJournalEntry(rec::JournalEntry j)
{
    if (j.id.empty())
        j.id = rec::JournalEntryId::generate();
    j.version = 1;
    rec::validate(j, where("journal entry", j.id.str()));
    PgTransaction tx(db());
    if (!client(j.client))
        throw ValidationError(describe() + ": client: unknown id \"" + j.client.str() + "\"");
    const auto dup = db().exec("SELECT id FROM ta.journal WHERE client_id = $1 AND date = $2", {j.client.str(), j.date});
    if (dup.rows() > 0)
        throw ValidationError(where("journal entry", j.id.str()) + ": date: the client already has an entry for " + j.date +
                              " (" + dup.text(0, 0) + "); update it instead");
    writeJournal(j, false);
    tx.commit();
    return j.id;
}

std::optional<rec::JournalEntry> PgRecordStore::journalEntry(const rec::JournalEntryId& id) const
{
    const auto r = db().exec(std::string("SELECT ") + kJournalColumns + " FROM ta.journal WHERE id = $1", {id.str()});
    if (r.rows() == 0)
        return std::nullopt;
    return readJournal(r, 0);
}

void PgRecordStore::updateJournalEntry(const rec::JournalEntry& j)
{
    rec::validate(j, where("journal entry", j.id.str()));
    PgTransaction tx(db());
    if (db().exec(updateSql("journal", kJournalColumns), params(j)).affected() == 0)
        refuseUpdate("journal", "journal entry", j.id.str(), j.version);
    tx.commit();
}

std::vector<rec::JournalEntry> PgRecordStore::listJournal(const rec::ClientId& client, std::string_view from,
                                                          std::string_view to) const
{
    const auto r = db().exec(std::string("SELECT ") + kJournalColumns +
                                 " FROM ta.journal WHERE client_id = $1 AND ($2::text IS NULL OR date >= $2) AND "
                                 "($3::text IS NULL OR date <= $3) ORDER BY date",
                             {client.str(), from.empty() ? PgParam{} : pgParam(from), to.empty() ? PgParam{} : pgParam(to)});
    std::vector<rec::JournalEntry> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readJournal(r, i));
    return out;
}

// --- Questionnaires --------------------------------------------------------------------------------------

void PgRecordStore::writeQuestionnaire(const rec::QuestionnaireResponse& q, bool upsert)
{
    if (db().exec(insertSql("questionnaires", kQuestionnaireColumns, upsert), params(q)).affected() == 0)
        throw ValidationError(where("questionnaire", q.id.str()) + ": session: belongs to another session");
}

rec::QuestionnaireId PgRecordStore::addQuestionnaire(rec::QuestionnaireResponse q)
{
    if (q.id.empty())
        q.id = rec::QuestionnaireId::generate();
    if (q.answeredAt.empty())
        q.answeredAt = rec::nowUtcTimestamp();
    rec::validate(q, where("questionnaire", q.id.str()));
    PgTransaction tx(db());
    requireUnlocked(q.session, "adding a questionnaire");
    writeQuestionnaire(q, false);
    tx.commit();
    return q.id;
}

std::vector<rec::QuestionnaireResponse> PgRecordStore::listQuestionnaires(const rec::SessionId& session) const
{
    const auto r = db().exec(std::string("SELECT ") + kQuestionnaireColumns +
                                 " FROM ta.questionnaires WHERE session_id = $1 ORDER BY answered_at, seq",
                             {session.str()});
    std::vector<rec::QuestionnaireResponse> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readQuestionnaire(r, i));
    return out;
}

} // namespace ta::io::records
