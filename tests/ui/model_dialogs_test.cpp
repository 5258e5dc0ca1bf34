// The model dialogs' pieces that need no window: the output suggested for an import (a path typed one
// character at a time must never hang the frame: "/" once looped forever), and the Import dialog drawn
// through Dear ImGui frames without GL, following the source as it is typed until the output is edited.
#include "test_scene.h"

#include "session/app_session.h"
#include "ui/explore_ui.h"
#include "ui/model_dialogs.h"

#include <GLFW/glfw3.h>
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

TEST(ModelDialogs, LettersTypedAsTheDialogOpensAreNotShortcuts)
{
    // The menu item opens the dialog; ImGui gives its field the keyboard only a frame or two later. A path
    // typed at once ("e", "g" ...) must not peel the skin or turn x-ray on meanwhile.
    for (const bool import : {false, true}) {
        HeadlessImGui imgui;
        session::AppSession s;
        s.openModel(ta::testing::makeTestModel(), "test", "/nonexistent-data-dir");
        ui::UiState state;
        ui::ExploreUi explore(s, state);
        const auto frame = [&](int i) {
            ImGui::NewFrame();
            const ImGuiIO& io = ImGui::GetIO();
            explore.frame(1.0f, io.WantCaptureMouse, io.WantCaptureKeyboard, i);
            ImGui::Render();
        };
        frame(0);
        (import ? state.models.showImport : state.models.showOpen) = true; // what the menu item does
        state.models.focusFrames = 4;
        for (int key : {GLFW_KEY_E, GLFW_KEY_G})
            state.input.push({ui::InputEvent::Kind::Key, key, true, false, ui::kNone, 1.0, {}});
        frame(1);
        frame(2);
        for (const auto l : core::kAllLayers)
            EXPECT_TRUE(s.visibility().layer(l).visible)
                << "layer " << static_cast<int>(l) << (import ? " (import)" : " (open)");
        EXPECT_FALSE(s.visibility().ghost()) << (import ? "import" : "open");
        // With the dialog closed the same keys act.
        state.models.showOpen = state.models.showImport = false;
        frame(3);
        state.input.push({ui::InputEvent::Kind::Key, GLFW_KEY_G, true, false, ui::kNone, 4.0, {}});
        frame(4);
        EXPECT_TRUE(s.visibility().ghost()) << "G x-rays once the dialog is closed";
    }
}

} // namespace
