// Typed names (core/study/name_match.h): the optimal-string-alignment distance counts a swap of two
// neighbouring letters as one edit; side words and "muscle" do not count; small misspellings still match,
// other names do not.
#include "core/study/name_match.h"

#include <gtest/gtest.h>

using namespace ta::core::study;

TEST(StudyNameMatch, ASwapOfNeighbouringLettersIsOneEdit)
{
    EXPECT_EQ(damerauLevenshtein("sternocleidomastiod", "sternocleidomastoid"), 1u) << "plain Levenshtein says 2";
    EXPECT_EQ(damerauLevenshtein("ca", "abc"), 3u) << "OSA: a swapped pair is not edited again";
    EXPECT_EQ(damerauLevenshtein("", "abc"), 3u);
    EXPECT_EQ(damerauLevenshtein("kitten", "sitting"), 3u);
    EXPECT_EQ(damerauLevenshtein("levator", "levator"), 0u);
}

TEST(StudyNameMatch, NormalisingDropsCaseSidesAndMuscleWords)
{
    EXPECT_EQ(normaliseName("Left M. Sternocleidomastoid (sternal head)"), "sternocleidomastoid sternal head");
    EXPECT_EQ(normaliseName("Musculus levator scapulae, dexter"), "levator scapulae");
    EXPECT_EQ(normaliseName("Right levator scapulae"), "levator scapulae");
}

TEST(StudyNameMatch, SmallMisspellingsMatchOtherNamesDoNot)
{
    const std::vector<std::string> scm = {"Sternal head of right sternocleidomastoid", "Sternocleidomastoid",
                                          "Caput sternale musculi sternocleidomastoidei"};
    const NameMatch m = matchName("sternocleidomastiod", scm);
    EXPECT_TRUE(m.matched);
    EXPECT_EQ(m.distance, 1u);
    EXPECT_EQ(m.closest, "Sternocleidomastoid");
    EXPECT_TRUE(matchName("caput sternale musculi sternocleidomastoidei", scm).matched) << "Latin";
    EXPECT_FALSE(matchName("scalenus anterior", scm).matched);
    EXPECT_FALSE(matchName("", scm).matched);
    const std::vector<std::string> levator = {"Left levator scapulae", "Musculus levator scapulae"};
    EXPECT_TRUE(matchName("levator scapule", levator).matched);
    EXPECT_FALSE(matchName("levator labii", levator).matched);
    EXPECT_EQ(allowedEdits(3), 0u) << "short words must be spelt exactly";
    EXPECT_EQ(allowedEdits(7), 1u);
    EXPECT_EQ(allowedEdits(19), 3u);
}
