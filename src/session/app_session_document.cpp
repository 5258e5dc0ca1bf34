// AppSession: the body-map document, its tags and the pain strokes that go into it.
#include "session/app_session.h"

#include "core/bodymap/pain_drawing.h"

#include "core/bodymap/tag_placement.h"
#include "core/error.h"
#include "core/records/records.h"
#include "session/records/record_services.h"

namespace ta::session {

void AppSession::tagAt(const core::PickHit& hit)
{
    if (recordsRefuseEdits())
        return;
    const core::Structure* s = m_model.get(hit.structure);
    if (m_movingTag && m_selectedTag) {
        const core::TriggerPointTag* old = m_bodyMap.tag(*m_selectedTag);
        m_movingTag = false;
        if (!old)
            return;
        core::TriggerPointTag moved = *old;
        if (!core::moveTag(moved, m_model, hit, m_candidates)) {
            notify("Tags go on muscles: that is not a muscle", true);
            return;
        }
        m_bodyMap.updateTag(*m_selectedTag, moved, "Move tag");
        syncRecords();
        selectTag(*m_selectedTag);
        return;
    }
    auto tag = core::tagAt(m_model, hit, m_candidates);
    if (!tag) {
        notify("Tags go on muscles; " + (s ? s->name : std::string("that")) + " is not one (peel the skin with E)", true);
        return;
    }
    const core::TagId id = m_bodyMap.addTag(*tag);
    syncRecords();
    selectTag(id);
    if (tag->triggerPoint)
        notify("Tag on " + (s ? s->name : tag->structure) + ": matches documented " + *tag->triggerPoint);
    else
        notify("Tag on " + (s ? s->name : tag->structure) + " (no documented trigger point within 3 cm)");
}

void AppSession::selectTag(std::optional<core::TagId> id)
{
    m_selectedTag = id;
    const core::TriggerPointTag* t = id ? m_bodyMap.tag(*id) : nullptr;
    if (!t) {
        m_movingTag = false;
        return;
    }
    if (t->triggerPoint) {
        if (const auto tp = m_catalog.find(*t->triggerPoint))
            showTriggerPoint(*tp);
    } else if (const auto sid = m_model.find(t->structure)) {
        select(*sid);
    }
}

void AppSession::deleteSelectedTag()
{
    if (m_selectedTag && !recordsRefuseEdits() && m_bodyMap.deleteTag(*m_selectedTag))
        notify("Tag deleted (Ctrl+Z brings it back)");
    m_selectedTag.reset();
    m_movingTag = false;
    syncRecords();
}

void AppSession::newBodyMap()
{
    if (m_records) {
        m_records->closeClient();
        m_selectedTag.reset();
        m_undo.clear();
        showRecordMirror();
        notify("Add the new client in the Client panel");
        return;
    }
    m_bodyMap.newMap();
    m_selectedTag.reset();
    m_movingTag = false;
    m_history.reset();
    notify("New body map");
}

void AppSession::openBodyMap(const std::filesystem::path& file)
{
    if (m_records) {
        // With client records, a file is imported as a client (a body map, or a client exported as JSON).
        const core::records::ClientId id = importRecordFile(m_records->store(), file);
        openClient(id);
        m_settings.addRecent(file.string());
        notify("Imported " + file.string() + " as the client " + m_records->client()->name + " (" +
               std::to_string(m_records->sessions().size()) + " sessions); changes are stored as you make them");
        return;
    }
    m_bodyMap.open(file);
    m_selectedTag.reset();
    m_movingTag = false;
    m_history.reset();
    // Tags naming structures this model lacks still load; say so once.
    std::size_t unknown = 0;
    for (const auto& s : m_bodyMap.map().sessions)
        for (const auto& t : s.tags)
            unknown += m_model.find(t.structure) ? 0 : 1;
    m_settings.addRecent(file.string());
    notify("Opened " + file.string() + ": " + std::to_string(m_bodyMap.map().tagCount()) + " tags" +
           (unknown ? ", " + std::to_string(unknown) + " on structures this model lacks" : std::string()));
}

void AppSession::saveBodyMap(const std::optional<std::filesystem::path>& file)
{
    if (m_records) {
        if (file)
            throw ArgumentError("client records are stored as you go; to hand a client's file on, use File > Export client");
        notify("Nothing to save: every change is stored in the client records when it is made");
        return;
    }
    if (!file && !m_bodyMap.path())
        throw ArgumentError("the body map has no file yet: choose a file name in the Body map panel, then Save");
    if (file)
        m_bodyMap.saveAs(*file);
    else
        m_bodyMap.save();
    m_settings.addRecent(m_bodyMap.path()->string());
    notify("Saved " + m_bodyMap.path()->string());
}

void AppSession::endPainStroke()
{
    if (m_quizDrawing) {
        m_pain.endStroke(*m_quizDrawing);
        return;
    }
    m_pain.endStroke(m_bodyMap);
    syncRecords(); // the stroke is stored when the mouse goes up
}

void AppSession::startQuizDrawing()
{
    m_quizDrawing.emplace();
    m_quizDrawing->setSessionDate(m_bodyMap.sessionDate().empty() ? core::records::todayLocalDate() : m_bodyMap.sessionDate());
}

std::vector<core::PainMark> AppSession::quizDrawingMarks() const
{
    return m_quizDrawing ? core::painMarksOf(m_quizDrawing->map(), {}) : std::vector<core::PainMark>{};
}

void AppSession::painAt(const core::PickHit& hit)
{
    if (!m_quizDrawing && recordsRefuseEdits())
        return;
    const core::Structure* s = m_model.get(hit.structure);
    m_pain.paintAt(hit.point, s ? s->id : std::string());
}

} // namespace ta::session

namespace ta::session {

void AppSession::attachRecords(std::unique_ptr<core::records::RecordStore> store)
{
    m_records = std::make_unique<RecordBook>(std::move(store));
    m_selectedTag.reset();
    showRecordMirror();
}

void AppSession::showRecordMirror()
{
    if (!m_records)
        return;
    m_bodyMap.replace(m_records->mirror(), m_records->currentKey());
    m_syncedDocument = m_bodyMap.revision();
    m_shownRecords = m_records->revision();
}

void AppSession::openClient(const core::records::ClientId& id)
{
    if (!m_records)
        return;
    m_records->openClient(id);
    m_selectedTag.reset();
    m_undo.clear(); // undo must not reach into another client's file
    showRecordMirror();
    m_history.reset();
    notify("Opened " + m_records->client()->name +
           (m_records->current() ? ", session of " + m_records->currentKey() : std::string(": no sessions yet")));
}

void AppSession::openRecordSession(const core::records::SessionId& id)
{
    if (!m_records)
        return;
    m_records->openSession(id);
    m_selectedTag.reset();
    m_undo.clear();
    showRecordMirror();
    m_history.reset();
}

void AppSession::newRecordSession(const std::string& dateTime, bool carryOver)
{
    if (!m_records)
        return;
    m_records->newSession(dateTime, carryOver);
    m_selectedTag.reset();
    m_undo.clear();
    showRecordMirror();
    m_history.reset();
    notify("New session " + dateTime + (carryOver ? " (last session's findings carried over: confirm each)" : ""));
}

void AppSession::recordsChanged()
{
    if (m_records && m_records->revision() != m_shownRecords)
        showRecordMirror();
}

bool AppSession::recordsRefuseEdits()
{
    if (!m_records)
        return false;
    if (!m_records->client()) {
        notify("Open or add a client first (Client panel): findings and pain go into a client's session", true);
        return true;
    }
    if (!m_records->current()) {
        notify("Start a session first (Client panel, New session)", true);
        return true;
    }
    if (m_records->currentSigned()) {
        notify("This session is signed and locked; add an addendum to correct it", true);
        return true;
    }
    return false;
}

void AppSession::syncRecords()
{
    if (!m_records || m_bodyMap.revision() == m_syncedDocument)
        return;
    if (m_recordsRetryAt && m_now < *m_recordsRetryAt)
        return; // the store was unreachable: the change is kept on screen and tried again soon
    try {
        m_records->commit(m_bodyMap.map(), m_model, m_catalog);
        m_syncedDocument = m_bodyMap.revision();
        m_shownRecords = m_records->revision();
        if (m_recordsRetryAt) {
            m_recordsRetryAt.reset();
            notify("Stored: the records are reachable again and the kept change is saved");
        }
    } catch (const core::records::UnreachableError& e) {
        // Keep the change where it is (on the body map, unsaved) and try again every few seconds.
        if (!m_recordsRetryAt)
            notify(std::string("Not stored yet (kept, retrying): ") + e.what(), true);
        m_recordsRetryAt = m_now + kRecordsRetrySeconds;
    } catch (const Error& e) {
        notify(std::string("Not stored: ") + e.what(), true);
        showRecordMirror();
    } catch (const std::exception& e) {
        notify(std::string("Not stored: ") + e.what(), true);
        showRecordMirror();
    }
}

} // namespace ta::session
