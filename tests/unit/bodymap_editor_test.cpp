// The body-map editor: undoable tag edits, and open/save that never lose the user's document.
#include "core/bodymap/body_map_editor.h"
#include "core/bodymap/body_map_json.h"
#include "core/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace {

using namespace ta::core;
using ta::ArgumentError;
using ta::Error;
using ta::IoError;
namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("ta-editor-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

TriggerPointTag trapTag()
{
    return {.structure = "trapezius-descending-left", .position = {0.08f, 1.5f, -0.02f},
            .triggerPoint = "trapezius.upper.trp1", .severity = 6};
}

TEST(BodymapEditor, TagEditsAreUndoable)
{
    UndoStack undo;
    BodyMapEditor ed(&undo);
    ed.setSessionDate("2026-11-22");
    EXPECT_FALSE(ed.dirty());
    const TagId id = ed.addTag(trapTag());
    EXPECT_TRUE(ed.dirty());
    EXPECT_EQ(ed.title(), "Untitled body map *");
    ASSERT_NE(ed.tag(id), nullptr);
    EXPECT_EQ(ed.map().sessions.at(0).date, "2026-11-22");

    TriggerPointTag edited = *ed.tag(id);
    edited.state = TagState::Latent;
    edited.severity = 42;
    edited.note = "better today";
    EXPECT_TRUE(ed.updateTag(id, edited));
    EXPECT_EQ(ed.tag(id)->severity, kMaxSeverity);
    EXPECT_EQ(ed.tag(id)->state, TagState::Latent);
    EXPECT_EQ(undo.undoLabel(), "Edit tag");

    EXPECT_TRUE(ed.deleteTag(id));
    EXPECT_EQ(ed.tag(id), nullptr);
    EXPECT_FALSE(ed.deleteTag(id));
    EXPECT_FALSE(ed.updateTag(id, edited));

    undo.undo(); // delete
    ASSERT_NE(ed.tag(id), nullptr);
    EXPECT_EQ(ed.tag(id)->note, "better today");
    undo.undo(); // edit
    EXPECT_EQ(ed.tag(id)->severity, 6);
    undo.undo(); // place
    EXPECT_EQ(ed.tag(id), nullptr);
    undo.redo();
    EXPECT_NE(ed.tag(id), nullptr);
}

TEST(BodymapEditor, SaveOpenAndDamagedFilesKeepTheDocument)
{
    TempDir dir;
    UndoStack undo;
    BodyMapEditor ed(&undo);
    ed.setClient("Jane Doe");
    ed.addTag(trapTag());
    try {
        ed.save(); // no file yet
        ADD_FAILURE() << "save without a file did not throw";
    } catch (const ArgumentError& e) {
        EXPECT_NE(std::string(e.what()).find("Save As"), std::string::npos);
    }
    const fs::path file = dir.path / "jane.json";
    ed.saveAs(file);
    EXPECT_FALSE(ed.dirty());
    EXPECT_EQ(ed.title(), "jane.json");

    // A damaged file: the open fails with a message naming it; the open document stays as it was.
    const fs::path bad = dir.path / "bad.json";
    std::ofstream(bad) << "{ \"format\": \"trigger-atlas-body-map\", \"schemaVersion\": 1, \"sessions\": [ { \"date\": 5 } ] }";
    try {
        ed.open(bad);
        ADD_FAILURE() << "a damaged file opened";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(bad.string()), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("sessions[0].date"), std::string::npos);
    }
    EXPECT_EQ(ed.map().client, "Jane Doe");
    EXPECT_EQ(ed.map().tagCount(), 1u);
    EXPECT_EQ(ed.path(), file);

    // New then open the saved file.
    ed.newMap("Someone");
    EXPECT_EQ(ed.map().tagCount(), 0u);
    EXPECT_FALSE(undo.canUndo());
    ed.open(file);
    EXPECT_EQ(ed.map().client, "Jane Doe");
    EXPECT_EQ(ed.map().tagCount(), 1u);
    EXPECT_FALSE(ed.dirty());

    // A save that cannot be written reports it and keeps the document dirty.
    ed.setClient("Jane Smith");
    fs::create_directories(dir.path / "dir.json");
    EXPECT_THROW(ed.saveAs(dir.path / "dir.json"), IoError);
    EXPECT_TRUE(ed.dirty());
    EXPECT_EQ(ed.path(), file);
    EXPECT_EQ(loadBodyMap(file).client, "Jane Doe"); // the file on disk is intact
}

} // namespace
