// The quiz window drawn in a real Dear ImGui frame without a GL context (ImGui only builds draw lists):
// every phase of a run and every kind of question draws (in Release, ImGui's asserts are off: this is a
// smoke test of the panel code paths, not of ImGui's own checks); the window opens, the chooser reads the
// built-in sets, and closing the window ends the quiz.
#include "test_model_path.h"

#include "core/study/quiz_set.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/app_session.h"
#include "session/study/quiz_files.h"
#include "ui/quiz_panel.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <string>

using namespace ta;

namespace {

/// One ImGui frame (no renderer: Render() only builds the draw lists) around `draw`.
template <typename F>
void frame(F&& draw)
{
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    draw();
    ImGui::Render();
}

struct ImGuiContextGuard {
    ImGuiContextGuard()
    {
        ImGui::CreateContext();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // fonts built; no texture upload needed
        ImGui::GetIO().IniFilename = nullptr;
    }
    ~ImGuiContextGuard() { ImGui::DestroyContext(); }
};

} // namespace

TEST(UiQuizPanel, EveryPhaseAndKindDraws)
{
    if (!std::filesystem::exists(ta::testing::testModelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << ta::testing::testModelPath();
    ImGuiContextGuard imgui;
    session::AppSession s;
    s.camera().setViewport(640, 480);
    s.openModel(io::loadModel(ta::testing::testModelPath()), ta::testing::testModelPath(), io::assetPath("data"));
    ui::UiState ui;
    ui.showQuiz = true;

    frame([&] { ui::drawQuizPanel(s, ui); });
    ASSERT_NE(ImGui::FindWindowByName("Quiz"), nullptr) << "the window is open";
    EXPECT_EQ(ui.quizSets.size(), 2u) << "the chooser read the built-in sets";
    EXPECT_TRUE(ui.quizMessage.empty()) << ui.quizMessage;

    // Every kind in one set, then through it: asking, feedback, next; then the summary.
    const auto set = core::study::quizSetFromJson(R"({"format": "trigger-atlas-quiz-set", "version": 1, "title": "All",
        "options": {"time_limit_s": 600},
        "questions": [{"kind": "paint", "trigger_point": "trapezius.upper.trp1-left"},
                      {"kind": "locate", "structure": "levator-scapulae-left"},
                      {"kind": "locate", "landmark": "mastoid-tip-left"},
                      {"kind": "name", "structure": "sternocleidomastoid-sternal-right"},
                      {"kind": "which", "trigger_point": "suboccipitals.group-right"},
                      {"kind": "facts", "muscle": "levator-scapulae", "about": "innervation"}]})",
                                                  "all.json", "all");
    ui.quiz.start(s, set);
    for (std::size_t i = 0; i < set.questions.size(); ++i) {
        SCOPED_TRACE(i);
        ASSERT_EQ(ui.quiz.index(), i);
        frame([&] { ui::drawQuizPanel(s, ui); });
        EXPECT_EQ(ui.quiz.phase(), session::QuizSession::Phase::Asking);
        session::QuizAnswer a = ui.quiz.answerFromView(s);
        a.choice = 0;
        ui.quiz.answer(s, a);
        frame([&] { ui::drawQuizPanel(s, ui); });
        EXPECT_EQ(ui.quiz.phase(), session::QuizSession::Phase::Feedback);
        ui.quiz.next(s);
    }
    EXPECT_EQ(ui.quiz.phase(), session::QuizSession::Phase::Summary);
    frame([&] { ui::drawQuizPanel(s, ui); });
    EXPECT_TRUE(ui.quizMessage.empty()) << ui.quizMessage;

    // Closing the window ends the quiz and gives the view back.
    ui.showQuiz = false;
    frame([&] { ui::drawQuizPanel(s, ui); });
    EXPECT_FALSE(ui.quiz.active());
    EXPECT_FALSE(s.quizDrawing());
}
