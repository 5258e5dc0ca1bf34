#include "session/records/record_book.h"

#include "core/error.h"
#include "session/records/record_services.h"

#include <algorithm>

namespace ta::session {

namespace rec = core::records;

RecordBook::RecordBook(std::unique_ptr<rec::RecordStore> store) : m_store(std::move(store)) {}

void RecordBook::openClient(const rec::ClientId& id)
{
    auto client = m_store->client(id);
    if (!client)
        throw ValidationError(m_store->describe() + ": no client with id " + id.str());
    m_client = std::move(client);
    m_tagOfFinding.clear();
    m_markOfPain.clear();
    m_findingOfTag.clear();
    m_painOfMark.clear();
    m_nextId = 1;
    m_current.reset();
    loadSessions();
    if (!m_sessions.empty())
        openSession(m_sessions.back().id);
    else
        rebuildMirror();
    bump();
}

void RecordBook::closeClient()
{
    m_client.reset();
    m_sessions.clear();
    m_current.reset();
    m_mirror = core::BodyMap{};
    m_findings.clear();
    bump();
}

rec::ClientId RecordBook::addClient(rec::Client client)
{
    const rec::ClientId id = m_store->addClient(std::move(client));
    openClient(id);
    return id;
}

void RecordBook::updateClient(const rec::Client& client)
{
    try {
        m_store->updateClient(client);
    } catch (const rec::ConflictError&) {
        // Someone else saved first: show what is stored now, so the next edit starts from it.
        m_client = m_store->client(client.id);
        bump();
        throw;
    }
    m_client = m_store->client(client.id);
    bump();
}

void RecordBook::loadSessions()
{
    m_sessions = m_client ? m_store->listSessions(m_client->id) : std::vector<rec::Session>{};
}

void RecordBook::loadCurrent()
{
    if (!m_current)
        return;
    m_current = loadSessionRecord(*m_store, m_current->session.id); // nullopt when it was deleted
}

void RecordBook::openSession(const rec::SessionId& id)
{
    if (!m_client)
        throw ValidationError(m_store->describe() + ": open a client before a session");
    const auto it = std::find_if(m_sessions.begin(), m_sessions.end(), [&](const rec::Session& s) { return s.id == id; });
    if (it == m_sessions.end())
        throw ValidationError(m_store->describe() + ": session " + id.str() + " is not one of " + m_client->name + "'s");
    m_current = rec::SessionRecord{};
    m_current->session = *it;
    loadCurrent();
    rebuildMirror();
    bump();
}

rec::SessionId RecordBook::newSession(const std::string& dateTime, bool carryOver, const std::string& reason)
{
    if (!m_client)
        throw ValidationError(m_store->describe() + ": open a client before adding a session");
    rec::Session s;
    s.client = m_client->id;
    s.dateTime = dateTime;
    s.reason = reason;
    const rec::SessionId id = m_store->addSession(std::move(s));
    if (carryOver)
        m_store->carryOverFindings(id);
    loadSessions();
    openSession(id);
    return id;
}

void RecordBook::updateSession(const rec::Session& session)
{
    try {
        m_store->updateSession(session);
    } catch (const rec::ConflictError&) {
        refresh(); // someone else saved first: show what is stored now
        throw;
    }
    refresh();
}

void RecordBook::signSession(const std::string& by)
{
    if (!m_current)
        throw ValidationError(m_store->describe() + ": no session is open");
    m_store->signSession(m_current->session.id, by);
    refresh();
}

void RecordBook::addAddendum(const std::string& author, const std::string& text)
{
    if (!m_current)
        throw ValidationError(m_store->describe() + ": no session is open");
    rec::Addendum a;
    a.session = m_current->session.id;
    a.author = author;
    a.text = text;
    m_store->addAddendum(std::move(a));
    refresh();
}

void RecordBook::addQuestionnaire(rec::QuestionnaireKind kind, std::vector<int> answers)
{
    if (!m_current)
        throw ValidationError(m_store->describe() + ": no session is open");
    rec::QuestionnaireResponse q;
    q.session = m_current->session.id;
    q.kind = kind;
    q.answers = std::move(answers);
    m_store->addQuestionnaire(std::move(q));
    refresh();
}

void RecordBook::refresh()
{
    if (!m_client)
        return;
    m_client = m_store->client(m_client->id);
    if (!m_client) {
        closeClient();
        return;
    }
    loadSessions();
    loadCurrent();
    rebuildMirror();
    bump();
}

template <class RecordIdT>
std::uint32_t RecordBook::stableId(const RecordIdT& id, std::map<std::string, std::uint32_t>& byUuid,
                                   std::map<std::uint32_t, RecordIdT>& byNumber)
{
    auto [it, added] = byUuid.try_emplace(id.str(), m_nextId);
    if (added)
        byNumber[m_nextId++] = id;
    return it->second;
}

core::TagId RecordBook::tagIdFor(const rec::FindingId& id) { return core::TagId{stableId(id, m_tagOfFinding, m_findingOfTag)}; }

core::PainMarkId RecordBook::markIdFor(const rec::PainMarkId& id)
{
    return core::PainMarkId{stableId(id, m_markOfPain, m_painOfMark)};
}

void RecordBook::rebuildMirror()
{
    m_mirror = core::BodyMap{};
    m_findings.clear();
    if (!m_client)
        return;
    m_mirror.client = m_client->name;
    for (const rec::Session& s : m_sessions) {
        core::Session& ms = m_mirror.sessionFor(s.dateTime);
        ms.note = s.soap.subjective;
        const bool isCurrent = m_current && m_current->session.id == s.id;
        const auto findings = isCurrent ? m_current->findings : m_store->listFindings(s.id);
        const auto marks = isCurrent ? m_current->painMarks : m_store->listPainMarks(s.id);
        for (const rec::Finding& f : findings) {
            core::TriggerPointTag t;
            t.id = tagIdFor(f.id);
            t.structure = f.structure;
            t.position = f.position;
            t.triggerPoint = f.triggerPoint;
            t.state = f.state == rec::FindingState::Active ? core::TagState::Active : core::TagState::Latent;
            t.severity = f.severity;
            t.note = f.note;
            m_findings[t.id.value] = f;
            ms.tags.push_back(std::move(t));
        }
        for (const rec::PainMark& p : marks) {
            core::PainMark m = toDrawingMark(p);
            m.id = markIdFor(p.id);
            ms.painMarks.push_back(std::move(m));
        }
    }
}

void RecordBook::commit(const core::BodyMap& edited, const core::AnatomyModel& model, TriggerPointCatalog& catalog)
{
    if (!m_current)
        return;
    if (m_reloadBeforeWrite) {
        // The last try lost the store midway: start from what it holds now, so that what did reach it is
        // not written twice.
        loadCurrent();
        rebuildMirror();
        m_reloadBeforeWrite = false;
    }
    try {
        writeDifference(edited, model, catalog);
    } catch (const rec::UnreachableError&) {
        // Nothing to read back now: keep the mirror, reload before the next try.
        m_reloadBeforeWrite = true;
        throw;
    } catch (...) {
        // Show what is stored: whatever part of the change reached the store, and nothing else.
        loadCurrent();
        rebuildMirror();
        bump();
        throw;
    }
}

void RecordBook::writeDifference(const core::BodyMap& edited, const core::AnatomyModel& model, TriggerPointCatalog& catalog)
{
    const std::string key = currentKey();
    static const core::Session kEmpty;
    auto sessionOf = [&](const core::BodyMap& map) -> const core::Session& {
        for (const core::Session& s : map.sessions)
            if (s.date == key)
                return s;
        return kEmpty;
    };
    const core::Session& before = sessionOf(m_mirror);
    const core::Session& after = sessionOf(edited);
    const rec::SessionId session = m_current->session.id;
    bool changed = false;

    // Tags: added (or brought back by undo, with their old UUID), changed, deleted.
    for (const core::TriggerPointTag& t : after.tags) {
        const auto old = std::find_if(before.tags.begin(), before.tags.end(), [&](const auto& o) { return o.id == t.id; });
        rec::Finding f;
        if (const auto it = m_findings.find(t.id.value); it != m_findings.end())
            f = it->second; // keep what only the finding has (treated, technique, carried over)
        f.session = session;
        f.structure = t.structure;
        f.position = t.position;
        f.triggerPoint = t.triggerPoint;
        f.state = t.state == core::TagState::Active ? rec::FindingState::Active : rec::FindingState::Latent;
        f.severity = t.severity;
        f.note = t.note;
        if (old == before.tags.end()) {
            const auto known = m_findingOfTag.find(t.id.value);
            f.id = known != m_findingOfTag.end() ? known->second : rec::FindingId{};
            const rec::FindingId id = m_store->addFinding(f);
            m_tagOfFinding[id.str()] = t.id.value;
            m_findingOfTag[t.id.value] = id;
            changed = true;
        } else if (old->structure != t.structure || old->position != t.position || old->triggerPoint != t.triggerPoint ||
                   old->state != t.state || old->severity != t.severity || old->note != t.note) {
            m_store->updateFinding(f);
            changed = true;
        }
    }
    for (const core::TriggerPointTag& o : before.tags)
        if (std::none_of(after.tags.begin(), after.tags.end(), [&](const auto& t) { return t.id == o.id; })) {
            m_store->deleteFinding(m_findingOfTag.at(o.id.value));
            changed = true;
        }

    // Pain marks: a stroke added, or an erase stroke, each one transaction.
    std::vector<rec::PainMark> added;
    std::vector<core::PainMarkId> addedIds;
    for (const core::PainMark& m : after.painMarks)
        if (std::none_of(before.painMarks.begin(), before.painMarks.end(), [&](const auto& o) { return o.id == m.id; })) {
            rec::PainMark p;
            const auto known = m_painOfMark.find(m.id.value);
            p.id = known != m_painOfMark.end() ? known->second : rec::PainMarkId{};
            p.session = session;
            p.structure = m.structure;
            p.position = m.position;
            p.radius = m.radius;
            p.intensity = m.intensity;
            p.note = m.note;
            added.push_back(std::move(p));
            addedIds.push_back(m.id);
        }
    if (!added.empty()) {
        computeCoveredRegions(model, catalog, added);
        const auto ids = m_store->addPainMarks(std::move(added));
        for (std::size_t k = 0; k < ids.size() && k < addedIds.size(); ++k) {
            m_markOfPain[ids[k].str()] = addedIds[k].value;
            m_painOfMark[addedIds[k].value] = ids[k];
        }
        changed = true;
    }
    std::vector<rec::PainMarkId> removed;
    for (const core::PainMark& o : before.painMarks)
        if (std::none_of(after.painMarks.begin(), after.painMarks.end(), [&](const auto& m) { return m.id == o.id; }))
            removed.push_back(m_painOfMark.at(o.id.value));
    if (!removed.empty()) {
        m_store->deletePainMarks(removed);
        changed = true;
    }
    if (changed) {
        loadCurrent();
        rebuildMirror();
        bump();
    }
}

const rec::Finding* RecordBook::findingOf(core::TagId tag) const
{
    const auto it = m_findings.find(tag.value);
    return it != m_findings.end() ? &it->second : nullptr;
}

void RecordBook::updateFinding(const rec::Finding& finding)
{
    try {
        m_store->updateFinding(finding);
    } catch (const rec::ConflictError&) {
        loadCurrent(); // someone else saved first: show what is stored now
        rebuildMirror();
        bump();
        throw;
    }
    loadCurrent();
    rebuildMirror();
    bump();
}

void RecordBook::confirmFinding(core::TagId tag)
{
    const auto it = m_findingOfTag.find(tag.value);
    if (it == m_findingOfTag.end())
        return;
    m_store->confirmFinding(it->second);
    loadCurrent();
    rebuildMirror();
    bump();
}

} // namespace ta::session
