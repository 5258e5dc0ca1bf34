#pragma once
// The open body-map document and its editing: new, open, save, save as; place, move, edit and delete
// tags; mark and erase pain; each undoable through a shared UndoStack. Opening a damaged file throws and
// leaves the current document untouched; saving writes atomically. Used by the tag tool panel; no UI here.
#include "core/bodymap/body_map.h"
#include "core/history/undo_stack.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ta::core {

class BodyMapEditor {
public:
    /// `undo` may be null (no undo). It must outlive the editor.
    explicit BodyMapEditor(UndoStack* undo = nullptr) : m_undo(undo) {}

    const BodyMap& map() const { return m_map; }
    const std::optional<std::filesystem::path>& path() const { return m_path; }
    /// Changed since the last open or save.
    bool dirty() const { return m_dirty; }
    /// Counts every change of the document (edits, undo, redo, open, replace): lets an owner notice them.
    std::uint64_t revision() const { return m_revision; }
    /// "jane.json", "jane.json *" when dirty, "Untitled body map" when never saved.
    std::string title() const;

    /// Session date new tags go into ("YYYY-MM-DD"); the caller sets today's date.
    void setSessionDate(std::string date) { m_date = std::move(date); }
    const std::string& sessionDate() const { return m_date; }

    void newMap(std::string client = {});
    /// Shows `map` as the document with `sessionDate` current, with no file (a client record's mirror:
    /// the record store keeps it). Leaves the undo stack alone.
    void replace(BodyMap map, std::string sessionDate);
    /// Opens `file`. Throws IoError, ParseError or ValidationError naming the file and the key; the current
    /// document is then kept.
    void open(const std::filesystem::path& file);
    /// Saves to path(). Throws ArgumentError when there is none, IoError when the write fails (written
    /// atomically: the file on disk is then unchanged).
    void save();
    void saveAs(const std::filesystem::path& file);

    TagId addTag(TriggerPointTag tag);
    /// Replaces the tag with this id (position, structure, snapped point, state, severity, note).
    bool updateTag(TagId id, const TriggerPointTag& tag, const std::string& label = "Edit tag");
    bool deleteTag(TagId id);
    /// Adds pain marks to the current session as one undoable step ("Mark pain"): a whole stroke of the
    /// pain brush undoes at once. Returns their ids.
    std::vector<PainMarkId> addPainMarks(std::vector<PainMark> marks);
    bool deletePainMark(PainMarkId id);
    /// Deletes these pain marks as one undoable step ("Erase pain"); ids that are not there are skipped.
    /// Returns how many were deleted.
    std::size_t deletePainMarks(const std::vector<PainMarkId>& ids);
    /// Removes every pain mark of the current session (one undoable step); false when there were none.
    bool clearSessionPain();
    void setClient(std::string client);
    const TriggerPointTag* tag(TagId id) const { return m_map.findTag(id); }

private:
    void change(const std::string& label, BodyMap after);

    BodyMap m_map;
    std::optional<std::filesystem::path> m_path;
    std::string m_date = "2026-01-01";
    bool m_dirty = false;
    std::uint64_t m_revision = 0;
    UndoStack* m_undo;
};

} // namespace ta::core
