// Structure search: what a student types finds the right structure, best match first.
#include "core/search/structure_search.h"

#include <gtest/gtest.h>

namespace {

using namespace ta::core;

AnatomyModel model()
{
    AnatomyModel m;
    auto add = [&](std::string id, std::string name, std::string latin) {
        m.structures.push_back({.id = std::move(id), .name = std::move(name), .latin = std::move(latin)});
    };
    add("skull", "Skull", "Cranium");
    add("c1", "Atlas (first cervical vertebra)", "Atlas");
    add("c2", "Axis (second cervical vertebra)", "Axis");
    add("trapezius-descending-left", "Descending part of left trapezius", "Pars descendens musculi trapezii");
    add("trapezius-descending-right", "Descending part of right trapezius", "Pars descendens musculi trapezii");
    add("trapezius-transverse-left", "Transverse part of left trapezius", "Pars transversa musculi trapezii");
    add("levator-scapulae-left", "Left levator scapulae", "Musculus levator scapulae");
    add("levator-scapulae-right", "Right levator scapulae", "Musculus levator scapulae");
    add("sternocleidomastoid-sternal-left", "Sternal head of left sternocleidomastoid", "Caput sternale");
    add("sternocleidomastoid-clavicular-left", "Clavicular head of left sternocleidomastoid", "Caput claviculare");
    add("scalenus-anterior-left", "Left anterior scalene", "Musculus scalenus anterior");
    add("splenius-capitis-left", "Left splenius capitis", "Musculus splenius capitis");
    add("semispinalis-capitis-left", "Left semispinalis capitis", "Musculus semispinalis capitis");
    add("mandible", "Mandible", "Mandibula");
    return m;
}

std::vector<std::string> ids(const AnatomyModel& m, const std::vector<SearchHit>& hits)
{
    std::vector<std::string> out;
    for (const auto& h : hits)
        out.push_back(m.get(h.structure)->id);
    return out;
}

TEST(SearchStructure, LevatorFindsBothSidesFirst)
{
    const AnatomyModel m = model();
    const StructureSearch search(m);
    const auto hits = search.find("levator");
    ASSERT_GE(hits.size(), 2u);
    EXPECT_EQ(ids(m, hits)[0], "levator-scapulae-left");
    EXPECT_EQ(ids(m, hits)[1], "levator-scapulae-right");
    EXPECT_EQ(hits[0].kind, MatchKind::Prefix);
    EXPECT_EQ(hits.size(), 2u); // nothing else has a word starting "levator"
}

TEST(SearchStructure, RankPrefixThenWordThenFuzzy)
{
    const AnatomyModel m = model();
    const StructureSearch search(m);
    // "capitis": word match in splenius and semispinalis; prefix of nothing.
    auto hits = search.find("capitis");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].kind, MatchKind::Word);

    // "axis" starts c2's name.
    hits = search.find("axis");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(m.get(hits[0].structure)->id, "c2");

    // A typo: "trapezus" finds every trapezius part, one letter wrong.
    hits = search.find("trapezus");
    ASSERT_EQ(hits.size(), 3u);
    for (const auto& h : hits) {
        EXPECT_EQ(h.kind, MatchKind::Fuzzy);
        EXPECT_EQ(h.edits, 1);
    }

    // "musculus" starts the Latin names of several muscles (prefix) and is two letters away from the
    // "musculi" of the trapezius parts (fuzzy): prefixes come first.
    hits = search.find("musculus");
    ASSERT_EQ(hits.size(), 8u); // 5 Latin names start "Musculus", 3 trapezius parts
    EXPECT_EQ(hits.front().kind, MatchKind::Prefix);
    EXPECT_EQ(hits.back().kind, MatchKind::Fuzzy);
    EXPECT_EQ(m.get(hits.back().structure)->id.substr(0, 9), "trapezius");

    // Whatever the query, kinds never improve down the list.
    for (const char* query : {"musculus", "capitis", "left", "trapezius", "scapulae", "sternal", "part"}) {
        hits = search.find(query);
        for (std::size_t i = 1; i < hits.size(); ++i)
            EXPECT_GE(hits[i - 1].kind, hits[i].kind) << query;
    }
}

TEST(SearchStructure, CommonNamesAndMultiWordQueries)
{
    const AnatomyModel m = model();
    const StructureSearch search(m);
    auto hits = search.find("upper trap");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(ids(m, hits)[0], "trapezius-descending-left");
    hits = search.find("right upper trapezius");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(ids(m, hits)[0], "trapezius-descending-right");
    hits = search.find("SCM");
    EXPECT_EQ(hits.size(), 2u);
    hits = search.find("scm sternal");
    ASSERT_EQ(hits.size(), 1u); // "sternal" is not a near miss of "sternocleidomastoid"
    EXPECT_EQ(ids(m, hits)[0], "sternocleidomastoid-sternal-left");
    hits = search.find("jaw");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(ids(m, hits)[0], "mandible");
    hits = search.find("Levator-Scapulae, left");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(ids(m, hits)[0], "levator-scapulae-left");
}

TEST(SearchStructure, NothingForBlankOrNonsense)
{
    const AnatomyModel m = model();
    const StructureSearch search(m);
    EXPECT_TRUE(search.find("").empty());
    EXPECT_TRUE(search.find("  --  ").empty());
    EXPECT_TRUE(search.find("xyzzy").empty());
    EXPECT_TRUE(search.find("ab").empty()); // too short to be fuzzy, matches no word start
    EXPECT_TRUE(search.find("levator", 0).empty());
    EXPECT_EQ(search.find("c", 2).size(), 2u); // limit
    EXPECT_TRUE(StructureSearch{}.find("levator").empty());
}

TEST(SearchStructure, Normalise)
{
    EXPECT_EQ(StructureSearch::normalise("Levator-Scapulae (L)"), "levator scapulae l");
    EXPECT_EQ(StructureSearch::normalise("  a__b  "), "a b");
    EXPECT_EQ(StructureSearch::normalise(""), "");
}

TEST(SearchStructure, CommonNamesFor)
{
    EXPECT_EQ(commonNamesFor("trapezius-descending-left").size(), 1u);
    EXPECT_EQ(commonNamesFor("trapezius-descending-left")[0], "upper trapezius");
    EXPECT_TRUE(commonNamesFor("c10").empty()); // "c1" must not match "c10"
    EXPECT_FALSE(commonNamesFor("c1").empty());
}

} // namespace
