#pragma once
// A quiz set: the questions a teacher (or a built-in set) asks, in order, with the run's options. The file
// format (docs/QUIZ.md):
//
//   {"format": "trigger-atlas-quiz-set", "version": 1, "id": "neck-shoulder", "title": "...",
//    "options": {"time_limit_s": 600, "exam": false, "layers": ["superficial"], "labels": true},
//    "questions": [{"kind": "paint", "trigger_point": "trapezius.upper.trp1-left"},
//                  {"kind": "locate", "structure": "levator-scapulae-left"},
//                  {"kind": "name", "structure": "sternocleidomastoid-sternal-right"},
//                  {"kind": "which", "trigger_point": "suboccipitals.group-right"},
//                  {"kind": "facts", "muscle": "levator-scapulae", "about": "innervation"}]}
//
// Parsing checks the shape (keys, kinds, types, unknown keys); whether the ids exist on the open model is
// checked when the set is resolved (session/study/quiz_builder.h). Every error names the file and the key.
#include "core/anatomy_model.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core::study {

inline constexpr std::string_view kQuizSetFormat = "trigger-atlas-quiz-set";
inline constexpr int kQuizSetVersion = 1;

enum class QuestionKind : std::uint8_t { Paint, Locate, Name, Which, Facts };
/// What a facts question asks about a muscle.
enum class FactTopic : std::uint8_t { Origin, Insertion, Action, Innervation };

std::string_view toString(QuestionKind kind);
std::string_view toString(FactTopic topic);
std::optional<QuestionKind> questionKindFromString(std::string_view s);
std::optional<FactTopic> factTopicFromString(std::string_view s);

/// One question as written in the set: the kind and the subject's stable id. Exactly one of the subject
/// fields is set for each kind: paint and which a trigger point key ("trapezius.upper.trp1-left"); locate a
/// structure, a trigger point or a landmark; name a structure; facts a muscle record id and a topic.
struct QuestionSpec {
    QuestionKind kind = QuestionKind::Locate;
    std::string structure;
    std::string triggerPoint;
    std::string landmark;
    std::string muscle;
    FactTopic about = FactTopic::Origin;
    std::string path; ///< "questions[2]", for messages
};

struct QuizOptions {
    std::optional<double> timeLimitSeconds; ///< whole run; none: untimed
    bool exam = false;                      ///< no hints, labels hidden, one try per question
    std::vector<Layer> layers;              ///< the layers the questions draw on; empty: all
    bool labels = true;                     ///< leader labels shown (never in exam mode)
};

struct QuizSet {
    std::string id;     ///< "headache-referral"; the file name's stem when the file has none
    std::string title;
    QuizOptions options;
    std::vector<QuestionSpec> questions;
    std::string source; ///< the file (or "<text>"), for messages
};

/// Parses and validates a set. `source` names the file in messages; `fallbackId` is used when the set has
/// no "id". Throws ParseError (not JSON) or ValidationError ("<source>: questions[1].kind: unknown kind
/// \"draw\" (expected paint, locate, name, which or facts)").
QuizSet quizSetFromJson(std::string_view text, const std::string& source, const std::string& fallbackId);
/// Reads `file` and parses it (id defaults to the stem). Throws IoError, ParseError, ValidationError.
QuizSet loadQuizSet(const std::filesystem::path& file);

} // namespace ta::core::study
