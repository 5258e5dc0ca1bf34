// The muscle specification loader: the committed spec loads, names its shape by landmarks with a few
// figures per muscle, and every kind of damage is reported as one error naming the file and the key.
#include "core/anatomy/anatomy_spec.h"
#include "core/anatomy/muscle_spec.h"
#include "core/error.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace {

using ta::core::anatomy::AnatomySpec;
using ta::core::anatomy::loadMuscleSpec;
using ta::core::anatomy::resolveStations;
using ta::core::anatomy::shapeFigureCount;
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
                               ? R"([{"at": ["c7-spinous", {"at": "c7-spinous", "offset": [10, 0, 0]}], "thickness": 2},
                                    {"at": [{"at": "inion", "toward": "c7-spinous", "t": 0.25}, "mastoid-tip"], "thickness": 3}])"
                               : stations;
    return R"({"version": 2, "units": "mm", "muscles": [{
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
    EXPECT_EQ(spec.version, 2);
    for (const char* id : {"trapezius-descending", "trapezius-transverse", "trapezius-ascending", "levator-scapulae",
                           "sternocleidomastoid-sternal", "sternocleidomastoid-clavicular",
                           "rectus-capitis-posterior-major", "rectus-capitis-posterior-minor",
                           "obliquus-capitis-superior", "obliquus-capitis-inferior", "splenius-capitis",
                           "splenius-cervicis", "semispinalis-capitis", "scalenus-anterior", "scalenus-medius",
                           "scalenus-posterior", "temporalis", "masseter-superficial", "masseter-deep", "frontalis",
                           "occipitalis", "digastric-anterior", "digastric-posterior", "rhomboid-major",
                           "rhomboid-minor", "supraspinatus", "infraspinatus",
                           // The second fact sheet (trigger-points-more.md).
                           "pectoralis-minor", "pectoralis-major", "lateral-pterygoid", "medial-pterygoid",
                           "zygomaticus-major", "orbicularis-oculi", "platysma", "deltoid", "subscapularis",
                           "teres-minor", "teres-major", "latissimus-dorsi", "serratus-anterior",
                           "serratus-posterior-superior", "subclavius", "buccinator", "multifidi-cervical"})
        EXPECT_NE(spec.find(id), nullptr) << id;
    // Those 44 muscles, and the epicranial aponeurosis between frontalis and occipitalis, built the same way.
    ASSERT_EQ(spec.muscles.size(), 27u + 17u + 1u);
    const auto* galea = spec.find("epicranial-aponeurosis");
    ASSERT_NE(galea, nullptr);
    EXPECT_EQ(galea->kind, ta::core::Kind::Tendon);
    const auto muscles = std::count_if(spec.muscles.begin(), spec.muscles.end(),
                                       [](const auto& m) { return m.kind == ta::core::Kind::Muscle; });
    EXPECT_EQ(muscles, 44);
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
    EXPECT_EQ(spec.find("pectoralis-minor")->layer, Layer::Intermediate); // under pectoralis major
    EXPECT_EQ(spec.find("pectoralis-major")->layer, Layer::Superficial);
    EXPECT_EQ(spec.find("lateral-pterygoid")->layer, Layer::Deep); // deep to the ramus
    EXPECT_EQ(spec.find("medial-pterygoid")->layer, Layer::Deep);
    EXPECT_EQ(spec.find("subscapularis")->layer, Layer::Deep);
    EXPECT_EQ(spec.find("serratus-posterior-superior")->layer, Layer::Deep); // under the rhomboids
    EXPECT_EQ(spec.find("pectoralis-minor")->fmaLeft, "FMA13109");
    EXPECT_EQ(spec.find("pectoralis-minor")->fmaRight, "FMA13109"); // the muscle's own id, the same on both sides
    const auto* t = spec.find("trapezius-descending");
    EXPECT_EQ(t->nameLeft, "Descending part of left trapezius");
    EXPECT_EQ(t->latin, "Pars descendens musculi trapezii");
    EXPECT_EQ(t->fmaLeft, "FMA33587");
    EXPECT_EQ(t->fmaRight, "FMA33586");
    EXPECT_EQ(spec.find("levator-scapulae")->nameRight, "Right levator scapulae");
}

TEST(MuscleSpec, AnchorsResolveOnLandmarksInMetres)
{
    const MuscleSpec spec = parseMuscleSpec(minimalSpec(), "m.json");
    ASSERT_EQ(spec.muscles.size(), 1u);
    const auto& def = spec.muscles[0];
    ASSERT_EQ(def.stationSpecs.size(), 2u);
    EXPECT_FLOAT_EQ(def.stationSpecs[0].anchors[1].offset.x, 0.010f);
    EXPECT_FLOAT_EQ(def.stationSpecs[1].thickness, 0.003f);
    EXPECT_EQ(def.nameLeft, "Left test muscle");

    const glm::vec3 c7(0.0f, 1.38f, 0.02f), inion(0.0f, 1.52f, 0.0f), mastoid(0.04f, 1.50f, 0.07f);
    const auto landmark = [&](const std::string& id) -> std::optional<glm::vec3> {
        if (id == "c7-spinous")
            return c7;
        if (id == "inion")
            return inion;
        if (id == "mastoid-tip")
            return mastoid;
        return std::nullopt;
    };
    const auto st = resolveStations(def, landmark, "m.json");
    ASSERT_EQ(st.size(), 2u);
    EXPECT_EQ(st[0].points[0], c7);
    EXPECT_NEAR(st[0].points[1].x, 0.010f, 1e-6f);
    EXPECT_NEAR(st[1].points[0].y, 1.52f + 0.25f * (1.38f - 1.52f), 1e-6f); // a quarter of the way to C7
    EXPECT_EQ(st[1].points[1], mastoid);
    EXPECT_FLOAT_EQ(st[1].thickness, 0.003f);

    // An anchor on a landmark nobody defined names the muscle, the key and the landmark.
    std::string unknown = minimalSpec();
    unknown.replace(unknown.find("\"mastoid-tip\""), 13, "\"mastoid-tpi\"");
    try {
        (void)resolveStations(parseMuscleSpec(unknown, "m.json").muscles[0], landmark, "m.json");
        FAIL() << "no error";
    } catch (const ta::ValidationError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("m.json"), std::string::npos) << msg;
        EXPECT_NE(msg.find("test-muscle"), std::string::npos) << msg;
        EXPECT_NE(msg.find("stations[1].at[1]"), std::string::npos) << msg;
        EXPECT_NE(msg.find("mastoid-tpi"), std::string::npos) << msg;
    }
}

// The spec may carry figures measured on a specimen, a few per muscle, never a measured surface: every
// anchor names a landmark of landmarks.json, and no muscle needs more than a handful of numbers.
TEST(MuscleSpec, EveryMuscleIsAFewFiguresOnNamedLandmarks)
{
    const auto spec = AnatomySpec::load(std::filesystem::path(TA_TEST_DIR) / ".." / "assets" / "anatomy");
    int total = 0, most = 0;
    for (const auto& def : spec.muscles.muscles) {
        const int n = shapeFigureCount(def);
        total += n;
        most = std::max(most, n);
        EXPECT_LE(n, 45) << def.id;
        EXPECT_LE(def.stationSpecs.size(), 4u) << def.id;
        for (const auto& st : def.stationSpecs)
            for (const auto& a : st.anchors) {
                bool found = false;
                for (const auto& l : spec.landmarks)
                    found = found || l.id == a.landmark || l.id == a.landmark + "-left";
                EXPECT_TRUE(found) << def.id << ": " << a.landmark;
                EXPECT_LE(glm::length(a.offset), 0.040f) << def.id;
            }
    }
    // Version 1 of this file held 1527 numbers for its 27 muscles (measured cross-sections, about 57 each);
    // keep well under half of that per muscle.
    EXPECT_LT(total, 24 * static_cast<int>(spec.muscles.muscles.size())) << "most for one muscle: " << most;
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
    wrongVersion.replace(wrongVersion.find("\"version\": 2"), 12, "\"version\": 7");
    std::string noName = minimalSpec();
    const std::string nameEntry = "\"name\": \"{Side} test muscle\", ";
    noName.erase(noName.find(nameEntry), nameEntry.size());
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
        {minimalSpec(", \"edgeratio\": 0.5"), "muscles[0].edgeratio"},
        {minimalSpec(", \"note\": 5"), "muscles[0].note"},
        {minimalSpec(", \"samples\": [2, 5]"), "muscles[0].samples"},
        {minimalSpec("", R"([{"at": ["c7-spinous", "inion"], "thickness": 2}])"), "muscles[0].stations"},
        {minimalSpec("", R"([{"at": ["c7-spinous", "inion"], "thickness": 2},
                             {"at": ["c7-spinous", {"at": "inion", "offset": [1, 2]}], "thickness": 3}])"),
         "muscles[0].stations[1].at[1].offset"},
        {minimalSpec("", R"([{"at": ["c7-spinous", "inion"], "thickness": -1},
                             {"at": ["c7-spinous", "inion"], "thickness": 3}])"),
         "muscles[0].stations[0].thickness"},
        {minimalSpec("", R"([{"at": ["c7-spinous"], "thickness": 1},
                             {"at": ["c7-spinous", "inion"], "thickness": 3}])"),
         "muscles[0].stations[0].at"},
        {minimalSpec("", R"([{"at": ["c7-spinous", {"at": "inion", "offset": [50, 0, 0]}], "thickness": 1},
                             {"at": ["c7-spinous", "inion"], "thickness": 3}])"),
         "muscles[0].stations[0].at[1].offset"},
        {minimalSpec("", R"([{"at": ["c7-spinous", {"at": "inion", "toward": "c7-spinous", "t": 1.5}], "thickness": 1},
                             {"at": ["c7-spinous", "inion"], "thickness": 3}])"),
         "muscles[0].stations[0].at[1].t"},
        {minimalSpec("", R"([{"at": ["c7-spinous", "Inion!"], "thickness": 1},
                             {"at": ["c7-spinous", "inion"], "thickness": 3}])"),
         "muscles[0].stations[0].at[1]"},
        {minimalSpec(", \"wrap\": {\"over\": []}"), "muscles[0].wrap.over"},
        {minimalSpec(", \"wrap\": {\"over\": [\"c1\"], \"hug\": 99}"), "muscles[0].wrap.hug"},
        {minimalSpec(", \"wrap\": {\"over\": [\"c1\"], \"gp\": 1}"), "muscles[0].wrap.gp"},
        {minimalSpec(", \"belly\": 0"), "muscles[0].belly"},
        {minimalSpec(", \"kind\": \"bone\""), "muscles[0].kind"},
        {minimalSpec(", \"tendons\": {\"end\": \"origin\", \"length\": 0.2}"), "muscles[0].tendons"},
        {minimalSpec(", \"tendons\": [{\"end\": \"middle\", \"length\": 0.2}]"), "muscles[0].tendons[0].end"},
        {minimalSpec(", \"tendons\": [{\"end\": \"origin\", \"length\": 1.5}]"), "muscles[0].tendons[0].length"},
        {minimalSpec(", \"tendons\": [{\"end\": \"origin\"}]"), "muscles[0].tendons[0].length"},
        {minimalSpec(", \"tendons\": [{\"end\": \"origin\", \"length\": 0.2, \"across\": [0.6, 0.4]}]"),
         "muscles[0].tendons[0].across"},
        {minimalSpec(", \"tendons\": [{\"end\": \"origin\", \"length\": 0.2, \"across\": [0.2, 0.4], \"peak\": 0.9}]"),
         "muscles[0].tendons[0].peak"},
        {minimalSpec(", \"tendons\": [{\"end\": \"insertion\", \"length\": 0.2, \"width\": 3}]"),
         "muscles[0].tendons[0].width"},
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
