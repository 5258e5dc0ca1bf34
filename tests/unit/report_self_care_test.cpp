// The self-care library: the shipped file loads, holds items with source keys for the neck and shoulder
// muscles and the migraine rule; broken files are refused with the file and key named.
#include "core/error.h"
#include "io/report/report_data.h"
#include "io/report/self_care.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace ta;
using namespace ta::io;
namespace fs = std::filesystem;

namespace {

const fs::path kFile = fs::path(TA_TEST_DIR) / ".." / "assets/data/self-care.json";

nlohmann::json minimal()
{
    return nlohmann::json::parse(R"({
      "schema": "trigger-atlas/self-care", "version": 1,
      "items": [{"id": "a", "muscles": ["trapezius-upper"], "text": "Stretch.", "dose": "30 s",
                 "sources": ["S1"], "confidence": "M"}],
      "safety": [{"id": "no-deep-work-during-migraine-attack", "rule": "No deep work.", "client": "Rest.",
                  "sources": ["S56"], "confidence": "L"}]
    })");
}

std::string errorOf(const nlohmann::json& doc)
{
    try {
        SelfCareLibrary::fromJson(doc, "self-care.json");
    } catch (const ValidationError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(ReportSelfCare, ShippedFileCoversTheNeckAndShoulderMuscles)
{
    const SelfCareLibrary lib = SelfCareLibrary::load(kFile);
    for (const char* muscle : {"trapezius-upper", "levator-scapulae", "sternocleidomastoid", "suboccipitals",
                               "scalenus-anterior", "scalenus-medius", "pectoralis-major"}) {
        const auto items = lib.forMuscle(muscle);
        EXPECT_FALSE(items.empty()) << muscle;
        for (const SelfCareItem& it : items) {
            EXPECT_FALSE(it.sources.empty()) << it.id;
            EXPECT_TRUE(it.confidence == "H" || it.confidence == "M" || it.confidence == "L" || it.confidence == "M/L")
                << it.id;
        }
    }
    EXPECT_TRUE(lib.forMuscle("no-such-muscle").empty());
    const auto trap = lib.forMuscle("trapezius-upper");
    ASSERT_GE(trap.size(), 2u);
    EXPECT_EQ(trap[0].id, "upper-trapezius-shower-stretch");
    EXPECT_EQ(trap[0].sources, std::vector<std::string>{"S1"});
    EXPECT_EQ(trap[1].confidence, "L"); // the Davies self-massage rules are blog-level (S48)

    const SafetyRule* migraine = lib.rule(SelfCareLibrary::kMigraineRule);
    ASSERT_NE(migraine, nullptr);
    EXPECT_NE(migraine->rule.find("migraine"), std::string::npos);
    EXPECT_EQ(migraine->sources, std::vector<std::string>{"S56"});
    EXPECT_EQ(migraine->confidence, "L");
    const auto cautions = lib.clientCautions();
    EXPECT_NE(std::find(cautions.begin(), cautions.end(), migraine->client), cautions.end());
    EXPECT_EQ(lib.rule("nonexistent"), nullptr);
    ASSERT_NE(lib.rule("cervical-artery-signs"), nullptr);
    EXPECT_EQ(lib.rule("cervical-artery-signs")->confidence, "M/L"); // the sheet's range, kept
    EXPECT_TRUE(lib.rule("cervical-artery-signs")->client.empty()) << "a therapist rule, not for the handout";
}

TEST(ReportSelfCare, RefusesBrokenFilesNamingFileAndKey)
{
    EXPECT_EQ(errorOf(minimal()), "(no error)");

    auto doc = minimal();
    doc["items"][0]["confidence"] = "X";
    EXPECT_NE(errorOf(doc).find("self-care.json: items[0].confidence"), std::string::npos) << errorOf(doc);
    doc["items"][0]["confidence"] = "M/";
    EXPECT_NE(errorOf(doc).find("items[0].confidence"), std::string::npos) << errorOf(doc);

    doc = minimal();
    doc["items"][0].erase("sources");
    EXPECT_NE(errorOf(doc).find("items[0].sources: missing"), std::string::npos) << errorOf(doc);

    doc = minimal();
    doc["items"][0]["sources"] = nlohmann::json::array({"Smith 2001"});
    EXPECT_NE(errorOf(doc).find("items[0].sources[0]"), std::string::npos) << errorOf(doc);

    doc = minimal();
    doc["items"][0]["muscles"] = nlohmann::json::array();
    EXPECT_NE(errorOf(doc).find("items[0].muscles"), std::string::npos) << errorOf(doc);

    doc = minimal();
    doc["items"].push_back(doc["items"][0]);
    EXPECT_NE(errorOf(doc).find("items[1].id: duplicate"), std::string::npos) << errorOf(doc);

    doc = minimal();
    doc["safety"] = nlohmann::json::array();
    EXPECT_NE(errorOf(doc).find("migraine"), std::string::npos) << errorOf(doc);

    doc = minimal();
    doc["schema"] = "trigger-atlas/regions";
    EXPECT_NE(errorOf(doc).find("self-care.json: schema"), std::string::npos) << errorOf(doc);

    EXPECT_THROW(SelfCareLibrary::load("/nonexistent/self-care.json"), IoError);
}

TEST(ReportSelfCare, FillsAHandoutInMuscleOrderWithoutRepeats)
{
    const SelfCareLibrary lib = SelfCareLibrary::load(kFile);
    HandoutData h;
    h.selfCare = {{"stale", ""}};
    // The suboccipital stretch is shared with semispinalis: it must appear once.
    const std::vector<std::string> muscles = {"suboccipitals", "semispinalis-capitis", "levator-scapulae"};
    fillSelfCare(h, lib, muscles, 10);
    ASSERT_EQ(h.selfCare.size(), 3u);
    EXPECT_EQ(h.selfCare[0].text, lib.forMuscle("suboccipitals")[0].text);
    EXPECT_EQ(h.selfCare[2].text, lib.forMuscle("levator-scapulae")[0].text);
    EXPECT_EQ(h.cautions, lib.clientCautions());
    ASSERT_NE(lib.rule(SelfCareLibrary::kMigraineRule), nullptr);
    EXPECT_NE(std::find(h.cautions.begin(), h.cautions.end(), lib.rule(SelfCareLibrary::kMigraineRule)->client),
              h.cautions.end());
    fillSelfCare(h, lib, muscles, 2);
    EXPECT_EQ(h.selfCare.size(), 2u);
}
