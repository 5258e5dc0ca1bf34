// SM-2 (core/study/sm2_scheduler.h): the intervals of the original algorithm, the ease update, what a
// failed answer does, and the day arithmetic under it.
#include "core/error.h"
#include "core/study/sm2_scheduler.h"

#include <gtest/gtest.h>

using namespace ta::core::study;

TEST(StudySm2, PerfectAnswersGiveOneSixThenIntervalTimesEase)
{
    Sm2State s;
    s = review(s, 5, "2026-12-01");
    EXPECT_EQ(s.intervalDays, 1);
    EXPECT_EQ(s.due, "2026-12-02");
    EXPECT_NEAR(s.ease, 2.6, 1e-9);
    s = review(s, 5, "2026-12-02");
    EXPECT_EQ(s.intervalDays, 6);
    EXPECT_EQ(s.due, "2026-12-08");
    EXPECT_NEAR(s.ease, 2.7, 1e-9);
    s = review(s, 5, "2026-12-08");
    EXPECT_EQ(s.intervalDays, 16) << "round(6 * 2.7)";
    EXPECT_EQ(s.due, "2026-12-24");
    EXPECT_EQ(s.repetitions, 3);
    s = review(s, 4, "2026-12-24");
    EXPECT_EQ(s.intervalDays, 45) << "round(16 * 2.8)";
    EXPECT_NEAR(s.ease, 2.8, 1e-9) << "grade 4 leaves the ease as it is";
}

TEST(StudySm2, AFailedAnswerStartsOverTomorrowAndLowersTheEase)
{
    Sm2State s;
    s = review(s, 4, "2026-12-01");
    s = review(s, 4, "2026-12-02");
    ASSERT_EQ(s.intervalDays, 6);
    s = review(s, 1, "2026-12-08");
    EXPECT_EQ(s.repetitions, 0);
    EXPECT_EQ(s.intervalDays, 1);
    EXPECT_EQ(s.due, "2026-12-09");
    EXPECT_EQ(s.lapses, 1);
    EXPECT_NEAR(s.ease, 2.5 - 0.54, 1e-9) << "0.1 - 4 * (0.08 + 4 * 0.02)";
    s = review(s, 3, "2026-12-09");
    EXPECT_EQ(s.intervalDays, 1) << "learning again from the start";
    EXPECT_NEAR(s.ease, 1.96 - 0.14, 1e-9);
    Sm2State floor;
    for (int i = 0; i < 10; ++i)
        floor = review(floor, 0, "2026-12-01");
    EXPECT_DOUBLE_EQ(floor.ease, kMinimumEase);
    EXPECT_EQ(floor.lapses, 0) << "never learnt, so never lapsed";
}

TEST(StudySm2, ScoresBecomeGradesAndDaysAddUp)
{
    EXPECT_EQ(gradeOf(1.0), 5);
    EXPECT_EQ(gradeOf(0.83), 4);
    EXPECT_EQ(gradeOf(0.6), 3);
    EXPECT_EQ(gradeOf(0.59), 2);
    EXPECT_EQ(gradeOf(0.0), 0);
    EXPECT_EQ(gradeOf(7.0), 5);
    EXPECT_EQ(addDays("2028-02-28", 1), "2028-02-29");
    EXPECT_EQ(addDays("2026-12-31", 1), "2027-01-01");
    EXPECT_TRUE(isDue(Sm2State{}, "2026-12-01")) << "new items are due";
    Sm2State s;
    s.due = "2026-12-02";
    EXPECT_FALSE(isDue(s, "2026-12-01"));
    EXPECT_TRUE(isDue(s, "2026-12-02"));
    EXPECT_THROW(review(s, 5, "2026-02-30"), ta::ArgumentError);
    EXPECT_THROW(addDays("tomorrow", 1), ta::ArgumentError);
}
