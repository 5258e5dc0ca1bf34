#pragma once
// Turns a quiz set (core/study/quiz_set.h) into questions resolved on the open model and its catalog:
// checks that every structure, trigger point, landmark and muscle exists (and lies in the set's layers),
// writes the prompt, the hint and the right answer, and picks the choices: distractors are the nearest
// neighbours (muscles whose structures lie closest; trigger points on the same side whose patterns share
// a region). Choices are in a fixed order per item (no randomness: a choice index in an answers file
// always means the same thing). Also makes the pool of practice questions per layer.
#include "core/anatomy_model.h"
#include "core/study/quiz_set.h"
#include "session/study/quiz_question.h"
#include "session/trigger_point_catalog.h"

#include <vector>

namespace ta::session {

class QuizBuilder {
public:
    /// Both must outlive the builder; the catalog must be loaded on `model`.
    QuizBuilder(const core::AnatomyModel& model, const TriggerPointCatalog& catalog);

    /// Every question of `set`, in order. Throws ValidationError "<set file>: questions[2].structure:
    /// unknown structure \"x\"; close matches: ..." (or a subject outside options.layers, a trigger point
    /// that refers no pain for paint/which).
    std::vector<QuizQuestion> build(const core::study::QuizSet& set) const;
    /// One question; `source` names the set in messages.
    QuizQuestion question(const core::study::QuestionSpec& spec, const core::study::QuizOptions& options,
                          const std::string& source) const;

    /// The practice pool: for every muscle in `layers` (empty: all), left side: locate and name its first
    /// structure, paint and which for each of its trigger points that refers pain, and its four facts.
    std::vector<core::study::QuestionSpec> practiceSpecs(const std::vector<core::Layer>& layers) const;

    /// All names a structure is known by (its English and Latin names and its muscle's), for typed answers.
    std::vector<std::string> namesOf(core::StructureId id) const;
    /// "Upper trapezius TrP1 (left)".
    std::string triggerPointName(core::TriggerPointId id) const;

private:
    const core::AnatomyModel& m_model;
    const TriggerPointCatalog& m_catalog;
};

} // namespace ta::session
