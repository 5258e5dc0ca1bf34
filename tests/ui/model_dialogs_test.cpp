// The model dialogs' pieces that need no window: the output suggested for an import (a path typed one
// character at a time must never hang the frame: "/" once looped forever), and the Import dialog drawn
// through Dear ImGui frames without GL, following the source as it is typed until the output is edited.
#include "test_scene.h"

#include "session/app_session.h"
#include "ui/explore_ui.h"
#include "ui/model_dialogs.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using namespace ta;

namespace {

std::string modelsDir()
{
    const char* home = std::getenv("HOME");
    return (std::filesystem::path(home ? home : ".") / "trigger-atlas" / "models").string();
}

TEST(ModelDialogs, SuggestedOutputNamesTheSourceAndNeverHangs)
{
    EXPECT_EQ(ui::suggestedImportOutput("/data/BodyParts3D"), modelsDir() + "/BodyParts3D.glb");
    EXPECT_EQ(ui::suggestedImportOutput("/data/BodyParts3D/"), modelsDir() + "/BodyParts3D.glb");
    EXPECT_EQ(ui::suggestedImportOutput("/data/head.obj"), modelsDir() + "/head.glb");
    for (const char* partial : {"/", "//", "", " ", "~/", ".", ".."}) // each finishes, with a name
        EXPECT_EQ(ui::suggestedImportOutput(partial), modelsDir() + "/imported.glb") << partial;
}

struct HeadlessImGui {
    HeadlessImGui()
    {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        io.DeltaTime = 1.0f / 30.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
};

TEST(ModelDialogs, ImportDialogDrawsAndShowsNothingRunningUntilAsked)
{
    HeadlessImGui imgui;
    session::AppSession s;
    s.openModel(ta::testing::makeTestModel(), "test", "/nonexistent-data-dir");
    ui::UiState state;
    ui::ExploreUi explore(s, state);
    state.models.showImport = true;
    state.models.showOpen = true;
    state.models.focusFrames = 4;
    state.models.importSource = "/";
    for (int i = 0; i < 6; ++i) {
        ImGui::NewFrame();
        explore.frame(1.0f, false, false, i);
        ImGui::Render();
    }
    EXPECT_EQ(state.models.job, nullptr) << "nothing starts by itself";
    EXPECT_FALSE(state.models.openRequest) << "nothing opens by itself";
    EXPECT_NE(ImGui::FindWindowByName("Import model"), nullptr);
    EXPECT_NE(ImGui::FindWindowByName("Open model"), nullptr);
    EXPECT_EQ(state.models.focusFrames, 0) << "the focus request ends, so the window can sleep";
}

} // namespace
