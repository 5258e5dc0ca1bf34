// What the actions do with a body-map file that has unsaved changes (the --tags mode; client records have
// no Save): New, Quit and Open ask first instead of dropping the changes, and nothing changes until the
// user answers. No GL context and no ImGui frame needed.
#include "test_scene.h"

#include "session/app_session.h"
#include "ui/action_dispatch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

using namespace ta;

namespace {

struct Fixture {
    session::AppSession s;
    ui::UiState ui;
    Fixture()
    {
        s.camera().setViewport(400, 300);
        s.openModel(ta::testing::makeTestModel(), "test", "/nonexistent-data-dir");
    }
    void edit()
    {
        core::TriggerPointTag t;
        t.structure = "trapezius-descending-left";
        s.bodyMap().addTag(t);
    }
};

} // namespace

TEST(ActionDispatch, UnsavedBodyMapChangesAreNotDroppedByNewOrQuit)
{
    Fixture f;
    ui::runAction(ui::ActionId::Quit, f.s, f.ui);
    EXPECT_TRUE(f.ui.quitRequested) << "nothing to lose: quit at once";
    f.ui.quitRequested = false;

    f.edit();
    ASSERT_TRUE(ui::unsavedBodyMap(f.s));
    ui::runAction(ui::ActionId::Quit, f.s, f.ui);
    EXPECT_FALSE(f.ui.quitRequested);
    EXPECT_EQ(f.ui.pending, ui::UiState::Pending::DiscardForQuit);

    f.ui.pending = ui::UiState::Pending::None;
    ui::runAction(ui::ActionId::NewBodyMap, f.s, f.ui);
    EXPECT_EQ(f.ui.pending, ui::UiState::Pending::DiscardForNew);
    EXPECT_EQ(f.s.bodyMap().map().tagCount(), 1u) << "the tag is still there until the user answers";
}

TEST(ActionDispatch, WithClientRecordsThereIsNothingToSaveAndQuitIsImmediate)
{
    Fixture f;
    const auto dir = std::filesystem::temp_directory_path() / ("ta-dispatch-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    f.s.attachRecords(session::openRecordStore(dir / "records.db", false));
    EXPECT_FALSE(ui::unsavedBodyMap(f.s));
    ui::runAction(ui::ActionId::Quit, f.s, f.ui);
    EXPECT_TRUE(f.ui.quitRequested);
    ui::runAction(ui::ActionId::SaveBodyMap, f.s, f.ui);
    EXPECT_FALSE(f.s.messageIsError()) << f.s.message();
    std::filesystem::remove_all(dir);
}
