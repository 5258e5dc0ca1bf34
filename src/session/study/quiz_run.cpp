#include "session/study/quiz_run.h"

#include "core/error.h"

#include <algorithm>

namespace ta::session {

namespace {
constexpr double kRightScore = 0.8;
}

QuizRun::QuizRun(std::string setId, std::string title, std::vector<QuizQuestion> questions, core::study::QuizOptions options)
    : m_setId(std::move(setId)), m_title(std::move(title)), m_questions(std::move(questions)), m_options(std::move(options)),
      m_entries(m_questions.size()), m_hinted(m_questions.size(), false)
{
    if (m_options.exam) {
        m_options.labels = false;
        for (auto& q : m_questions)
            q.hint.clear();
    }
}

std::optional<std::string> QuizRun::hint(std::size_t i)
{
    const QuizQuestion& q = m_questions.at(i);
    if (m_options.exam || q.hint.empty())
        return std::nullopt;
    m_hinted[i] = true;
    return q.hint;
}

QuestionResult QuizRun::answer(std::size_t i, const QuizAnswer& a, QuizScorer& scorer)
{
    if (i >= m_questions.size())
        throw ArgumentError("quiz " + m_setId + ": there is no question " + std::to_string(i + 1) + " (the set has " +
                            std::to_string(m_questions.size()) + ")");
    auto& entry = m_entries[i];
    if (entry && m_options.exam)
        throw ArgumentError("quiz " + m_setId + ": question " + std::to_string(i + 1) +
                            " was answered already (an exam allows one try each)");
    const double seconds = std::max(0.0, a.seconds);
    const bool late = m_options.timeLimitSeconds && m_elapsed + seconds > *m_options.timeLimitSeconds + 1e-9;
    m_elapsed += seconds;
    QuestionResult r;
    if (late) {
        r.score = 0.0;
        r.feedback = "Out of time (the limit is " + std::to_string(static_cast<int>(*m_options.timeLimitSeconds)) +
                     " s). The answer: " + m_questions[i].answer;
    } else {
        r = scorer.score(m_questions[i], a);
    }
    if (!entry) {
        entry = QuizEntry{r, seconds, m_hinted[i], late, 1};
    } else {
        ++entry->tries;
        entry->seconds += seconds;
    }
    return r;
}

std::optional<double> QuizRun::remaining() const
{
    if (!m_options.timeLimitSeconds)
        return std::nullopt;
    return std::max(0.0, *m_options.timeLimitSeconds - m_elapsed);
}

bool QuizRun::timeUp() const
{
    const auto left = remaining();
    return left && *left <= 0.0;
}

QuizSummary QuizRun::summary() const
{
    QuizSummary s;
    s.questions = m_questions.size();
    double sum = 0.0;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const auto& e = m_entries[i];
        if (e) {
            ++s.answered;
            sum += e->result.score;
            s.seconds += e->seconds;
            if (e->result.score >= kRightScore)
                ++s.right;
        }
        if (!e || e->result.score < kRightScore)
            s.toReview.push_back(i);
    }
    s.total = s.questions ? sum / static_cast<double>(s.questions) : 0.0;
    return s;
}

} // namespace ta::session
