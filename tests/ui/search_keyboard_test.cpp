// "First key after search ignored" (issue 18): Ctrl+F, type a name, Enter, then E must peel at once. Runs
// the real explore UI through Dear ImGui frames without a window or GL (ImGui only builds draw lists).
#include "test_scene.h"

#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/explore_ui.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <gtest/gtest.h>

using namespace ta;

namespace {

/// An ImGui context with a font atlas and GLFW's key map, as the GLFW backend would set it up.
struct HeadlessImGui {
    HeadlessImGui()
    {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        io.DeltaTime = 1.0f; // slow frames, as on a machine without a GPU
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
        io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
};

struct Fixture {
    HeadlessImGui imgui;
    session::AppSession s;
    ui::UiState ui;
    ui::ExploreUi explore{s, ui};
    double now = 0.0;
    Fixture()
    {
        s.camera().setViewport(1280, 720);
        s.openModel(ta::testing::makeTestModel(), "test", "/nonexistent-data-dir");
    }
    void frame()
    {
        ImGui::NewFrame();
        const ImGuiIO& io = ImGui::GetIO();
        explore.frame(1.0f, io.WantCaptureMouse, io.WantCaptureKeyboard, now += 1.0);
        ImGui::Render();
    }
    void press(int key, unsigned mods = ui::kNone)
    {
        ui.input.push({ui::InputEvent::Kind::Key, key, true, false, mods, now, {}});
        ImGui::GetIO().KeysDown[key] = true;
    }
    void release(int key)
    {
        ui.input.push({ui::InputEvent::Kind::Key, key, false, false, ui::kNone, now, {}});
        ImGui::GetIO().KeysDown[key] = false;
    }
};

} // namespace

TEST(SearchKeyboard, TheFirstKeyAfterChoosingASearchResultActs)
{
    Fixture f;
    f.frame();
    f.press(GLFW_KEY_F, ui::kCtrl);
    f.frame(); // Ctrl+F: the search box asks for the keyboard
    f.release(GLFW_KEY_F);
    f.frame();
    ImGui::GetIO().AddInputCharactersUTF8("c7");
    f.frame();
    ASSERT_EQ(f.ui.searchQuery, "c7") << "the search box did not get the keyboard";
    f.press(GLFW_KEY_ENTER);
    f.frame(); // Enter chooses the first result
    f.release(GLFW_KEY_ENTER);
    ASSERT_TRUE(f.s.selected()) << f.s.message();
    EXPECT_EQ(f.s.model().get(*f.s.selected())->id, "c7");
    EXPECT_TRUE(f.ui.searchQuery.empty());
    // The window is idle until the next key: E arrives with the very next frame.
    ASSERT_TRUE(f.s.visibility().layer(core::Layer::Skin).visible);
    f.press(GLFW_KEY_E);
    f.frame();
    EXPECT_FALSE(f.s.visibility().layer(core::Layer::Skin).visible) << "the first E after the search was ignored";
}
