#pragma once
// Scores one answer to one resolved question (quiz_question.h), from 0 to 1, with one line of feedback:
//   paint   Dice overlap by skin area of the painted drawing with the documented essential zone, the
//           spillover zone counting neither way (core/study/paint_score.h); feedback names the essential
//           regions mostly missed and the regions painted beyond the pattern
//   locate  1 for a click on the structure asked for (0 on any other, a neighbour or the other side);
//           landmarks and trigger points by distance: 1 within 15 mm, falling to 0 at 45 mm
//   name    a choice, or typed English or Latin with a few misspellings allowed (core/study/name_match.h);
//           a name closer to another muscle's than to this one's counts as that muscle's
//   which   1 for the trigger point, or another with exactly the same documented pattern; 0.5 for another
//           trigger point of the same muscle and side; else 0
//   facts   1 for the right choice
// Never throws: an answer of the wrong shape scores 0 and says what was expected.
#include "core/anatomy_model.h"
#include "session/study/quiz_question.h"
#include "session/trigger_point_catalog.h"

#include <optional>
#include <vector>

namespace ta::session {

class QuizScorer {
public:
    /// Both must outlive the scorer; paint questions need the model's "skin" structure.
    QuizScorer(const core::AnatomyModel& model, TriggerPointCatalog& catalog);

    QuestionResult score(const QuizQuestion& question, const QuizAnswer& answer);

    /// Paint: the documented pattern and the drawing on the skin, per vertex, for showing them together
    /// (essential, spillover) and the painted intensity. Empty without a skin.
    std::vector<glm::vec2> referralOnSkin(core::TriggerPointId id);
    std::optional<core::StructureId> skin() const { return m_skin; }

private:
    QuestionResult scorePaint(const QuizQuestion& q, const QuizAnswer& a);
    QuestionResult scoreLocate(const QuizQuestion& q, const QuizAnswer& a) const;
    QuestionResult scoreName(const QuizQuestion& q, const QuizAnswer& a) const;
    QuestionResult scoreWhich(const QuizQuestion& q, const QuizAnswer& a) const;
    QuestionResult scoreChoice(const QuizQuestion& q, const QuizAnswer& a) const;

    const core::AnatomyModel& m_model;
    TriggerPointCatalog& m_catalog;
    std::optional<core::StructureId> m_skin;
    std::vector<double> m_skinAreas; ///< per skin vertex, m^2
};

} // namespace ta::session
