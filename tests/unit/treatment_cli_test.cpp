// `trigger-atlas show trigger-point` and `trigger-atlas protocol` through the real executable.
#include "app_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

using ta::test::runTriggerAtlas;

TEST(TreatmentCli, ShowTriggerPointPrintsItWholeAsJson)
{
    const auto r = runTriggerAtlas("show trigger-point trapezius.upper.trp1 --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["id"], "trapezius.upper.trp1");
    EXPECT_EQ(j["muscle"]["id"], "trapezius-upper");
    EXPECT_FALSE(j["location"].get<std::string>().empty());
    EXPECT_FALSE(j["zones"]["essential"].empty());
    EXPECT_FALSE(j["symptoms"].empty());
    ASSERT_FALSE(j["treatment"]["techniques"].empty());
    const auto& first = j["treatment"]["techniques"][0];
    EXPECT_EQ(first["technique"], "ischemic-compression");
    EXPECT_EQ(first["hold_s"], nlohmann::json::array({30, 60}));
    EXPECT_FALSE(j["self_care"].empty());
    bool migraine = false;
    for (const auto& c : j["contraindications"]["general"])
        migraine |= c["id"] == "migraine-attack";
    EXPECT_TRUE(migraine);
    EXPECT_TRUE(j["sources"].contains("S43"));
    EXPECT_TRUE(j["sources"].contains("S1"));
}

TEST(TreatmentCli, ShowTriggerPointAsTextSaysWhatIsNotDocumented)
{
    const auto r = runTriggerAtlas("show trigger-point levator-scapulae.upper");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("Levator"), std::string::npos);
    EXPECT_NE(r.out.find("Perpetuating factors:\n  None documented"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Sources:"), std::string::npos);
}

TEST(TreatmentCli, AnUnknownTriggerPointIsOneLineWithASuggestion)
{
    const auto r = runTriggerAtlas("show trigger-point levator-scapula.upper");
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find("levator-scapulae.upper"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(TreatmentCli, ProtocolListAndShow)
{
    const auto list = runTriggerAtlas("protocol list");
    ASSERT_EQ(list.status, 0) << list.err;
    EXPECT_NE(list.out.find("headache\t"), std::string::npos);
    EXPECT_NE(list.out.find("stiff-neck\t"), std::string::npos);
    const auto show = runTriggerAtlas("protocol show headache --json");
    ASSERT_EQ(show.status, 0) << show.err;
    const auto j = nlohmann::json::parse(show.out);
    ASSERT_GE(j["steps"].size(), 5u);
    for (const auto& s : j["steps"]) {
        EXPECT_TRUE(s.contains("trigger_point") || s.contains("muscle"));
        EXPECT_TRUE(s["technique"].is_string());
        EXPECT_TRUE(s["hold_s"].is_number_integer());
    }
    EXPECT_EQ(j["steps"].back()["trigger_point"], "suboccipitals.group");
    const auto bad = runTriggerAtlas("protocol show headach");
    EXPECT_NE(bad.status, 0);
    EXPECT_NE(bad.err.find("did you mean headache?"), std::string::npos) << bad.err;
}
