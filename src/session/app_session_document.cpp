// AppSession: the body-map document, its tags and the pain strokes that go into it.
#include "session/app_session.h"

#include "core/bodymap/tag_placement.h"
#include "core/error.h"

namespace ta::session {

void AppSession::tagAt(const core::PickHit& hit)
{
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
        selectTag(*m_selectedTag);
        return;
    }
    auto tag = core::tagAt(m_model, hit, m_candidates);
    if (!tag) {
        notify("Tags go on muscles; " + (s ? s->name : std::string("that")) + " is not one (peel the skin with E)", true);
        return;
    }
    const core::TagId id = m_bodyMap.addTag(*tag);
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
    if (m_selectedTag && m_bodyMap.deleteTag(*m_selectedTag))
        notify("Tag deleted (Ctrl+Z brings it back)");
    m_selectedTag.reset();
    m_movingTag = false;
}

void AppSession::newBodyMap()
{
    m_bodyMap.newMap();
    m_selectedTag.reset();
    m_movingTag = false;
    m_history.reset();
    notify("New body map");
}

void AppSession::openBodyMap(const std::filesystem::path& file)
{
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
    if (!file && !m_bodyMap.path())
        throw ArgumentError("the body map has no file yet: choose a file name in the Body map panel, then Save");
    if (file)
        m_bodyMap.saveAs(*file);
    else
        m_bodyMap.save();
    m_settings.addRecent(m_bodyMap.path()->string());
    notify("Saved " + m_bodyMap.path()->string());
}

void AppSession::painAt(const core::PickHit& hit)
{
    const core::Structure* s = m_model.get(hit.structure);
    m_pain.paintAt(hit.point, s ? s->id : std::string());
}

} // namespace ta::session
