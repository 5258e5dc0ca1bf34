#pragma once
// One run through a list of questions, as the quiz panel and `trigger-atlas quiz run` both drive it:
// answers in any order, hints (practice only), the time limit, one try each in exam mode, and the summary.
// Scoring is QuizScorer's; the run keeps the first try of each question for the schedule and the
// gradebook (later tries in practice show feedback but change neither). No UI, no GL; the front end says
// how long each answer took (QuizAnswer::seconds), so a run replays exactly from an answers file.
#include "core/study/quiz_set.h"
#include "session/study/quiz_question.h"
#include "session/study/quiz_scorer.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ta::session {

/// The first try at one question.
struct QuizEntry {
    QuestionResult result;
    double seconds = 0.0;
    bool hintUsed = false;
    bool outOfTime = false; ///< answered after the time limit: scored 0
    int tries = 0;          ///< all tries (practice allows more than one)
};

struct QuizSummary {
    std::size_t questions = 0;
    std::size_t answered = 0;
    std::size_t right = 0;       ///< first tries scoring >= 0.8
    double total = 0.0;          ///< mean first-try score over all questions (unanswered count 0)
    double seconds = 0.0;        ///< time spent on answers
    std::vector<std::size_t> toReview; ///< questions scoring below 0.8, in order
};

class QuizRun {
public:
    QuizRun(std::string setId, std::string title, std::vector<QuizQuestion> questions, core::study::QuizOptions options);

    const std::string& setId() const { return m_setId; }
    const std::string& title() const { return m_title; }
    const core::study::QuizOptions& options() const { return m_options; }
    bool exam() const { return m_options.exam; }
    std::size_t size() const { return m_questions.size(); }
    const QuizQuestion& question(std::size_t i) const { return m_questions.at(i); }
    const std::vector<QuizQuestion>& questions() const { return m_questions; }

    /// The hint of question i, nullopt in exam mode or when it has none; asking counts as a hint used
    /// (the schedule then grades that answer at most "hard", SM-2 grade 3).
    std::optional<std::string> hint(std::size_t i);
    /// Scores an answer to question i. In exam mode a second answer throws ArgumentError (one try each);
    /// an answer given after the time limit scores 0. Throws ArgumentError for i out of range.
    QuestionResult answer(std::size_t i, const QuizAnswer& answer, QuizScorer& scorer);
    /// The first try at question i; nullopt while unanswered.
    const std::optional<QuizEntry>& entry(std::size_t i) const { return m_entries.at(i); }

    /// Seconds spent so far (the sum of the answers' times).
    double elapsed() const { return m_elapsed; }
    /// Seconds left under the time limit; nullopt when untimed.
    std::optional<double> remaining() const;
    bool timeUp() const;

    QuizSummary summary() const;

private:
    std::string m_setId;
    std::string m_title;
    std::vector<QuizQuestion> m_questions;
    core::study::QuizOptions m_options;
    std::vector<std::optional<QuizEntry>> m_entries;
    std::vector<bool> m_hinted;
    double m_elapsed = 0.0;
};

} // namespace ta::session
