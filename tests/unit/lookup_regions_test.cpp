// Reverse lookup from named regions, with cases written from the fact sheet, and the lookup/list CLI.
#include "core/referral/close_matches.h"
#include "core/referral/referral_data.h"
#include "core/referral/reverse_lookup.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace fs = std::filesystem;
using namespace ta::core;

namespace {

const ReferralData& data()
{
    static const ReferralData d = ReferralData::load(fs::path(TA_TEST_DIR) / ".." / "assets" / "data");
    return d;
}

std::vector<SidedIndex> drawing(std::initializer_list<const char*> regions, std::initializer_list<Side> sides)
{
    std::vector<SidedIndex> out;
    for (const char* r : regions) {
        const auto i = data().findRegion(r);
        EXPECT_TRUE(i.has_value()) << r;
        for (Side s : sides)
            out.push_back({i.value_or(0), s});
    }
    return out;
}

/// 0-based rank of trigger point `id` on `side`, or -1.
int rankOf(const std::vector<LookupHit>& hits, const std::string& id, Side side)
{
    for (std::size_t i = 0; i < hits.size(); ++i)
        if (data().triggerPoints[hits[i].triggerPoint.index].id == id && hits[i].triggerPoint.side == side)
            return static_cast<int>(i);
    return -1;
}

struct AppRun {
    int status = -1;
    std::string out;
};

AppRun runApp(const std::string& args)
{
    AppRun r;
    const std::string cmd = std::string(TA_APP_EXE) + " " + args + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    std::array<char, 4096> buf{};
    while (p && fgets(buf.data(), buf.size(), p.get()))
        r.out += buf.data();
    const int raw = pclose(p.release());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

} // namespace

TEST(LookupRegions, TempleAndBehindTheEyeOnTheRight)
{
    const auto hits = lookupRegions(data(), drawing({"temple", "retro-orbital"}, {Side::Right}));
    ASSERT_GE(hits.size(), 5u);
    const int ut1 = rankOf(hits, "trapezius.upper.trp1", Side::Right);
    const int so = rankOf(hits, "suboccipitals.group", Side::Right);
    const int scm = rankOf(hits, "sternocleidomastoid.sternal.middle", Side::Right);
    EXPECT_TRUE(ut1 >= 0 && ut1 < 3) << ut1;
    EXPECT_TRUE(so >= 0 && so < 3) << so;
    EXPECT_TRUE(scm >= 0 && scm < 10) << scm;
    // Same-side referral: no left-sided trigger point explains right-sided pain.
    for (const auto& h : hits)
        EXPECT_EQ(h.triggerPoint.side, Side::Right) << data().triggerPointKey(h.triggerPoint);
    // Scores are sorted and readable reasons are given.
    for (std::size_t i = 1; i < hits.size(); ++i)
        EXPECT_GE(hits[i - 1].score, hits[i].score);
    EXPECT_NE(hits[static_cast<std::size_t>(ut1)].reason.find("essential zone covers 50% of the drawing (temple)"),
              std::string::npos)
        << hits[static_cast<std::size_t>(ut1)].reason;
}

TEST(LookupRegions, VertexPointsToSpleniusCapitis)
{
    const auto hits = lookupRegions(data(), drawing({"vertex"}, {Side::Left}));
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(data().triggerPoints[hits[0].triggerPoint.index].id, "splenius-capitis.trp");
    EXPECT_EQ(hits[0].triggerPoint.side, Side::Left);
    EXPECT_NEAR(hits[0].score, 1.0f, 1e-6f);
}

TEST(LookupRegions, AngleOfNeckPointsToLevatorScapulae)
{
    const auto hits = lookupRegions(data(), drawing({"angle-of-neck"}, {Side::Right}));
    ASSERT_GE(hits.size(), 2u);
    EXPECT_EQ(data().triggerPoints[hits[0].triggerPoint.index].muscle, "levator-scapulae");
    EXPECT_EQ(data().triggerPoints[hits[1].triggerPoint.index].muscle, "levator-scapulae");
}

TEST(LookupRegions, MoreCasesFromTheSheet)
{
    auto top = [](std::initializer_list<const char*> r, Side s) {
        const auto hits = lookupRegions(data(), drawing(r, {s}));
        return hits.empty() ? std::string() : data().triggerPoints[hits[0].triggerPoint.index].id;
    };
    EXPECT_EQ(top({"lower-incisors"}, Side::Left), "digastric.anterior");
    EXPECT_EQ(top({"ear-deep", "tmj"}, Side::Right), "masseter.deep");
    EXPECT_EQ(top({"sternum-upper"}, Side::Left), "sternocleidomastoid.sternal.lower");
    EXPECT_EQ(top({"acromion"}, Side::Left), "trapezius.middle.trp6");
    EXPECT_EQ(top({"shoulder-anterior", "shoulder-lateral"}, Side::Right), "infraspinatus.main");
    // The pilomotor TrP7 is never offered as a pain source.
    const auto arm = lookupRegions(data(), drawing({"arm-lateral"}, {Side::Left}));
    EXPECT_EQ(rankOf(arm, "trapezius.middle.trp7", Side::Left), -1);
}

TEST(LookupRegions, LargeZonesAreNotRewardedForSizeAlone)
{
    // Behind the eye alone: splenius cervicis (whose essential zone is exactly that) beats the suboccipitals,
    // whose much larger band also covers it.
    const auto hits = lookupRegions(data(), drawing({"retro-orbital"}, {Side::Left}));
    const int spc = rankOf(hits, "splenius-cervicis.upper", Side::Left);
    const int so = rankOf(hits, "suboccipitals.group", Side::Left);
    ASSERT_GE(spc, 0);
    ASSERT_GE(so, 0);
    EXPECT_LT(spc, so);
    // Essential overlap weighs more than spillover: SCM sternal upper has the vertex only as spillover.
    const auto v = lookupRegions(data(), drawing({"vertex"}, {Side::Left}));
    const auto& scmUpper = v[static_cast<std::size_t>(rankOf(v, "sternocleidomastoid.sternal.upper", Side::Left))];
    EXPECT_LT(scmUpper.score, v[0].score);
    EXPECT_FLOAT_EQ(scmUpper.essentialCoverage, 0.0f);
    EXPECT_FLOAT_EQ(scmUpper.spilloverCoverage, 1.0f);
}

TEST(LookupRegions, BothSidesAreExplainedByBothSides)
{
    const auto hits = lookupRegions(data(), drawing({"vertex"}, {Side::Left, Side::Right}));
    ASSERT_GE(hits.size(), 2u);
    const int l = rankOf(hits, "splenius-capitis.trp", Side::Left);
    const int r = rankOf(hits, "splenius-capitis.trp", Side::Right);
    EXPECT_TRUE((l == 0 && r == 1) || (l == 1 && r == 0)) << l << " " << r;
    EXPECT_FLOAT_EQ(hits[0].essentialCoverage, 0.5f);
    EXPECT_NE(hits[0].reason.find("twin"), std::string::npos) << hits[0].reason;
}

TEST(CloseMatches, SuggestsNearbyIds)
{
    EXPECT_EQ(editDistance("tempel", "temple"), 2u);
    const auto m = closeMatches("retroorbital", {"retro-orbital", "periorbital", "temple"});
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m.front(), "retro-orbital");
    EXPECT_TRUE(closeMatches("xyz", {"temple", "vertex"}).empty());
}

TEST(LookupCli, JsonIsAnArrayBestFirst)
{
    const AppRun r = runApp("lookup --region temple --region retro-orbital --side right --json");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_array());
    ASSERT_GE(j.size(), 3u);
    for (const auto& e : j) {
        EXPECT_TRUE(e.contains("trigger_point") && e.contains("muscle") && e.contains("score") && e.contains("reason"));
        EXPECT_EQ(e["side"], "right");
    }
    EXPECT_GE(j[0]["score"].get<double>(), j[1]["score"].get<double>());
}

TEST(LookupCli, UnknownRegionOrSideFailsWithCloseMatches)
{
    const AppRun r = runApp("lookup --region tempel --side right");
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.out.find("unknown region \"tempel\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("temple"), std::string::npos) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
    const AppRun s = runApp("lookup --region temple --side rigth");
    EXPECT_NE(s.status, 0);
    EXPECT_NE(s.out.find("did you mean right"), std::string::npos) << s.out;
}

// A body map's pain drawing (docs/examples/temple-headache.json: left temple and the back and side of the
// left neck) is projected on the committed model's skin and explained: upper trapezius TrP1 of the left
// side first, as the charts would have it; only left-side trigger points; a session without pain, or
// regions and a body map at once, is one clear line.
TEST(LookupCli, ExplainsABodyMapsPainDrawing)
{
    const std::string example = std::string(TA_TEST_DIR) + "/../docs/examples/temple-headache.json";
    const AppRun r = runApp("lookup --tags \"" + example + "\" --json -n 5");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_array());
    ASSERT_FALSE(j.empty());
    EXPECT_LE(j.size(), 5u);
    EXPECT_EQ(j[0]["trigger_point"], "trapezius.upper.trp1") << r.out;
    for (const auto& e : j)
        EXPECT_EQ(e["side"], "left") << e.dump();

    const AppRun none = runApp("lookup --tags \"" + example + "\" --session 2025-01-01");
    EXPECT_NE(none.status, 0);
    EXPECT_NE(none.out.find("temple-headache.json: no pain marks in session 2025-01-01"), std::string::npos) << none.out;
    EXPECT_EQ(std::count(none.out.begin(), none.out.end(), '\n'), 1) << none.out;
    const AppRun both = runApp("lookup --tags \"" + example + "\" --region temple --side left");
    EXPECT_NE(both.status, 0);
    EXPECT_NE(both.out.find("not both"), std::string::npos) << both.out;
}

TEST(ListCli, RegionsAndTriggerPointsOnePerLine)
{
    const AppRun r = runApp("list regions");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("temple\tTemple\n"), std::string::npos) << r.out;
    EXPECT_EQ(static_cast<std::size_t>(std::count(r.out.begin(), r.out.end(), '\n')), data().regions.size());
    const AppRun t = runApp("list trigger-points");
    ASSERT_EQ(t.status, 0) << t.out;
    EXPECT_NE(t.out.find("trapezius.upper.trp1\tUpper trapezius TrP1\n"), std::string::npos) << t.out;
    const AppRun bad = runApp("list regoins");
    EXPECT_NE(bad.status, 0);
    EXPECT_NE(bad.out.find("did you mean regions"), std::string::npos) << bad.out;
}
