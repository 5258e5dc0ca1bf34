// The explore options end to end (--select, --layers, --tags, --presentation with --screenshot) on a model
// the test writes: bad values give one clear line naming the value; presentation mode draws its caption.
#include "gpu_fixture.h"
#include "test_scene.h"

#include "core/bodymap/body_map_json.h"
#include "io/gltf_writer.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

using namespace ta;

namespace {

std::filesystem::path workDir()
{
    const std::filesystem::path dir = std::filesystem::path(TA_BUILD_DIR) / "test-renders" / "explore-cli";
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path testModel()
{
    const std::filesystem::path file = workDir() / "scene.glb";
    if (!std::filesystem::exists(file))
        io::saveModel(ta::testing::makeTestModel(), file);
    return file;
}

int runApp(const std::string& args, std::string& output)
{
    // HOME points into the build tree so no test reads or writes the user's settings.
    const std::string command = "HOME=\"" + workDir().string() + "\" XDG_CONFIG_HOME= \"" + TA_APP_EXE + "\" --model \"" +
                                testModel().string() + "\" " + args;
    return ta::testing::runLogged(command, workDir() / (ta::testing::currentTestName() + ".log"), output);
}

int lines(const std::string& s)
{
    int n = 0;
    for (char c : s)
        n += c == '\n';
    return n;
}

/// Near-white pixels in the bottom fifth of the image, middle half of the width (caption text).
int brightInCaptionBand(const io::RgbaImage& img)
{
    int n = 0;
    for (int y = img.height * 4 / 5; y < img.height; ++y)
        for (int x = img.width / 4; x < img.width * 3 / 4; ++x) {
            const auto* p = img.at(x, y);
            n += p[0] > 220 && p[1] > 220 && p[2] > 220;
        }
    return n;
}

} // namespace

TEST(ExploreCli, BadValuesGiveOneLineNamingThem)
{
    TA_REQUIRE_GL();
    const std::string shot = (workDir() / "bad.png").string();
    std::string out;
    EXPECT_NE(runApp("--screenshot " + shot + " --select trapezius-descending-lft", out), 0);
    EXPECT_NE(out.find("--select: unknown structure \"trapezius-descending-lft\""), std::string::npos) << out;
    EXPECT_NE(out.find("trapezius-descending-left"), std::string::npos) << "no suggestion: " << out;
    EXPECT_EQ(lines(out), 1) << out;

    EXPECT_NE(runApp("--screenshot " + shot + " --layers skin,teeth", out), 0);
    EXPECT_NE(out.find("--layers: unknown layer \"teeth\""), std::string::npos) << out;
    EXPECT_EQ(lines(out), 1) << out;

    const std::filesystem::path damaged = workDir() / "damaged.json";
    std::ofstream(damaged) << R"({"format": "trigger-atlas-body-map", "schemaVersion": 1, "sessions": [{"date": "2026-11-22", "tags": [{"id": 1}]}]})";
    EXPECT_NE(runApp("--screenshot " + shot + " --tags " + damaged.string(), out), 0);
    EXPECT_NE(out.find(damaged.string()), std::string::npos) << out;
    EXPECT_NE(out.find("sessions[0].tags[0].structure: missing"), std::string::npos) << out;
    EXPECT_EQ(lines(out), 1) << out;
    EXPECT_FALSE(std::filesystem::exists(shot));
}

TEST(ExploreCli, PresentationScreenshotShowsTheCaption)
{
    TA_REQUIRE_GL();
    const std::string plain = (workDir() / "plain.png").string();
    const std::string presenting = (workDir() / "presenting.png").string();
    std::string out;
    ASSERT_EQ(runApp("--screenshot " + plain + " --size 480x300 --view posterior --select trapezius-descending-left", out), 0) << out;
    ASSERT_EQ(runApp("--screenshot " + presenting +
                         " --size 480x300 --view posterior --select trapezius-descending-left --presentation --layers superficial,bone",
                     out), 0) << out;
    const io::RgbaImage a = io::readPng(plain);
    const io::RgbaImage b = io::readPng(presenting);
    EXPECT_LT(brightInCaptionBand(a), 5);
    EXPECT_GT(brightInCaptionBand(b), 40); // white caption letters
}

TEST(ExploreCli, TagsFileOpensAndIsDrawn)
{
    TA_REQUIRE_GL();
    core::BodyMap map;
    map.client = "Test client";
    map.addTag("2026-11-22", {.structure = "trapezius-descending-left", .position = {0.14f, 1.45f, -0.0741f}, .severity = 8});
    const std::filesystem::path file = workDir() / "client.json";
    core::saveBodyMap(map, file);
    const std::string without = (workDir() / "notags.png").string();
    const std::string with = (workDir() / "tags.png").string();
    std::string out;
    const std::string view = " --size 480x300 --view posterior --layers superficial,bone --select trapezius-descending-left";
    ASSERT_EQ(runApp("--screenshot " + without + view, out), 0) << out;
    ASSERT_EQ(runApp("--screenshot " + with + view + " --tags " + file.string(), out), 0) << out;
    // The active tag is an orange marker drawn over the skin: orange pixels appear that were not there.
    auto orange = [](const io::RgbaImage& img) {
        int n = 0;
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x) {
                const auto* p = img.at(x, y);
                n += p[0] > 180 && p[1] > 60 && p[1] < 200 && p[0] > p[2] + 110 && p[1] > p[2] + 40;
            }
        return n;
    };
    EXPECT_GT(orange(io::readPng(with)), orange(io::readPng(without)) + 5);
}
