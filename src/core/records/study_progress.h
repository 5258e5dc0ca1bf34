#pragma once
// Teaching mode's progress records: where each student stands with each quiz item (the spaced-repetition
// card) and the log of every answer. Kept by the RecordStore beside the client records (record_store.h),
// keyed by the student's name as typed and the item's stable key ("paint:trapezius.upper.trp1-left",
// session/study/quiz_item.h). The scheduling rules live in core/study/sm2_scheduler.h; the store only keeps
// the numbers.
#include <string>

namespace ta::core::records {

/// One student's schedule for one item (SM-2 state) after their latest answer.
struct StudyCard {
    std::string student;      ///< non-empty
    std::string item;         ///< non-empty
    int repetitions = 0;      ///< >= 0
    int intervalDays = 0;     ///< >= 0
    double ease = 2.5;        ///< >= 1.3
    int lapses = 0;           ///< >= 0
    std::string due;          ///< "YYYY-MM-DD"
    std::string lastReviewed; ///< UTC timestamp; empty: the store sets now
    double lastScore = 0.0;   ///< 0..1
    friend bool operator==(const StudyCard&, const StudyCard&) = default;
};

/// One answer, as the review log keeps it (and the gradebook export prints it).
struct StudyReview {
    std::string student;    ///< non-empty
    std::string item;       ///< non-empty
    std::string quizSet;    ///< the set it was asked in ("" for free practice)
    std::string reviewedAt; ///< UTC timestamp; empty: the store sets now
    double score = 0.0;     ///< 0..1
    int grade = 0;          ///< SM-2 grade 0..5
    double seconds = 0.0;   ///< time taken, >= 0
    friend bool operator==(const StudyReview&, const StudyReview&) = default;
};

/// Value rules shared by every backend; throw ValidationError "<where>: <key>: <reason>".
void validate(const StudyCard& card, const std::string& where);
void validate(const StudyReview& review, const std::string& where);

} // namespace ta::core::records
