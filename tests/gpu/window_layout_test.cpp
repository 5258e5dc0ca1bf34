// --screenshot-window (issue 18): the whole window, panels included, rendered off screen at 1280x720,
// 1600x1000 and 3840x2160; the panel rectangles it reports lie inside the image and do not overlap, and
// the picture is not just the 3D view (the panels are drawn).
#include "gpu_fixture.h"

#include "io/png_image.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

using namespace ta;

namespace {

std::filesystem::path workDir()
{
    const std::filesystem::path dir = std::filesystem::path(TA_BUILD_DIR) / "test-renders" / "window-layout";
    std::filesystem::create_directories(dir);
    return dir;
}

struct Rect {
    std::string name;
    float x, y, w, h;
};

bool overlap(const Rect& a, const Rect& b)
{
    return a.x < b.x + b.w - 0.5f && b.x < a.x + a.w - 0.5f && a.y < b.y + b.h - 0.5f && b.y < a.y + a.h - 0.5f;
}

} // namespace

TEST(WindowLayout, PanelsFitWithoutOverlapAtThreeSizes)
{
    TA_REQUIRE_GL();
    for (const char* size : {"1280x720", "1600x1000", "3840x2160"}) {
        SCOPED_TRACE(size);
        const auto png = workDir() / (std::string("window-") + size + ".png");
        const auto json = workDir() / (std::string("window-") + size + ".json");
        std::filesystem::remove(png);
        const std::string command = "HOME=\"" + workDir().string() + "\" XDG_CONFIG_HOME= \"" + TA_APP_EXE +
                                    "\" --screenshot-window \"" + png.string() + "\" --layout-json \"" + json.string() +
                                    "\" --size " + size + " --select trapezius-descending-left";
        std::string out;
        ASSERT_EQ(ta::testing::runLogged(command, workDir() / (std::string("run-") + size + ".log"), out), 0) << out;
        const io::RgbaImage image = io::readPng(png);
        const nlohmann::json doc = nlohmann::json::parse(std::ifstream(json));
        EXPECT_EQ(doc["width"].get<int>(), image.width);
        std::vector<Rect> panels;
        for (const auto& w : doc["windows"])
            panels.push_back({w["name"], w["x"], w["y"], w["w"], w["h"]});
        std::set<std::string> names;
        for (const auto& p : panels)
            names.insert(p.name);
        for (const char* expected : {"Layers", "Info", "Trigger points", "bodymap", "client", "##find", "##status", "##MainMenuBar"})
            EXPECT_TRUE(names.count(expected)) << expected << " was not drawn";
        for (std::size_t i = 0; i < panels.size(); ++i) {
            const Rect& a = panels[i];
            EXPECT_GE(a.x, 0.0f) << a.name;
            EXPECT_GE(a.y, 0.0f) << a.name;
            EXPECT_LE(a.x + a.w, image.width + 0.5f) << a.name << " is cut off at the right";
            EXPECT_LE(a.y + a.h, image.height + 0.5f) << a.name << " is cut off at the bottom";
            for (std::size_t j = i + 1; j < panels.size(); ++j)
                EXPECT_FALSE(overlap(a, panels[j])) << a.name << " overlaps " << panels[j].name;
        }
        // The panels are in the picture: the Layers panel's corner is the panel colour, not the view.
        const auto layers = std::find_if(panels.begin(), panels.end(), [](const Rect& r) { return r.name == "Layers"; });
        ASSERT_NE(layers, panels.end());
        const glm::vec3 c = ta::testing::averageRgb(image, static_cast<int>(layers->x + 0.5f * layers->w),
                                                    static_cast<int>(layers->y + layers->h - 6), 2);
        EXPECT_LT(glm::length(c - glm::vec3(0.09f * 255, 0.10f * 255, 0.12f * 255)), 40.0f) << "no panel drawn there";
    }
}
