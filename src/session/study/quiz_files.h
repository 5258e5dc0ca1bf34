#pragma once
// The files around a quiz run: the built-in sets (assets/quiz/*.json), opening a set by file or id, an
// answers file (what `trigger-atlas quiz run --answers` reads), and the gradebook CSV. Files with student
// data are written 0600 through a temporary and a rename, and an existing file is replaced only when asked.
//
// Answers file: {"answers": [ANSWER, ...]}, one per question in order (null: not answered), each an object
// with any of: "painMarks": [{"position": [x, y, z], "radius": 0.02, "intensity": 6}] (as in the body-map
// format, model frame, metres), "structure": id, "trigger_point": key, "point": [x, y, z], "text": name,
// "choice": index (0-based), "time_s": seconds taken.
#include "core/records/study_progress.h"
#include "core/study/quiz_set.h"
#include "session/study/quiz_question.h"
#include "session/study/quiz_run.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::session {

struct QuizSetInfo {
    std::string id;
    std::string title;
    std::size_t questions = 0;
    std::filesystem::path file;
};

/// The sets in `dir` (default assets/quiz), by id. A file there that does not parse throws (it is ours).
std::vector<QuizSetInfo> builtinQuizSets(const std::filesystem::path& dir = {});
/// A set file (an existing path, or anything ending ".json") or the id of a built-in set. Throws
/// ArgumentError for an unknown id (listing the built-in ones), IoError, ParseError, ValidationError.
core::study::QuizSet openQuizSet(const std::string& fileOrId, const std::filesystem::path& dir = {});

/// Parses an answers file; `source` names it in messages ("answers.json: answers[2].choice: expected an
/// integer"). Unanswered entries (null) come back as empty answers. Throws ParseError, ValidationError.
std::vector<QuizAnswer> quizAnswersFromJson(std::string_view text, const std::string& source);
std::vector<QuizAnswer> loadQuizAnswers(const std::filesystem::path& file);

/// One row per question of `run`: student,set,question,kind,item,score,time_s (score of the first try,
/// empty when unanswered). RFC 4180 quoting.
std::string runCsv(const QuizRun& run, const std::string& student);
/// One row per logged answer: student,set,item,score,grade,time_s,reviewed_at.
std::string reviewLogCsv(const std::vector<core::records::StudyReview>& reviews);

/// Writes `bytes` to `file` (0600, temporary and rename). Throws IoError when `file` exists and
/// `overwrite` is false ("... exists; pass --force to replace it"), or the write fails.
void writePrivateFile(const std::filesystem::path& file, std::string_view bytes, bool overwrite);

} // namespace ta::session
