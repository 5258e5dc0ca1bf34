#pragma once
// Shared set-up for GPU tests: one headless context for the whole test program, image comparison
// against baselines in tests/baselines, and helpers to read pixels.
#include "io/asset_paths.h"
#include "io/png_image.h"
#include "render/gl_context.h"
#include "test_model_path.h"

#include <glm/glm.hpp>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace ta::testing {

/// The process-wide headless context; nullptr when none can be made (then tests skip loudly).
inline render::GlContext* sharedContext(std::string* why = nullptr)
{
    static std::string reason;
    static std::unique_ptr<render::GlContext> context = render::createHeadlessContext(&reason);
    if (why)
        *why = reason;
    if (context)
        context->makeCurrent();
    return context.get();
}

#define TA_REQUIRE_GL()                                                                                        \
    do {                                                                                                       \
        std::string whyNoGl;                                                                                   \
        if (!::ta::testing::sharedContext(&whyNoGl))                                                            \
            GTEST_SKIP() << "SKIPPED LOUDLY: no OpenGL 4.1 context (EGL surfaceless, EGL device or hidden "     \
                            "GLFW window) could be created: "                                                  \
                         << whyNoGl;                                                                           \
    } while (false)

struct ImageDifference {
    double meanAbs = 0.0;        ///< mean absolute channel difference, 0..255
    double fractionOver = 0.0;   ///< share of pixels whose largest channel difference exceeds the threshold
};

inline ImageDifference compareImages(const io::RgbaImage& a, const io::RgbaImage& b, int threshold = 40)
{
    ImageDifference d;
    if (a.width != b.width || a.height != b.height) {
        d.meanAbs = 255.0;
        d.fractionOver = 1.0;
        return d;
    }
    std::size_t over = 0;
    double sum = 0.0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            int worst = 0;
            for (int c = 0; c < 3; ++c) {
                const int diff = std::abs(int(a.at(x, y)[c]) - int(b.at(x, y)[c]));
                sum += diff;
                worst = std::max(worst, diff);
            }
            over += worst > threshold ? 1 : 0;
        }
    const double pixels = static_cast<double>(a.width) * a.height;
    d.meanAbs = sum / (pixels * 3.0);
    d.fractionOver = static_cast<double>(over) / pixels;
    return d;
}

/// Compare a render with tests/baselines/<name>.png. A missing baseline is written to the build tree and
/// the test fails saying where it went: baselines are made deliberately, by copying that file.
inline void expectMatchesBaseline(const io::RgbaImage& image, const std::string& name)
{
    const std::filesystem::path baseline = std::filesystem::path(TA_TEST_DIR) / "baselines" / (name + ".png");
    const std::filesystem::path outDir = std::filesystem::path(TA_BUILD_DIR) / "test-renders";
    std::filesystem::create_directories(outDir);
    const std::filesystem::path actual = outDir / (name + ".png");
    io::writePng(image, actual);
    if (!std::filesystem::exists(baseline)) {
        FAIL() << "no baseline " << baseline << "; this render was written to " << actual
               << " - look at it, and if it is right copy it there and commit it";
    }
    const io::RgbaImage expected = io::readPng(baseline);
    ASSERT_EQ(expected.width, image.width) << baseline;
    ASSERT_EQ(expected.height, image.height) << baseline;
    const ImageDifference d = compareImages(image, expected);
    // Tolerant of driver rounding and dithering, not of a moved, recoloured or missing structure.
    EXPECT_LT(d.meanAbs, 2.0) << name << ": mean difference too large; render at " << actual;
    EXPECT_LT(d.fractionOver, 0.005) << name << ": too many pixels differ; render at " << actual;
}

/// Average colour of a (2r+1)^2 block around (x, y).
inline glm::vec3 averageRgb(const io::RgbaImage& image, int x, int y, int r = 1)
{
    glm::vec3 sum(0.0f);
    int n = 0;
    for (int yy = y - r; yy <= y + r; ++yy)
        for (int xx = x - r; xx <= x + r; ++xx)
            if (xx >= 0 && yy >= 0 && xx < image.width && yy < image.height) {
                const std::uint8_t* p = image.at(xx, yy);
                sum += glm::vec3(p[0], p[1], p[2]);
                ++n;
            }
    return n ? sum / static_cast<float>(n) : sum;
}

/// Runs `command` in a shell with stdout and stderr to `log` (one file per test, so ctest -j is safe);
/// `output` gets what it printed. Returns the exit status, -1 when it did not exit normally.
inline int runLogged(const std::string& command, const std::filesystem::path& log, std::string& output)
{
    const int status = std::system((command + " > \"" + log.string() + "\" 2>&1").c_str());
    std::ifstream in(log);
    std::stringstream s;
    s << in.rdbuf();
    output = s.str();
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// "Suite.Name" of the running test, for file names.
/// The committed model, or the one TRIGGER_ATLAS_TEST_MODEL names.
inline std::string currentTestName()
{
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    return info ? std::string(info->test_suite_name()) + "." + info->name() : std::string("no-test");
}

} // namespace ta::testing
