// Search by symptom (issue 18): "headache", "jaw pain", "behind the eye" and "stiff neck" find the pain
// areas (synonyms in regions.json) and the trigger points that refer there, best first; names still find
// structures; `trigger-atlas search` prints the same, one result a line. No GL.
#include "test_model_path.h"

#include "core/referral/referral_data.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/app_session.h"
#include "session/search_service.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace ta;
using Kind = session::SearchResult::Kind;

namespace {

const core::ReferralData& data()
{
    static const core::ReferralData d = core::ReferralData::load(io::assetPath("data"));
    return d;
}

std::vector<session::SearchResult> find(const std::string& q)
{
    return session::SearchService(&data(), nullptr, nullptr).find(q, 40);
}

/// Index of the first result of this kind and id; -1 when absent.
int rank(const std::vector<session::SearchResult>& r, Kind kind, const std::string& id)
{
    for (std::size_t i = 0; i < r.size(); ++i)
        if (r[i].kind == kind && r[i].id == id)
            return static_cast<int>(i);
    return -1;
}

} // namespace

TEST(SearchService, HeadacheFindsThePainAreasAndTheTriggerPointsReferringThere)
{
    const auto r = find("headache");
    ASSERT_FALSE(r.empty()) << "\"headache\" found nothing";
    EXPECT_EQ(r.front().kind, Kind::Region) << "the pain areas come before the trigger points";
    EXPECT_GE(rank(r, Kind::Region, "temple"), 0);
    const int trp = rank(r, Kind::TriggerPoint, "trapezius.upper.trp1");
    ASSERT_GE(trp, 0) << "upper trapezius TrP1 refers to the temple";
    EXPECT_NE(r[static_cast<std::size_t>(trp)].why.find("Temple"), std::string::npos) << r[trp].why;
    for (std::size_t i = 1; i < r.size(); ++i)
        EXPECT_GE(r[i - 1].score, r[i].score) << "not best first at " << i;
}

TEST(SearchService, EverydayWordsForPainFindTheirRegions)
{
    EXPECT_GE(rank(find("jaw pain"), Kind::Region, "tmj"), 0);
    EXPECT_EQ(find("behind the eye").at(0).id, "retro-orbital");
    EXPECT_GE(rank(find("stiff neck"), Kind::Region, "posterior-neck"), 0);
    EXPECT_GE(rank(find("Stiff  NECK!"), Kind::Region, "posterior-neck"), 0) << "case and punctuation ignored";
    const auto jaw = find("jaw pain");
    bool masseter = false;
    for (const auto& x : jaw)
        masseter = masseter || (x.kind == Kind::TriggerPoint && x.id.rfind("masseter", 0) == 0);
    EXPECT_TRUE(masseter) << "the masseter refers to the jaw";
    EXPECT_TRUE(find("xyzzy").empty());
    EXPECT_TRUE(find("he").empty()) << "too short to mean anything";
}

TEST(SearchService, NamesStillFindStructures)
{
    if (!std::filesystem::exists(ta::testing::testModelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << ta::testing::testModelPath();
    const core::AnatomyModel model = io::loadModel(ta::testing::testModelPath());
    const core::StructureSearch structures(model);
    const auto r = session::SearchService(&data(), &model, &structures).find("levator", 10);
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r.front().kind, Kind::Structure);
    EXPECT_EQ(r.front().id.rfind("levator-scapulae", 0), 0u) << r.front().id;
}

TEST(SearchService, ChoosingAPainAreaNamesItsSources)
{
    session::AppSession s;
    s.camera().setViewport(400, 300);
    if (!std::filesystem::exists(ta::testing::testModelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << ta::testing::testModelPath();
    s.openModel(io::loadModel(ta::testing::testModelPath()), ta::testing::testModelPath(), io::assetPath("data"));
    const auto r = find("temple headache");
    ASSERT_GE(rank(r, Kind::Region, "temple"), 0);
    session::chooseSearchResult(s, r[static_cast<std::size_t>(rank(r, Kind::Region, "temple"))]);
    EXPECT_NE(s.message().find("Upper trapezius"), std::string::npos) << s.message();
    const int trp = rank(r, Kind::TriggerPoint, "trapezius.upper.trp1");
    ASSERT_GE(trp, 0);
    session::chooseSearchResult(s, r[static_cast<std::size_t>(trp)]);
    ASSERT_TRUE(s.shownTriggerPoint());
    EXPECT_EQ(s.catalog().key(*s.shownTriggerPoint()), "trapezius.upper.trp1-left");
}

TEST(SearchCommand, PrintsOneResultPerLineBestFirst)
{
    const auto out = std::filesystem::temp_directory_path() / ("ta-search-" + std::to_string(::getpid()) + ".txt");
    const std::string command = std::string("\"") + TA_APP_EXE + "\" search headache > \"" + out.string() + "\" 2>/dev/null";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    std::ifstream in(out);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    std::filesystem::remove(out);
    const auto expected = find("headache");
    ASSERT_FALSE(lines.empty());
    ASSERT_LE(lines.size(), 20u);
    for (std::size_t i = 0; i < lines.size() && i < expected.size(); ++i) {
        std::istringstream fields(lines[i]);
        std::string kind, id, name;
        std::getline(fields, kind, '\t');
        std::getline(fields, id, '\t');
        std::getline(fields, name, '\t');
        EXPECT_EQ(kind, std::string(session::toString(expected[i].kind))) << lines[i];
        EXPECT_EQ(id, expected[i].id) << lines[i];
        EXPECT_EQ(name, expected[i].name) << lines[i];
    }
    const std::string nothing = std::string("\"") + TA_APP_EXE + "\" search xyzzy >/dev/null 2>&1";
    const int none = std::system(nothing.c_str());
    EXPECT_TRUE(WIFEXITED(none) && WEXITSTATUS(none) == 1) << "no result: exit 1";
}
