// The window's way of working on client records, without GL: the tag tool and the pain brush write into
// the open session of the record store at once (no Save), undo and redo reach the store, a signed session
// refuses edits, another process (a second AppSession on the same file) sees every change, a new session
// can start from the last one's findings, and a body-map file imports as a client.
#include "test_scene.h"

#include "core/records/sqlite_record_store.h"
#include "session/app_session.h"
#include "session/records/record_services.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace {

using namespace ta;
namespace rec = ta::core::records;
namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("ta-session-records-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

struct Window {
    session::AppSession s;
    explicit Window(const fs::path& db)
    {
        s.camera().setViewport(800, 500);
        s.openModel(ta::testing::makeTestModel(), "test-scene", "/nonexistent-data-dir");
        s.camera().applyPreset(core::ViewPreset::Posterior, true);
        s.camera().snap();
        s.attachRecords(session::openRecordStore(db, /*dailyBackup=*/false));
        s.update(0.0);
    }
    glm::vec2 pixelOf(const glm::vec3& p) const
    {
        const auto q = s.camera().project(p);
        return q ? glm::vec2(q->x, q->y) : glm::vec2(-1.0f);
    }
    core::PickHit trapezius() const { return *s.pickUnderSkin(pixelOf({0.09f, 1.45f, -0.08f})); }
    rec::RecordStore& store() { return s.records()->store(); }
    rec::SessionId sessionId() const { return s.records()->current()->session.id; }
};

} // namespace

TEST(SessionRecords, TagsAndPainGoIntoTheOpenSessionAtOnceAndUndoReachesTheStore)
{
    TempDir dir;
    const fs::path db = dir.path / "records.db";
    Window w(db);
    // Without a client, nothing can be tagged: the tool says why instead of keeping it in limbo.
    w.s.setTool(session::Tool::Tag);
    w.s.tagAt(w.trapezius());
    EXPECT_TRUE(w.s.messageIsError());
    EXPECT_EQ(w.s.bodyMap().map().tagCount(), 0u);

    rec::Client c;
    c.name = "Zoë Ångström";
    w.s.records()->addClient(c);
    w.s.newRecordSession("2026-11-20T10:00", false);
    w.s.tagAt(w.trapezius());
    ASSERT_EQ(w.store().listFindings(w.sessionId()).size(), 1u) << w.s.message();
    const rec::Finding stored = w.store().listFindings(w.sessionId()).front();
    EXPECT_EQ(stored.structure, "trapezius-descending-left");

    // Undo removes it from the store, redo brings back the same record.
    w.s.undo();
    EXPECT_TRUE(w.store().listFindings(w.sessionId()).empty());
    w.s.redo();
    ASSERT_EQ(w.store().listFindings(w.sessionId()).size(), 1u);
    EXPECT_EQ(w.store().listFindings(w.sessionId()).front().id, stored.id);

    // A severity edited in the panel (straight on the body map) is stored on the next frame.
    ASSERT_TRUE(w.s.selectedTag());
    core::TriggerPointTag edited = *w.s.bodyMap().tag(*w.s.selectedTag());
    edited.severity = 8;
    w.s.bodyMap().updateTag(*w.s.selectedTag(), edited);
    w.s.update(0.1);
    EXPECT_EQ(w.store().listFindings(w.sessionId()).front().severity, 8);

    // A pain stroke is stored when it ends, all its marks together.
    w.s.setTool(session::Tool::Pain);
    core::PickHit a = w.trapezius(), b = a;
    b.point += glm::vec3(0.0f, 0.03f, 0.0f);
    w.s.painAt(a);
    w.s.painAt(b);
    EXPECT_TRUE(w.store().listPainMarks(w.sessionId()).empty()) << "not before the stroke ends";
    w.s.endPainStroke();
    EXPECT_EQ(w.store().listPainMarks(w.sessionId()).size(), 2u);
    w.s.undo();
    EXPECT_TRUE(w.store().listPainMarks(w.sessionId()).empty());
    w.s.redo();
    EXPECT_EQ(w.store().listPainMarks(w.sessionId()).size(), 2u);

    // The window remembers whom it had open, to reopen them next time.
    w.s.captureSettings();
    EXPECT_EQ(w.s.settings().lastClient, w.s.records()->client()->id.str());

    // Another program on the same file (no Save anywhere) sees all of it.
    Window other(db);
    const auto clients = other.store().listClients();
    ASSERT_EQ(clients.size(), 1u);
    EXPECT_EQ(clients.front().name, "Zoë Ångström");
    other.s.openClient(clients.front().id);
    EXPECT_EQ(other.s.bodyMap().map().tagCount(), 1u);
    EXPECT_EQ(other.store().listPainMarks(other.sessionId()).size(), 2u);
}

TEST(SessionRecords, ASignedSessionRefusesEditsAndANewOneCarriesTheFindingsOver)
{
    TempDir dir;
    Window w(dir.path / "records.db");
    rec::Client c;
    c.name = "Ben";
    w.s.records()->addClient(c);
    w.s.newRecordSession("2026-11-20T10:00", false);
    w.s.setTool(session::Tool::Tag);
    w.s.tagAt(w.trapezius());
    ASSERT_EQ(w.s.bodyMap().map().tagCount(), 1u);
    w.s.records()->signSession("Anna Therapist");
    w.s.update(0.1);
    EXPECT_TRUE(w.s.records()->currentSigned());

    w.s.tagAt(w.trapezius());
    EXPECT_TRUE(w.s.messageIsError());
    EXPECT_NE(w.s.message().find("signed"), std::string::npos);
    EXPECT_EQ(w.store().listFindings(w.sessionId()).size(), 1u);

    // A new session a week later starts from last time's findings, marked as carried over.
    w.s.newRecordSession("2026-11-27T10:00", /*carryOver=*/true);
    const auto carried = w.store().listFindings(w.sessionId());
    ASSERT_EQ(carried.size(), 1u);
    EXPECT_TRUE(carried.front().carriedOver);
    EXPECT_EQ(w.s.records()->sessions().size(), 2u);
    // Confirming it clears the mark; the body map shows this session's tag.
    const core::TagId tag = w.s.bodyMap().map().sessions.back().tags.front().id;
    w.s.records()->confirmFinding(tag);
    w.s.update(0.2);
    EXPECT_FALSE(w.store().listFindings(w.sessionId()).front().carriedOver);
}

TEST(SessionRecords, ABodyMapFileImportsAsAClientWithEverySession)
{
    TempDir dir;
    Window w(dir.path / "records.db");
    w.s.openBodyMap(fs::path(TA_TEST_DIR) / ".." / "docs" / "examples" / "temple-headache.json");
    ASSERT_TRUE(w.s.records()->client());
    EXPECT_NE(w.s.records()->client()->name.find("temple"), std::string::npos);
    ASSERT_FALSE(w.s.records()->sessions().empty());
    ASSERT_TRUE(w.s.records()->current());
    EXPECT_FALSE(w.s.records()->current()->painMarks.empty());
    EXPECT_GT(w.s.pain().shownMarks().size() + w.s.records()->current()->painMarks.size(), 0u);
}
