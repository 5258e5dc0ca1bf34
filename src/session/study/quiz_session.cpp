#include "session/study/quiz_session.h"

#include "core/error.h"
#include "core/study/sm2_scheduler.h"

#include <algorithm>

namespace ta::session {

using core::study::QuestionKind;

namespace {

std::string layerList(const std::vector<core::Layer>& layers)
{
    if (layers.empty())
        return "muscles,bone";
    std::string s;
    for (core::Layer l : layers)
        s += std::string(core::toString(l)) + ",";
    return s + "bone";
}

} // namespace

const QuizQuestion* QuizSession::current() const
{
    return m_run && m_index < m_run->size() && (m_phase == Phase::Asking || m_phase == Phase::Feedback)
               ? &m_run->question(m_index)
               : nullptr;
}

QuizService& QuizSession::service(AppSession& s)
{
    if (!m_service || m_serviceModel != &s.model()) {
        m_service = std::make_unique<QuizService>(s.model(), s.catalog());
        m_serviceModel = &s.model();
    }
    return *m_service;
}

void QuizSession::start(AppSession& s, const core::study::QuizSet& set)
{
    if (!s.catalog().loaded())
        throw ValidationError("quiz: the trigger-point data is not loaded, so no quiz can run");
    QuizRun run = service(s).start(set); // throws before anything changes
    if (!m_savedVisibility) {
        m_savedVisibility = s.visibility();
        m_savedDisplay = s.display();
    }
    m_run.emplace(std::move(run));
    m_index = 0;
    m_recordedNote.clear();
    present(s);
}

void QuizSession::startPractice(AppSession& s, const std::vector<core::Layer>& layers, std::size_t count, unsigned seed)
{
    if (!s.catalog().loaded())
        throw ValidationError("quiz: the trigger-point data is not loaded, so no quiz can run");
    std::optional<StudyTracker> tracker;
    if (!student.empty() && s.records())
        tracker.emplace(s.records()->store(), student);
    const std::string day = today.empty() ? core::study::todayUtc() : today;
    QuizRun run = service(s).practice(layers, count, tracker ? &*tracker : nullptr, day, seed);
    if (!m_savedVisibility) {
        m_savedVisibility = s.visibility();
        m_savedDisplay = s.display();
    }
    m_run.emplace(std::move(run));
    m_index = 0;
    m_recordedNote.clear();
    present(s);
}

void QuizSession::present(AppSession& s)
{
    m_phase = Phase::Asking;
    m_lastResult.reset();
    m_shownAt = s.now();
    const QuizQuestion& q = m_run->question(m_index);
    const auto& options = m_run->options();
    // Labels would name the structure to be named and the trigger point whose pattern is shown.
    s.display().showLabels = options.labels && !m_run->exam() && q.kind != QuestionKind::Name && q.kind != QuestionKind::Which;
    s.display().showMarkers = false; // markers would give trigger points away
    s.showTriggerPoint(std::nullopt);
    s.select(std::nullopt);
    s.endQuizDrawing();
    s.setTool(Tool::None);
    switch (q.kind) {
    case QuestionKind::Paint:
        s.setLayers("skin");
        s.startQuizDrawing();
        s.setTool(Tool::Pain);
        if (q.triggerPoint)
            s.camera().frame(s.catalog().zoneBounds(*q.triggerPoint));
        break;
    case QuestionKind::Which:
        // The pattern on the skin alone: the muscle it selects stays hidden under it.
        s.setLayers("skin");
        if (q.triggerPoint) {
            s.showTriggerPoint(*q.triggerPoint);
            s.camera().frame(s.catalog().zoneBounds(*q.triggerPoint));
        }
        break;
    case QuestionKind::Locate:
        s.setLayers(q.structure && !q.triggerPoint ? layerList(options.layers) : q.triggerPoint ? "muscles,bone" : "bone");
        if (q.point) { // a point is clicked with the brush: its last mark is the answer
            s.startQuizDrawing();
            s.setTool(Tool::Pain);
        }
        s.frameAll();
        break;
    case QuestionKind::Name:
        s.setLayers(layerList(options.layers));
        if (q.structure)
            s.select(*q.structure, true);
        break;
    case QuestionKind::Facts:
        break;
    }
}

QuizAnswer QuizSession::answerFromView(const AppSession& s) const
{
    QuizAnswer a;
    const QuizQuestion* q = current();
    if (!q)
        return a;
    if (q->kind == QuestionKind::Paint)
        a.painMarks = s.quizDrawingMarks();
    if (q->kind == QuestionKind::Locate) {
        if (q->point) {
            const auto marks = s.quizDrawingMarks();
            if (!marks.empty())
                a.point = marks.back().position;
        } else if (const core::Structure* sel = s.model().get(s.selected())) {
            a.structure = sel->id;
        }
    }
    return a;
}

const QuestionResult& QuizSession::answer(AppSession& s, QuizAnswer a)
{
    if (!m_run || m_phase != Phase::Asking)
        throw ArgumentError("quiz: no question is waiting for an answer");
    a.seconds = std::max(0.0, s.now() - m_shownAt);
    m_lastResult = m_run->answer(m_index, a, service(s).scorer());
    m_phase = Phase::Feedback;
    showAnswer(s);
    return *m_lastResult;
}

void QuizSession::showAnswer(AppSession& s)
{
    const QuizQuestion& q = m_run->question(m_index);
    s.setTool(Tool::None);
    s.display().showLabels = true;
    switch (q.kind) {
    case QuestionKind::Paint:
    case QuestionKind::Which:
        // The documented pattern in red over the student's drawing (still shown in blue).
        if (q.triggerPoint)
            s.showTriggerPoint(*q.triggerPoint, true);
        break;
    case QuestionKind::Locate:
    case QuestionKind::Name:
        if (q.triggerPoint) {
            s.display().showMarkers = true;
            s.showTriggerPoint(*q.triggerPoint, true);
        } else if (q.structure) {
            s.select(*q.structure, true);
        }
        break;
    case QuestionKind::Facts:
        break;
    }
}

bool QuizSession::retry(AppSession& s)
{
    if (!m_run || m_run->exam() || m_phase != Phase::Feedback)
        return false;
    present(s);
    return true;
}

void QuizSession::next(AppSession& s)
{
    if (!m_run)
        return;
    if (m_index + 1 < m_run->size()) {
        ++m_index;
        present(s);
        return;
    }
    finish(s);
}

void QuizSession::finish(AppSession& s)
{
    if (!m_run)
        return;
    m_phase = Phase::Summary;
    s.endQuizDrawing();
    s.setTool(Tool::None);
    m_recordedNote.clear();
    if (student.empty())
        return;
    if (!s.records()) {
        m_recordedNote = "Not recorded: no record store is open";
        return;
    }
    try {
        StudyTracker tracker(s.records()->store(), student);
        const std::size_t n = tracker.recordRun(*m_run, today.empty() ? core::study::todayUtc() : today);
        m_recordedNote = "Recorded " + std::to_string(n) + " answers for " + student;
    } catch (const Error& e) {
        m_recordedNote = std::string("Not recorded: ") + e.what();
    }
}

void QuizSession::close(AppSession& s)
{
    s.endQuizDrawing();
    s.setTool(Tool::None);
    s.showTriggerPoint(std::nullopt);
    if (m_savedVisibility)
        s.visibility() = *m_savedVisibility;
    if (m_savedDisplay)
        s.display() = *m_savedDisplay;
    m_savedVisibility.reset();
    m_savedDisplay.reset();
    m_run.reset();
    m_phase = Phase::Idle;
    m_lastResult.reset();
}

std::optional<std::string> QuizSession::hint()
{
    if (!m_run || m_phase != Phase::Asking)
        return std::nullopt;
    return m_run->hint(m_index);
}

std::optional<double> QuizSession::secondsLeft(const AppSession& s) const
{
    if (!m_run)
        return std::nullopt;
    auto left = m_run->remaining();
    if (left && m_phase == Phase::Asking)
        *left = std::max(0.0, *left - (s.now() - m_shownAt));
    return left;
}

std::vector<MuscleMastery> QuizSession::mastery(AppSession& s)
{
    if (student.empty() || !s.records() || !s.catalog().loaded())
        return {};
    const StudyTracker tracker(s.records()->store(), student);
    return tracker.mastery(service(s).pool({}));
}

} // namespace ta::session
