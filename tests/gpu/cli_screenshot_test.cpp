// The off-screen command line end to end: a model the test writes, `--screenshot` at a given size and view.
#include "gpu_fixture.h"
#include "test_scene.h"

#include "io/gltf_writer.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace ta;

namespace {

std::filesystem::path testDir()
{
    const std::filesystem::path dir = std::filesystem::path(TA_BUILD_DIR) / "test-renders";
    std::filesystem::create_directories(dir);
    return dir;
}

int runApp(const std::string& args, std::string& output)
{
    return ta::testing::runLogged(std::string("\"") + TA_APP_EXE + "\" " + args,
                                  testDir() / (ta::testing::currentTestName() + ".log"), output);
}

} // namespace

TEST(GpuCli, ScreenshotWritesAnImageOfTheRequestedSize)
{
    TA_REQUIRE_GL();
    const std::filesystem::path model = testDir() / "test_scene.glb";
    io::saveModel(ta::testing::makeTestModel(), model);
    const std::filesystem::path png = testDir() / "cli_posterior.png";
    std::filesystem::remove(png);
    std::string output;
    const int code = runApp("--screenshot \"" + png.string() + "\" --view posterior --size 240x150 --model \"" +
                                model.string() + "\"",
                            output);
    ASSERT_EQ(code, 0) << output;
    const io::RgbaImage image = io::readPng(png);
    EXPECT_EQ(image.width, 240);
    EXPECT_EQ(image.height, 150);
    // The model is in the middle; the corners are background.
    const glm::vec3 centre = ta::testing::averageRgb(image, 120, 75, 2);
    const glm::vec3 corner = ta::testing::averageRgb(image, 2, 2, 2);
    EXPECT_GT(glm::length(centre - corner), 60.0f) << "nothing drawn in the middle of the image";
}
