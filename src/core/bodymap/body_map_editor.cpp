#include "core/bodymap/body_map_editor.h"

#include "core/bodymap/body_map_json.h"
#include "core/error.h"
#include "core/history/value_command.h"

#include <algorithm>
#include <memory>

namespace ta::core {

std::string BodyMapEditor::title() const
{
    std::string t = m_path ? m_path->filename().string() : std::string("Untitled body map");
    if (m_dirty)
        t += " *";
    return t;
}

void BodyMapEditor::replace(BodyMap map, std::string sessionDate)
{
    m_map = std::move(map);
    m_date = std::move(sessionDate);
    m_path.reset();
    m_dirty = false;
    ++m_revision;
}

void BodyMapEditor::newMap(std::string client)
{
    m_map = BodyMap{};
    m_map.client = std::move(client);
    m_path.reset();
    m_dirty = false;
    ++m_revision;
    if (m_undo)
        m_undo->clear(); // undo must not reach into another document
}

void BodyMapEditor::open(const std::filesystem::path& file)
{
    BodyMap loaded = loadBodyMap(file); // throws before anything changes
    m_map = std::move(loaded);
    m_path = file;
    m_dirty = false;
    ++m_revision;
    if (m_undo)
        m_undo->clear();
}

void BodyMapEditor::save()
{
    if (!m_path)
        throw ArgumentError("the body map has no file yet: use Save As");
    saveAs(*m_path);
}

void BodyMapEditor::saveAs(const std::filesystem::path& file)
{
    saveBodyMap(m_map, file); // atomic: on failure the file on disk is unchanged
    m_path = file;
    m_dirty = false;
}

void BodyMapEditor::change(const std::string& label, BodyMap after)
{
    BodyMap before = m_map;
    m_map = std::move(after);
    m_dirty = true;
    ++m_revision;
    if (m_undo)
        m_undo->push(std::make_unique<ValueCommand<BodyMap>>(label, std::move(before), m_map,
                                                             [this](const BodyMap& m) {
                                                                 m_map = m;
                                                                 m_dirty = true;
                                                                 ++m_revision;
                                                             }));
}

TagId BodyMapEditor::addTag(TriggerPointTag tag)
{
    BodyMap after = m_map;
    const TagId id = after.addTag(m_date, std::move(tag));
    change("Place tag", std::move(after));
    return id;
}

bool BodyMapEditor::updateTag(TagId id, const TriggerPointTag& tag, const std::string& label)
{
    BodyMap after = m_map;
    TriggerPointTag* t = after.findTag(id);
    if (!t)
        return false;
    *t = tag;
    t->id = id;
    t->severity = std::clamp(t->severity, 0, kMaxSeverity);
    change(label, std::move(after));
    return true;
}

bool BodyMapEditor::deleteTag(TagId id)
{
    BodyMap after = m_map;
    if (!after.remove(id))
        return false;
    change("Delete tag", std::move(after));
    return true;
}

std::vector<PainMarkId> BodyMapEditor::addPainMarks(std::vector<PainMark> marks)
{
    std::vector<PainMarkId> ids;
    if (marks.empty())
        return ids;
    BodyMap after = m_map;
    for (PainMark& m : marks) {
        m.intensity = std::clamp(m.intensity, 0, kMaxSeverity);
        ids.push_back(after.addPainMark(m_date, std::move(m)));
    }
    change("Mark pain", std::move(after));
    return ids;
}

bool BodyMapEditor::deletePainMark(PainMarkId id)
{
    if (!m_map.findPainMark(id))
        return false;
    BodyMap after = m_map;
    after.remove(id);
    change("Erase pain mark", std::move(after));
    return true;
}

std::size_t BodyMapEditor::deletePainMarks(const std::vector<PainMarkId>& ids)
{
    BodyMap after = m_map;
    std::size_t n = 0;
    for (PainMarkId id : ids)
        if (after.findPainMark(id) && after.remove(id))
            ++n;
    if (n > 0)
        change("Erase pain", std::move(after));
    return n;
}

bool BodyMapEditor::clearSessionPain()
{
    BodyMap after = m_map;
    bool any = false;
    for (Session& s : after.sessions)
        if (s.date == m_date && !s.painMarks.empty()) {
            s.painMarks.clear();
            any = true;
        }
    if (!any)
        return false;
    change("Clear pain drawing", std::move(after));
    return true;
}

void BodyMapEditor::setClient(std::string client)
{
    if (client == m_map.client)
        return;
    BodyMap after = m_map;
    after.client = std::move(client);
    change("Rename client", std::move(after));
}

} // namespace ta::core
