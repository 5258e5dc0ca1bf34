#pragma once
// A quiz in the window: the run, the question on screen, how the view presents it and shows the right
// answer afterwards. The quiz panel (ui/quiz_panel.cpp) reads this and sends it the student's answers; it
// drives the AppSession like any other front end (selection, layers, the trigger point shown, the pain brush
// painting into a scratch drawing) and keeps progress in the AppSession's record store when one is attached.
// No UI, no GL: unit-tested with an AppSession on the committed model.
#include "core/study/quiz_set.h"
#include "session/app_session.h"
#include "session/study/quiz_run.h"
#include "session/study/quiz_service.h"
#include "session/study/study_tracker.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ta::session {

class QuizSession {
public:
    enum class Phase { Idle, Asking, Feedback, Summary };

    Phase phase() const { return m_phase; }
    bool active() const { return m_phase != Phase::Idle; }
    const QuizRun* run() const { return m_run ? &*m_run : nullptr; }
    std::size_t index() const { return m_index; }
    const QuizQuestion* current() const;
    /// The result of the last answer (Feedback phase).
    const std::optional<QuestionResult>& lastResult() const { return m_lastResult; }
    /// The student whose progress counts ("" for none); set before start.
    std::string student;

    /// Starts `set` (throws ValidationError naming the file and key: nothing changes then) or a practice
    /// run of `count` questions over `layers`, due items first for the student. `now` is AppSession::now().
    void start(AppSession& s, const core::study::QuizSet& set);
    void startPractice(AppSession& s, const std::vector<core::Layer>& layers, std::size_t count, unsigned seed);
    /// Answers the question on screen; its time is now minus when it was shown. Locate answers come from the
    /// selection (a structure) or the last mark of the scratch drawing (a point); paint answers are the
    /// scratch drawing. Shows the right answer on the model. Throws ArgumentError (a second try in an exam).
    const QuestionResult& answer(AppSession& s, QuizAnswer answer);
    /// The answer the view holds now for the question on screen (selection, drawing).
    QuizAnswer answerFromView(const AppSession& s) const;
    /// Practice: ask again (after feedback). Exam: not allowed (returns false).
    bool retry(AppSession& s);
    /// To the next question, or to the summary after the last (which records the run for the student).
    void next(AppSession& s);
    /// Ends the run now (records what was answered) and shows the summary.
    void finish(AppSession& s);
    /// Back to exploring: restores the layers and labels, drops the scratch drawing.
    void close(AppSession& s);
    std::optional<std::string> hint();
    /// Seconds left under the time limit, counting the question on screen; nullopt when untimed.
    std::optional<double> secondsLeft(const AppSession& s) const;

    /// Per muscle: new, learning, known; empty without a student or a record store.
    std::vector<MuscleMastery> mastery(AppSession& s);
    /// How many answers were recorded for the student at the end; a store error's message otherwise.
    const std::string& recordedNote() const { return m_recordedNote; }
    /// Today for the schedule ("YYYY-MM-DD"); empty means today (UTC). Tests set it.
    std::string today;

private:
    QuizService& service(AppSession& s);
    void present(AppSession& s);
    void showAnswer(AppSession& s);

    std::unique_ptr<QuizService> m_service;
    const core::AnatomyModel* m_serviceModel = nullptr;
    std::optional<QuizRun> m_run;
    std::size_t m_index = 0;
    Phase m_phase = Phase::Idle;
    std::optional<QuestionResult> m_lastResult;
    double m_shownAt = 0.0;
    std::string m_recordedNote;
    std::optional<DisplayOptions> m_savedDisplay; ///< restored by close()
    std::optional<Visibility> m_savedVisibility;
};

} // namespace ta::session
