#include "ui/quiz_panel.h"

#include "core/error.h"
#include "session/study/quiz_files.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <string>

namespace ta::ui {
namespace {

using core::study::QuestionKind;
using session::QuizSession;

const ImVec4 kError(1.0f, 0.4f, 0.4f, 1.0f);
const ImVec4 kGood(0.45f, 0.9f, 0.45f, 1.0f);

/// A heading between parts of the window (ImGui 1.86 has no SeparatorText).
void section(const char* title)
{
    ImGui::Separator();
    ImGui::TextDisabled("%s", title);
}

/// Runs a quiz action; a ta::Error goes into the panel's message line instead of unwinding.
template <typename F>
void quizAction(UiState& ui, F&& f)
{
    try {
        ui.quizMessage.clear();
        f();
    } catch (const Error& e) {
        ui.quizMessage = e.what();
    }
}

void chooser(session::AppSession& s, UiState& ui)
{
    QuizSession& quiz = ui.quiz;
    ImGui::InputTextWithHint("Student", "name (progress is kept per student)", &quiz.student);
    if (quiz.student.empty() || !s.records())
        ImGui::TextDisabled(s.records() ? "Without a name, nothing is recorded." : "No record store: nothing is recorded.");
    if (ui.quizSets.empty())
        quizAction(ui, [&] { ui.quizSets = session::builtinQuizSets(); });
    section("Sets");
    for (std::size_t i = 0; i < ui.quizSets.size(); ++i) {
        const auto& info = ui.quizSets[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button("Practice"))
            quizAction(ui, [&] { quiz.start(s, session::openQuizSet(info.file.string())); });
        ImGui::SameLine();
        if (ImGui::Button("Exam"))
            quizAction(ui, [&] {
                auto set = session::openQuizSet(info.file.string());
                set.options.exam = true;
                set.options.labels = false;
                quiz.start(s, set);
            });
        ImGui::SameLine();
        ImGui::Text("%s (%zu)", info.title.c_str(), info.questions);
        ImGui::PopID();
    }
    ImGui::InputTextWithHint("##setfile", "a teacher's set file (.json)", &ui.quizSetFile);
    ImGui::SameLine();
    ImGui::BeginDisabled(ui.quizSetFile.empty());
    if (ImGui::Button("Open"))
        quizAction(ui, [&] { quiz.start(s, session::openQuizSet(ui.quizSetFile)); });
    ImGui::EndDisabled();

    section("Drill by layer (due first)");
    static const char* kLevels[] = {"All layers", "Superficial", "Intermediate", "Deep"};
    ImGui::SetNextItemWidth(9.0f * ImGui::GetFontSize());
    ImGui::Combo("##level", &ui.quizLevel, kLevels, 4);
    ImGui::SameLine();
    if (ImGui::Button("Start drill (10)"))
        quizAction(ui, [&] {
            std::vector<core::Layer> layers;
            if (ui.quizLevel > 0)
                layers.push_back(static_cast<core::Layer>(ui.quizLevel)); // Superficial = 1 ... Deep = 3
            quiz.startPractice(s, layers, 10, static_cast<unsigned>(s.now() * 1000.0));
        });

    if (!quiz.student.empty() && s.records()) {
        section("Mastery");
        std::vector<session::MuscleMastery> m;
        quizAction(ui, [&] { m = quiz.mastery(s); });
        for (const auto& row : m) {
            const ImVec4 colour = row.state == session::Mastery::Known      ? kGood
                                  : row.state == session::Mastery::Learning ? ImVec4(1.0f, 0.8f, 0.3f, 1.0f)
                                                                            : ImVec4(0.6f, 0.6f, 0.6f, 1.0f);
            ImGui::TextColored(colour, "%-9s", std::string(session::toString(row.state)).c_str());
            ImGui::SameLine();
            const auto mi = s.catalog().data().findMuscle(row.muscle);
            const std::string name = mi ? session::withoutParentheses(s.catalog().data().muscles[*mi].name) : row.muscle;
            ImGui::Text("%s  (%zu/%zu known)", name.c_str(), row.known, row.items);
        }
    }
}

void question(session::AppSession& s, UiState& ui)
{
    QuizSession& quiz = ui.quiz;
    const session::QuizRun& run = *quiz.run();
    const session::QuizQuestion& q = *quiz.current();
    ImGui::Text("%s: question %zu of %zu%s", run.title().c_str(), quiz.index() + 1, run.size(), run.exam() ? " (exam)" : "");
    if (const auto left = quiz.secondsLeft(s)) {
        ImGui::TextColored(*left < 60.0 ? kError : ImVec4(1, 1, 1, 1), "Time left: %d s", static_cast<int>(*left));
        if (*left <= 0.0 && quiz.phase() == QuizSession::Phase::Asking) { // time is up: what is there counts (0)
            quizAction(ui, [&] { quiz.answer(s, quiz.answerFromView(s)); });
            quiz.finish(s);
            return;
        }
    }
    ImGui::Separator();
    ImGui::TextWrapped("%s", q.prompt.c_str());
    if (quiz.phase() == QuizSession::Phase::Asking) {
        switch (q.kind) {
        case QuestionKind::Paint:
            ImGui::TextDisabled("Paint with the brush on the skin (Ctrl+drag erases).");
            break;
        case QuestionKind::Locate:
            ImGui::TextDisabled(q.point ? "Mark the spot with the brush." : "Click the structure in the view.");
            break;
        case QuestionKind::Name:
            ImGui::InputTextWithHint("##name", "type the English or Latin name", &ui.quizText);
            break;
        default:
            break;
        }
        for (std::size_t c = 0; c < q.choices.size(); ++c) {
            ImGui::PushID(static_cast<int>(c));
            if (ImGui::RadioButton(q.choices[c].c_str(), ui.quizChoice == static_cast<int>(c)))
                ui.quizChoice = static_cast<int>(c);
            ImGui::PopID();
        }
        if (!run.exam() && !q.hint.empty()) {
            if (ImGui::Button("Hint"))
                if (auto h = quiz.hint())
                    ui.quizHint = *h;
            if (!ui.quizHint.empty())
                ImGui::TextWrapped("Hint: %s", ui.quizHint.c_str());
        }
        if (ImGui::Button("Answer")) {
            quizAction(ui, [&] {
                session::QuizAnswer a = quiz.answerFromView(s);
                if (q.kind == QuestionKind::Name && !ui.quizText.empty())
                    a.text = ui.quizText;
                if (ui.quizChoice >= 0 && q.kind != QuestionKind::Paint && q.kind != QuestionKind::Locate && a.text.empty())
                    a.choice = ui.quizChoice;
                quiz.answer(s, a);
            });
        }
    } else {
        const auto& r = *quiz.lastResult();
        ImGui::TextColored(r.score >= 0.8 ? kGood : kError, "Score %.2f", r.score);
        ImGui::TextWrapped("%s", r.feedback.c_str());
        if (!run.exam() && ImGui::Button("Try again"))
            quiz.retry(s);
        if (!run.exam())
            ImGui::SameLine();
        if (ImGui::Button(quiz.index() + 1 < run.size() ? "Next" : "Finish")) {
            ui.quizText.clear();
            ui.quizHint.clear();
            ui.quizChoice = -1;
            quiz.next(s);
        }
    }
    if (ImGui::Button("End the quiz"))
        quiz.finish(s);
}

void summary(session::AppSession& s, UiState& ui)
{
    QuizSession& quiz = ui.quiz;
    const session::QuizRun& run = *quiz.run();
    const auto sum = run.summary();
    ImGui::Text("%s: %.0f%% (%zu of %zu right, %zu answered, %.0f s)", run.title().c_str(), 100.0 * sum.total, sum.right,
                sum.questions, sum.answered, sum.seconds);
    if (!quiz.recordedNote().empty())
        ImGui::TextDisabled("%s", quiz.recordedNote().c_str());
    if (!sum.toReview.empty()) {
        section("To review");
        for (std::size_t i : sum.toReview) {
            const auto& e = run.entry(i);
            ImGui::BulletText("%s: %s", run.question(i).prompt.c_str(),
                              e ? e->result.feedback.c_str() : ("not answered; " + run.question(i).answer).c_str());
        }
    }
    if (ImGui::Button("Close"))
        quiz.close(s);
}

} // namespace

void drawQuizPanel(session::AppSession& s, UiState& ui)
{
    if (!ui.showQuiz) {
        if (ui.quiz.active())
            ui.quiz.close(s);
        return;
    }
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 25.0f * em, vp->WorkPos.y + 30.0f * em),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(24.0f * em, 24.0f * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Quiz", &ui.showQuiz)) {
        ImGui::End();
        return;
    }
    switch (ui.quiz.phase()) {
    case QuizSession::Phase::Idle: chooser(s, ui); break;
    case QuizSession::Phase::Asking:
    case QuizSession::Phase::Feedback: question(s, ui); break;
    case QuizSession::Phase::Summary: summary(s, ui); break;
    }
    if (!ui.quizMessage.empty())
        ImGui::TextColored(kError, "%s", ui.quizMessage.c_str());
    ImGui::End();
}

} // namespace ta::ui
