// The muscle specification loader: the committed spec loads, and every kind of damage is reported as
// one error naming the file and the key.
#include "core/anatomy/muscle_spec.h"
#include "core/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

using ta::core::anatomy::loadMuscleSpec;
using ta::core::anatomy::MuscleSpec;
using ta::core::anatomy::parseMuscleSpec;

std::filesystem::path specPath()
{
    return std::filesystem::path(TA_TEST_DIR) / ".." / "assets" / "anatomy" / "muscles.json";
}

/// A minimal valid spec with one muscle; `muscleExtra` is spliced into the muscle object.
std::string minimalSpec(const std::string& muscleExtra = "", const std::string& stations = "")
{
    const std::string st = stations.empty()
                               ? R"([{"points": [[0, 1400, 0], [10, 1400, 0]], "thickness": 2},
                                    {"points": [[0, 1450, 0], [10, 1450, 0]], "thickness": 3}])"
                               : stations;
    return R"({"version": 1, "units": "mm", "muscles": [{
        "id": "test-muscle", "name": "{Side} test muscle", "latin": "Musculus testis",
        "fma": {"left": "FMA1", "right": ""}, "layer": "deep", "origin": "here", "insertion": "there",
        "stations": )" + st + muscleExtra + "}]}";
}

std::string errorOf(const std::string& text)
{
    try {
        (void)parseMuscleSpec(text, "broken-muscles.json");
    } catch (const ta::Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(MuscleSpec, CommittedSpecLoadsWithEveryMuscleOfTheBrief)
{
    const MuscleSpec spec = loadMuscleSpec(specPath());
    EXPECT_EQ(spec.version, 1);
    for (const char* id : {"trapezius-descending", "trapezius-transverse", "trapezius-ascending", "levator-scapulae",
                           "sternocleidomastoid-sternal", "sternocleidomastoid-clavicular",
                           "rectus-capitis-posterior-major", "rectus-capitis-posterior-minor",
                           "obliquus-capitis-superior", "obliquus-capitis-inferior", "splenius-capitis",
                           "splenius-cervicis", "semispinalis-capitis", "scalenus-anterior", "scalenus-medius",
                           "scalenus-posterior", "temporalis", "masseter-superficial", "masseter-deep", "frontalis",
                           "occipitalis", "digastric-anterior", "digastric-posterior", "rhomboid-major",
                           "rhomboid-minor", "supraspinatus", "infraspinatus"})
        EXPECT_NE(spec.find(id), nullptr) << id;
    EXPECT_EQ(spec.muscles.size(), 27u);
}

TEST(MuscleSpec, LayersAndIdsFollowTheSharedContract)
{
    using ta::core::Layer;
    const MuscleSpec spec = loadMuscleSpec(specPath());
    EXPECT_EQ(spec.find("rectus-capitis-posterior-major")->layer, Layer::Deep);
    EXPECT_EQ(spec.find("obliquus-capitis-inferior")->layer, Layer::Deep);
    EXPECT_EQ(spec.find("levator-scapulae")->layer, Layer::Intermediate);
    EXPECT_EQ(spec.find("splenius-capitis")->layer, Layer::Intermediate);
    EXPECT_EQ(spec.find("digastric-posterior")->layer, Layer::Intermediate);
    EXPECT_EQ(spec.find("trapezius-descending")->layer, Layer::Superficial);
    EXPECT_EQ(spec.find("infraspinatus")->layer, Layer::Superficial);
    EXPECT_EQ(spec.find("masseter-deep")->layer, Layer::Superficial);
    const auto* t = spec.find("trapezius-descending");
    EXPECT_EQ(t->nameLeft, "Descending part of left trapezius");
    EXPECT_EQ(t->latin, "Pars descendens musculi trapezii");
    EXPECT_EQ(t->fmaLeft, "FMA33587");
    EXPECT_EQ(t->fmaRight, "FMA33586");
    EXPECT_EQ(spec.find("levator-scapulae")->nameRight, "Right levator scapulae");
}

TEST(MuscleSpec, MillimetresBecomeMetres)
{
    const MuscleSpec spec = parseMuscleSpec(minimalSpec(), "m.json");
    ASSERT_EQ(spec.muscles.size(), 1u);
    const auto& st = spec.muscles[0].stations;
    ASSERT_EQ(st.size(), 2u);
    EXPECT_FLOAT_EQ(st[1].points[0].y, 1.45f);
    EXPECT_FLOAT_EQ(st[0].points[1].x, 0.010f);
    EXPECT_FLOAT_EQ(st[1].thickness, 0.003f);
    EXPECT_EQ(spec.muscles[0].nameLeft, "Left test muscle");
}

TEST(MuscleSpec, MissingFileIsAnIoErrorNamingIt)
{
    try {
        (void)loadMuscleSpec("/nonexistent/dir/muscles.json");
        FAIL() << "no error";
    } catch (const ta::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/muscles.json"), std::string::npos) << e.what();
    }
}

TEST(MuscleSpec, DamagedJsonIsAParseErrorNamingTheFile)
{
    const std::string text = minimalSpec();
    try {
        (void)parseMuscleSpec(text.substr(0, text.size() / 2), "broken-muscles.json");
        FAIL() << "no error";
    } catch (const ta::ParseError& e) {
        EXPECT_NE(std::string(e.what()).find("broken-muscles.json"), std::string::npos) << e.what();
    }
}

TEST(MuscleSpec, SchemaErrorsNameFileAndKey)
{
    struct Case {
        std::string text;
        std::string key;
    };
    std::string wrongVersion = minimalSpec();
    wrongVersion.replace(wrongVersion.find("\"version\": 1"), 12, "\"version\": 7");
    std::string noName = minimalSpec();
    noName.replace(noName.find("\"name\""), 6, "\"nom\"");
    std::string badLayer = minimalSpec();
    badLayer.replace(badLayer.find("\"deep\""), 6, "\"bone\"");
    std::string badFma = minimalSpec();
    badFma.replace(badFma.find("\"FMA1\""), 6, "\"X123\"");
    const Case cases[] = {
        {wrongVersion, "version"},
        {noName, "muscles[0].name"},
        {badLayer, "muscles[0].layer"},
        {badFma, "muscles[0].fma.left"},
        {minimalSpec(", \"edgeRatio\": 2"), "muscles[0].edgeRatio"},
        {minimalSpec(", \"samples\": [2, 5]"), "muscles[0].samples"},
        {minimalSpec("", R"([{"points": [[0, 1400, 0], [10, 1400, 0]], "thickness": 2}])"), "muscles[0].stations"},
        {minimalSpec("", R"([{"points": [[0, 1400, 0], [10, 1400, 0]], "thickness": 2},
                             {"points": [[0, 1450, 0], [10, 1450]], "thickness": 3}])"),
         "muscles[0].stations[1].points[1]"},
        {minimalSpec("", R"([{"points": [[0, 1400, 0], [10, 1400, 0]], "thickness": -1},
                             {"points": [[0, 1450, 0], [10, 1450, 0]], "thickness": 3}])"),
         "muscles[0].stations[0].thickness"},
        {minimalSpec("", R"([{"points": [[0, 1400, 0], [0, 1400, 0]], "thickness": 1},
                             {"points": [[0, 1450, 0], [10, 1450, 0]], "thickness": 3}])"),
         "muscles[0].stations[0].points"},
    };
    for (const auto& c : cases) {
        const std::string msg = errorOf(c.text);
        EXPECT_NE(msg.find("broken-muscles.json"), std::string::npos) << msg;
        EXPECT_NE(msg.find(c.key), std::string::npos) << "expected key " << c.key << " in: " << msg;
    }
}

TEST(MuscleSpec, DuplicateIdsAreRejected)
{
    std::string text = minimalSpec();
    const auto start = text.find("{\n        \"id\"");
    ASSERT_NE(start, std::string::npos);
    const std::string muscle = text.substr(start, text.size() - 2 - start);
    text.insert(text.size() - 2, ", " + muscle);
    const std::string msg = errorOf(text);
    EXPECT_NE(msg.find("muscles[1].id"), std::string::npos) << msg;
    EXPECT_NE(msg.find("twice"), std::string::npos) << msg;
}

} // namespace
