// NDI and HIT-6 scoring: totals, per cent, bands at their edges, and refusal of bad input.
#include "core/error.h"
#include "core/records/questionnaires.h"

#include <gtest/gtest.h>

#include <vector>

using namespace ta::core::records;

TEST(RecordQuestionnaires, NdiTotalAndPercent)
{
    const std::vector<int> none(10, 0), all(10, 5), some = {0, 1, 2, 3, 4, 5, 0, 1, 2, 3};
    EXPECT_EQ(scoreNdi(none).total, 0);
    EXPECT_EQ(scoreNdi(none).percent, 0);
    EXPECT_EQ(scoreNdi(all).total, 50);
    EXPECT_EQ(scoreNdi(all).percent, 100);
    EXPECT_EQ(scoreNdi(some).total, 21);
    EXPECT_EQ(scoreNdi(some).percent, 42);
}

TEST(RecordQuestionnaires, NdiRefusesBadInput)
{
    EXPECT_THROW(scoreNdi(std::vector<int>(9, 1)), ta::ValidationError);
    EXPECT_THROW(scoreNdi(std::vector<int>(11, 1)), ta::ValidationError);
    EXPECT_THROW(scoreNdi(std::vector<int>{}), ta::ValidationError);
    std::vector<int> bad(10, 2);
    bad[3] = 6;
    try {
        scoreNdi(bad);
        FAIL();
    } catch (const ta::ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("item 4"), std::string::npos) << e.what();
    }
    bad[3] = -1;
    EXPECT_THROW(scoreNdi(bad), ta::ValidationError);
}

TEST(RecordQuestionnaires, Hit6PointsFromIndexOrPoints)
{
    EXPECT_EQ(hit6Points(0), 6);
    EXPECT_EQ(hit6Points(1), 8);
    EXPECT_EQ(hit6Points(2), 10);
    EXPECT_EQ(hit6Points(3), 11);
    EXPECT_EQ(hit6Points(4), 13);
    for (int p : {6, 8, 10, 11, 13})
        EXPECT_EQ(hit6Points(p), p);
    for (int bad : {-1, 5, 7, 9, 12, 14})
        EXPECT_THROW(hit6Points(bad), ta::ValidationError) << bad;
}

TEST(RecordQuestionnaires, Hit6TotalsAndBands)
{
    EXPECT_EQ(scoreHit6(std::vector<int>(6, 0)).total, 36);
    EXPECT_EQ(scoreHit6(std::vector<int>(6, 0)).band, Hit6Band::LittleOrNone);
    EXPECT_EQ(scoreHit6(std::vector<int>(6, 4)).total, 78);
    EXPECT_EQ(scoreHit6(std::vector<int>(6, 13)).band, Hit6Band::Severe);
    // Mixed index and points: 6 + 8 + 10 + 11 + 13 + 8 = 56.
    const auto mixed = scoreHit6(std::vector<int>{0, 8, 2, 11, 4, 1});
    EXPECT_EQ(mixed.total, 56);
    EXPECT_EQ(mixed.band, Hit6Band::Substantial);
    // Band edges.
    EXPECT_EQ(hit6Band(36), Hit6Band::LittleOrNone);
    EXPECT_EQ(hit6Band(49), Hit6Band::LittleOrNone);
    EXPECT_EQ(hit6Band(50), Hit6Band::Some);
    EXPECT_EQ(hit6Band(55), Hit6Band::Some);
    EXPECT_EQ(hit6Band(56), Hit6Band::Substantial);
    EXPECT_EQ(hit6Band(59), Hit6Band::Substantial);
    EXPECT_EQ(hit6Band(60), Hit6Band::Severe);
    EXPECT_EQ(hit6Band(78), Hit6Band::Severe);
    EXPECT_THROW(hit6Band(35), ta::ValidationError);
    EXPECT_THROW(hit6Band(79), ta::ValidationError);
    // 10,10,10,10,10,10 = 60: severe; 10,10,10,10,10,8 = 58: substantial; 8 x6 = 48; 8,8,8,8,8,10 = 50.
    EXPECT_EQ(scoreHit6(std::vector<int>(6, 2)).band, Hit6Band::Severe);
    EXPECT_EQ(scoreHit6(std::vector<int>{2, 2, 2, 2, 2, 1}).band, Hit6Band::Substantial);
    EXPECT_EQ(scoreHit6(std::vector<int>(6, 1)).band, Hit6Band::LittleOrNone);
    EXPECT_EQ(scoreHit6(std::vector<int>{1, 1, 1, 1, 1, 2}).band, Hit6Band::Some);
    EXPECT_EQ(toString(Hit6Band::Some), "some impact");
    EXPECT_EQ(toString(Hit6Band::LittleOrNone), "little or no impact");
}

TEST(RecordQuestionnaires, Hit6RefusesBadInput)
{
    EXPECT_THROW(scoreHit6(std::vector<int>(5, 0)), ta::ValidationError);
    EXPECT_THROW(scoreHit6(std::vector<int>(7, 0)), ta::ValidationError);
    try {
        scoreHit6(std::vector<int>{0, 0, 9, 0, 0, 0});
        FAIL();
    } catch (const ta::ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("item 3"), std::string::npos) << e.what();
    }
}
