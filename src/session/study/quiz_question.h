#pragma once
// A quiz question resolved on the open model: what is asked, about which structure, trigger point,
// landmark or muscle (as ids of this model and catalog), the choices offered, the hint, and the stable
// item key under which a student's progress is kept ("paint:trapezius.upper.trp1-left"). Made by
// QuizBuilder (quiz_builder.h), scored by QuizScorer (quiz_scorer.h).
#include "core/anatomy_model.h"
#include "core/bodymap/body_map.h"
#include "core/referral/referral_atlas.h"
#include "core/study/quiz_set.h"

#include <glm/glm.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ta::session {

struct QuizQuestion {
    core::study::QuestionKind kind = core::study::QuestionKind::Locate;
    std::string item;    ///< stable progress key: "<kind>:<subject>" (see docs/QUIZ.md)
    std::string prompt;  ///< "Paint where upper trapezius TrP1 (left) sends pain"
    std::string muscle;  ///< muscle record id, for the mastery view; "" when the subject is no muscle's
    std::optional<core::StructureId> structure;      ///< locate/name: the structure; paint/which: none
    std::optional<core::TriggerPointId> triggerPoint; ///< paint, which, locate a trigger point
    std::optional<glm::vec3> point;                   ///< locate a landmark or trigger point: where it is
    core::study::FactTopic about = core::study::FactTopic::Origin; ///< facts
    /// Name, which and facts: the choices offered (name and which may also be typed or clicked).
    std::vector<std::string> choices;
    int correctChoice = -1; ///< index into choices; -1 without choices
    std::vector<std::string> choiceKeys; ///< which: the trigger-point key of each choice
    std::string answer;     ///< the right answer in words, for feedback
    std::string hint;       ///< practice only (empty in exam mode)
};

/// One answer, as a front end or an answers file gives it. Which fields count depends on the kind:
/// paint reads painMarks; locate structure / triggerPoint / point; name text or choice; which triggerPoint
/// or choice; facts choice.
struct QuizAnswer {
    std::vector<core::PainMark> painMarks; ///< body-map pain marks (model frame, metres)
    std::string structure;                 ///< a clicked structure's id
    std::string triggerPoint;              ///< a trigger point key ("suboccipitals.group-right")
    std::optional<glm::vec3> point;        ///< a clicked point (model frame)
    std::string text;                      ///< a typed name
    std::optional<int> choice;             ///< index into QuizQuestion::choices
    double seconds = 0.0;                  ///< time taken
    bool empty() const
    {
        return painMarks.empty() && structure.empty() && triggerPoint.empty() && !point && text.empty() && !choice;
    }
};

/// How one answer was scored.
struct QuestionResult {
    double score = 0.0;    ///< 0..1
    std::string feedback;  ///< one line: the score's reason and the right answer
    std::vector<std::string> missed; ///< paint: essential regions mostly not painted
    std::vector<std::string> extra;  ///< paint: regions painted outside the documented pattern
};

} // namespace ta::session
