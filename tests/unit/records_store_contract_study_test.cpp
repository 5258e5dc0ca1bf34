// The RecordStore contract, teaching mode (see records_store_contract.h): every backend keeps a student's
// study cards and the whole review log.
#include "records_store_contract.h"

#include "core/error.h"

#include <algorithm>

using namespace ta::core::records;

TEST_P(RecordStoreContract, StudyReviewsKeepOneCardPerStudentAndItemAndTheWholeLog)
{
    const auto card = [](std::string student, std::string item, int reps, std::string due, double score) {
        return StudyCard{std::move(student), std::move(item), reps, reps == 1 ? 1 : 6, 2.36, 0, std::move(due), "", score};
    };
    const StudyReview first{"Mia", "paint:trapezius.upper.trp1-left", "headache", "2026-12-01T10:00:00Z", 0.4, 2, 31.5};
    store().recordReview(first, card("Mia", first.item, 0, "2026-12-02", 0.4));
    StudyReview second = first;
    second.reviewedAt = "2026-12-02T09:00:00Z";
    second.score = 0.9;
    second.grade = 4;
    store().recordReview(second, card("Mia", first.item, 1, "2026-12-03", 0.9));
    store().recordReview({"Mia", "name:levator-scapulae-left", "", "", 1.0, 5, 4.0},
                         card("Mia", "name:levator-scapulae-left", 1, "2026-12-02", 1.0));
    store().recordReview({"Ben", "name:levator-scapulae-left", "", "", 0.0, 0, 2.0},
                         card("Ben", "name:levator-scapulae-left", 0, "2026-12-02", 0.0));

    const auto mia = store().listStudyCards("Mia");
    ASSERT_EQ(mia.size(), 2u) << "the second answer replaced the card, it did not add one";
    EXPECT_EQ(mia[0].item, "name:levator-scapulae-left") << "ordered by item";
    EXPECT_EQ(mia[1].repetitions, 1);
    EXPECT_EQ(mia[1].due, "2026-12-03");
    EXPECT_DOUBLE_EQ(mia[1].lastScore, 0.9);
    EXPECT_EQ(mia[1].lastReviewed, "2026-12-02T09:00:00Z") << "an empty card time takes the review's";
    EXPECT_FALSE(mia[0].lastReviewed.empty()) << "an empty review time is set to now";
    EXPECT_EQ(store().studyCard("Mia", first.item), mia[1]);
    EXPECT_FALSE(store().studyCard("Mia", "which:nothing"));
    EXPECT_FALSE(store().studyCard("Nobody", first.item));

    const auto log = store().listStudyReviews("Mia");
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0], first) << "oldest first, every field kept";
    EXPECT_EQ(log[1].grade, 4);
    EXPECT_EQ(log[2].quizSet, "");
    EXPECT_EQ(store().listStudyReviews("Ben").size(), 1u);
    EXPECT_EQ(store().listStudents(), (std::vector<std::string>{"Ben", "Mia"}));
    EXPECT_TRUE(store().listStudyCards("Nobody").empty());
}

TEST_P(RecordStoreContract, AStudyReviewWithBadValuesWritesNothing)
{
    const StudyReview ok{"Mia", "locate:levator-scapulae-left", "", "", 1.0, 5, 3.0};
    const StudyCard card{"Mia", ok.item, 1, 1, 2.6, 0, "2026-12-02", "", 1.0};
    StudyReview badScore = ok;
    badScore.score = 1.5;
    EXPECT_THROW(store().recordReview(badScore, card), ta::ValidationError);
    StudyCard badDue = card;
    badDue.due = "tomorrow";
    EXPECT_THROW(store().recordReview(ok, badDue), ta::ValidationError);
    StudyCard otherItem = card;
    otherItem.item = "name:other";
    EXPECT_THROW(store().recordReview(ok, otherItem), ta::ValidationError);
    StudyReview noStudent = ok;
    noStudent.student.clear();
    EXPECT_THROW(store().recordReview(noStudent, card), ta::ValidationError);
    EXPECT_TRUE(store().listStudyReviews("Mia").empty()) << "a refused review leaves no log entry";
    EXPECT_TRUE(store().listStudents().empty());
    store().recordReview(ok, card);
    EXPECT_EQ(store().listStudyCards("Mia").size(), 1u);
}
