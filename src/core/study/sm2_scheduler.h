#pragma once
// Spaced repetition by SM-2 (Wozniak 1990), per student and item. Why SM-2 and not FSRS: see
// docs/QUIZ.md (in short: its few rules are explainable to a student and a teacher, need no fitted
// weights, and behave the same from the first review; FSRS's strength is fitting its 17+ weights to a
// long review history, which a new class does not have).
//
// The rules, with q the grade 0..5 of one answer:
//   q < 3 (failed)  repetitions = 0, interval = 1 day, one more lapse; the ease is adjusted as below
//   q >= 3          repetitions 0 -> interval 1 day, 1 -> 6 days, else round(interval * ease); repetitions + 1
//   every answer    ease += 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02), never below 1.3 (starts at 2.5)
//   due = the review day + interval
#include <optional>
#include <string>
#include <string_view>

namespace ta::core::study {

inline constexpr double kInitialEase = 2.5;
inline constexpr double kMinimumEase = 1.3;

/// The schedule of one item for one student.
struct Sm2State {
    int repetitions = 0;   ///< successful answers in a row
    int intervalDays = 0;  ///< 0 before the first review
    double ease = kInitialEase;
    int lapses = 0;        ///< failed answers after the item had been learnt at least once
    std::string due;       ///< "YYYY-MM-DD"; empty: new, due at once
    friend bool operator==(const Sm2State&, const Sm2State&) = default;
};

/// A score in [0, 1] as an SM-2 grade: >= 0.95 -> 5, >= 0.8 -> 4, >= 0.6 -> 3 (the pass mark), >= 0.4 -> 2,
/// >= 0.2 -> 1, else 0. Scores outside [0, 1] are clamped.
int gradeOf(double score);

/// The state after an answer graded `grade` (0..5, clamped) on day `today` ("YYYY-MM-DD"). Throws
/// ArgumentError when `today` is not a calendar day.
Sm2State review(const Sm2State& before, int grade, std::string_view today);

/// True when `state` is due on `today` (new items always are). Dates compare as text (ISO 8601).
bool isDue(const Sm2State& state, std::string_view today);

/// `day` + `days` as "YYYY-MM-DD". Throws ArgumentError when `day` is not a calendar day.
std::string addDays(std::string_view day, int days);
/// Today's date in UTC, "YYYY-MM-DD".
std::string todayUtc();

} // namespace ta::core::study
