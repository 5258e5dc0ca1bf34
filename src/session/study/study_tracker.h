#pragma once
// A student's progress through the record store: each first try of a question moves that item's SM-2
// schedule (core/study/sm2_scheduler.h) and lands in the review log, one transaction per answer; "due"
// lists what to ask today, the items failed last time first; the mastery view sums up the items of each
// muscle as new, learning or known. `today` ("YYYY-MM-DD") is a parameter everywhere so that tests and a
// teacher's replay can set the day.
#include "core/records/record_store.h"
#include "session/study/quiz_question.h"
#include "session/study/quiz_run.h"

#include <string>
#include <string_view>
#include <vector>

namespace ta::session {

enum class Mastery { New, Learning, Known };
std::string_view toString(Mastery m);

/// An item is known once it has been answered right (grade >= 3) at least twice in a row, the second time
/// after the 6-day interval, with the last score at least 0.6; learning when it has a card but is not
/// known; new without a card.
Mastery masteryOf(const core::records::StudyCard* card);

struct MuscleMastery {
    std::string muscle;   ///< muscle record id
    Mastery state = Mastery::New; ///< new: no item answered; known: every item known; else learning
    std::size_t items = 0;
    std::size_t known = 0;
    std::size_t learning = 0;
};

class StudyTracker {
public:
    /// `store` must outlive the tracker. Throws ArgumentError for an empty student name.
    StudyTracker(core::records::RecordStore& store, std::string student);
    const std::string& student() const { return m_student; }

    /// Records the first try at one question and returns the item's new card. `hintUsed` caps the grade at
    /// 3. Throws what the store throws (ValidationError, IoError); nothing is written then.
    core::records::StudyCard record(const QuizQuestion& question, const QuizEntry& entry, const std::string& setId,
                                    std::string_view today);
    /// Records every answered question of a run, in order. Returns how many were recorded.
    std::size_t recordRun(const QuizRun& run, std::string_view today);

    /// Cards due on `today`: those whose last answer failed (score below the pass mark) first, then by
    /// due date (oldest first), then by ease (hardest first), then by the last score (lowest first), then by item.
    std::vector<core::records::StudyCard> due(std::string_view today) const;
    /// `questions` reordered for practice: due items first (in due() order), then new ones, then the rest,
    /// each group shuffled by `seed` except the due one. Deterministic for a seed.
    std::vector<QuizQuestion> practiceOrder(std::vector<QuizQuestion> questions, std::string_view today,
                                            unsigned seed) const;
    /// Per muscle of `pool` (by QuizQuestion::muscle; items without a muscle are left out), in first-seen order.
    std::vector<MuscleMastery> mastery(const std::vector<QuizQuestion>& pool) const;

private:
    core::records::RecordStore& m_store;
    std::string m_student;
};

} // namespace ta::session
