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

void BodyMapEditor::newMap(std::string client)
{
    m_map = BodyMap{};
    m_map.client = std::move(client);
    m_path.reset();
    m_dirty = false;
    if (m_undo)
        m_undo->clear(); // undo must not reach into another document
}

bool BodyMapEditor::open(const std::filesystem::path& file, std::string& error)
{
    try {
        BodyMap loaded = loadBodyMap(file);
        m_map = std::move(loaded);
        m_path = file;
        m_dirty = false;
        if (m_undo)
            m_undo->clear();
        return true;
    } catch (const Error& e) {
        error = e.what();
    } catch (const std::exception& e) {
        error = file.string() + ": " + e.what();
    }
    return false;
}

bool BodyMapEditor::save(std::string& error)
{
    if (!m_path) {
        error = "the body map has no file yet: use Save As";
        return false;
    }
    return saveAs(*m_path, error);
}

bool BodyMapEditor::saveAs(const std::filesystem::path& file, std::string& error)
{
    try {
        saveBodyMap(m_map, file);
        m_path = file;
        m_dirty = false;
        return true;
    } catch (const Error& e) {
        error = e.what();
    } catch (const std::exception& e) {
        error = file.string() + ": " + e.what();
    }
    return false;
}

void BodyMapEditor::change(const std::string& label, BodyMap after)
{
    BodyMap before = m_map;
    m_map = std::move(after);
    m_dirty = true;
    if (m_undo)
        m_undo->push(std::make_unique<ValueCommand<BodyMap>>(label, std::move(before), m_map,
                                                             [this](const BodyMap& m) {
                                                                 m_map = m;
                                                                 m_dirty = true;
                                                             }));
}

MarkId BodyMapEditor::addTag(TriggerPointTag tag)
{
    BodyMap after = m_map;
    const MarkId id = after.addTag(m_date, std::move(tag));
    change("Place tag", std::move(after));
    return id;
}

bool BodyMapEditor::updateTag(MarkId id, const TriggerPointTag& tag, const std::string& label)
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

bool BodyMapEditor::deleteTag(MarkId id)
{
    BodyMap after = m_map;
    if (!after.remove(id))
        return false;
    change("Delete tag", std::move(after));
    return true;
}

std::vector<MarkId> BodyMapEditor::addPainMarks(std::vector<PainMark> marks)
{
    std::vector<MarkId> ids;
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

bool BodyMapEditor::deletePainMark(MarkId id)
{
    if (!m_map.findPainMark(id))
        return false;
    BodyMap after = m_map;
    after.remove(id);
    change("Erase pain mark", std::move(after));
    return true;
}

std::size_t BodyMapEditor::deletePainMarks(const std::vector<MarkId>& ids)
{
    BodyMap after = m_map;
    std::size_t n = 0;
    for (MarkId id : ids)
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
