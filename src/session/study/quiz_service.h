#pragma once
// What every front end calls to quiz: the quiz panel and `trigger-atlas quiz ...` alike. Builds runs from
// a set or from the practice pool (levels by layer, due items first), scores answers, and hands the
// results to a StudyTracker when a student is named. Holds the builder and the scorer for one open model.
#include "core/anatomy_model.h"
#include "core/study/quiz_set.h"
#include "session/study/quiz_builder.h"
#include "session/study/quiz_run.h"
#include "session/study/quiz_scorer.h"
#include "session/study/study_tracker.h"
#include "session/trigger_point_catalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace ta::session {

class QuizService {
public:
    /// Both must outlive the service; the catalog must be loaded on `model`.
    QuizService(const core::AnatomyModel& model, TriggerPointCatalog& catalog);

    /// A run of `set`'s questions in order. Throws ValidationError naming the set file and key.
    QuizRun start(const core::study::QuizSet& set) const;
    /// A practice run of up to `count` questions (0: all) about muscles in `layers` (empty: all): with a
    /// tracker, the items due today first, then new ones, then the rest; shuffled by `seed`.
    QuizRun practice(const std::vector<core::Layer>& layers, std::size_t count, const StudyTracker* tracker,
                     std::string_view today, unsigned seed) const;
    /// Every question of the practice pool for `layers` (for the mastery view).
    std::vector<QuizQuestion> pool(const std::vector<core::Layer>& layers) const;

    /// Scores `answers` against `run`'s questions in order; an empty answer leaves its question unanswered.
    /// Throws ValidationError "<source>: answers: N answers for M questions" when there are more answers
    /// than questions.
    void answerAll(QuizRun& run, const std::vector<QuizAnswer>& answers, const std::string& source);

    const QuizBuilder& builder() const { return m_builder; }
    QuizScorer& scorer() { return m_scorer; }

private:
    QuizBuilder m_builder;
    QuizScorer m_scorer;
};

} // namespace ta::session
