// Settings: XDG path, round trip, forgiving reads that name the bad key, atomic writes.
#include "core/settings/settings_file.h"

#include "core/read_file.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace {

using namespace ta::core;
namespace fs = std::filesystem;

/// Sets an environment variable for one test and restores it after.
class EnvGuard {
public:
    EnvGuard(const char* name, const char* value) : m_name(name)
    {
        if (const char* old = std::getenv(name))
            m_old = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~EnvGuard()
    {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("ta-settings-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

TEST(SettingsFile, PathFollowsXdgThenHome)
{
    {
        EnvGuard xdg("XDG_CONFIG_HOME", "/tmp/xdg-test");
        EXPECT_EQ(defaultSettingsPath(), fs::path("/tmp/xdg-test/trigger-atlas/settings.json"));
    }
    {
        EnvGuard xdg("XDG_CONFIG_HOME", "relative/ignored");
        EnvGuard home("HOME", "/home/tester");
        EXPECT_EQ(defaultSettingsPath(), fs::path("/home/tester/.config/trigger-atlas/settings.json"));
    }
    {
        EnvGuard xdg("XDG_CONFIG_HOME", nullptr);
        EnvGuard home("HOME", "/home/tester");
        EXPECT_EQ(defaultSettingsPath(), fs::path("/home/tester/.config/trigger-atlas/settings.json"));
    }
    {
        EnvGuard xdg("XDG_CONFIG_HOME", nullptr);
        EnvGuard home("HOME", nullptr);
        EXPECT_FALSE(defaultSettingsPath().has_value());
    }
}

Settings changed()
{
    Settings s;
    s.window = {10, 20, 1280, 720, true};
    s.layer(Layer::Skin).visible = false;
    s.layer(Layer::Superficial).opacity = 0.25f;
    s.ghost = true;
    s.showLandmarks = true;
    s.uiScale = 1.5f;
    s.imguiLayout = "[Window][Layers]\nPos=0,20\n";
    s.addRecent("/data/a.json");
    s.addRecent("/data/b.json");
    s.lastClient = "0f8a3c5e-2b7d-4e1f-9a6c-3d2e1f0a9b8c";
    return s;
}

TEST(SettingsFile, RoundTripThroughDisk)
{
    TempDir dir;
    const fs::path file = dir.path / "trigger-atlas" / "settings.json";
    saveSettings(changed(), file);
    const SettingsLoad back = loadSettings(file);
    EXPECT_TRUE(back.warnings.empty());
    EXPECT_EQ(back.settings, changed());
    EXPECT_EQ(back.settings.recentBodyMaps.front(), "/data/b.json");
    EXPECT_NE(back.settings, Settings{});
}

TEST(SettingsFile, MissingFileGivesDefaultsSilently)
{
    const SettingsLoad s = loadSettings("/nonexistent/settings.json");
    EXPECT_TRUE(s.warnings.empty());
    EXPECT_EQ(s.settings, Settings{});
}

TEST(SettingsFile, DamagedFileGivesDefaultsAndAWarningNamingIt)
{
    TempDir dir;
    const fs::path file = dir.path / "settings.json";
    std::ofstream(file) << "{ \"ghost\": tru";
    const SettingsLoad s = loadSettings(file);
    EXPECT_EQ(s.settings, Settings{});
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_NE(s.warnings[0].find(file.string()), std::string::npos);
    // Saving afterwards keeps the damaged file as .bak for the curious.
    saveSettings(Settings{}, file);
    EXPECT_EQ(readTextFile(dir.path / "settings.json.bak"), "{ \"ghost\": tru");
}

TEST(SettingsFile, BadValuesFallBackOneByOne)
{
    const SettingsLoad s = settingsFromJson(R"({
        "window": {"width": 50, "height": 900},
        "layers": {"skin": {"visible": "no", "opacity": 0.5}, "bone": {"opacity": 7}},
        "ghost": true, "uiScale": "big", "recentBodyMaps": ["/x.json", 3, "/y.json", "/x.json"]})",
                                            "settings.json");
    EXPECT_EQ(s.settings.window.width, 1600);  // default kept
    EXPECT_EQ(s.settings.window.height, 900);  // good value read
    EXPECT_TRUE(s.settings.layer(Layer::Skin).visible);
    EXPECT_FLOAT_EQ(s.settings.layer(Layer::Skin).opacity, 0.5f);
    EXPECT_FLOAT_EQ(s.settings.layer(Layer::Bone).opacity, 1.0f);
    EXPECT_TRUE(s.settings.ghost);
    EXPECT_FLOAT_EQ(s.settings.uiScale, 1.0f);
    EXPECT_EQ(s.settings.recentBodyMaps, (std::vector<std::string>{"/x.json", "/y.json"}));
    ASSERT_EQ(s.warnings.size(), 4u);
    EXPECT_EQ(s.warnings[0], "settings.json: window.width: must be an integer 320 to 16384, got 50; using the default");
    EXPECT_NE(s.warnings[1].find("layers.skin.visible"), std::string::npos);
    EXPECT_NE(s.warnings[2].find("layers.bone.opacity"), std::string::npos);
    EXPECT_NE(s.warnings[3].find("uiScale"), std::string::npos);
}

TEST(SettingsFile, RecentListIsBoundedAndDeduplicated)
{
    Settings s;
    for (int i = 0; i < 12; ++i)
        s.addRecent("/f" + std::to_string(i));
    s.addRecent("/f5");
    s.addRecent("");
    ASSERT_EQ(s.recentBodyMaps.size(), Settings::kMaxRecent);
    EXPECT_EQ(s.recentBodyMaps[0], "/f5");
    EXPECT_EQ(s.recentBodyMaps[1], "/f11");
    EXPECT_EQ(std::count(s.recentBodyMaps.begin(), s.recentBodyMaps.end(), "/f5"), 1);
}

TEST(SettingsFile, RemembersTheModelAndTheRecentModels)
{
    TempDir dir;
    const fs::path file = dir.path / "trigger-atlas" / "settings.json";
    Settings s;
    s.rememberModel("/models/a.glb");
    s.rememberModel("/models/b.glb");
    s.rememberModel("/models/a.glb");
    s.rememberModel(""); // the built-in model: remembered as none, the recent list keeps the files
    s.rememberModel("/models/c.glb");
    saveSettings(s, file);
    const SettingsLoad back = loadSettings(file);
    EXPECT_TRUE(back.warnings.empty());
    EXPECT_EQ(back.settings.lastModel, "/models/c.glb");
    EXPECT_EQ(back.settings.recentModels, (std::vector<std::string>{"/models/c.glb", "/models/a.glb", "/models/b.glb"}));
    EXPECT_EQ(back.settings, s);

    for (int i = 0; i < 12; ++i)
        s.rememberModel("/m" + std::to_string(i) + ".glb");
    EXPECT_EQ(s.recentModels.size(), Settings::kMaxRecent);
    EXPECT_EQ(s.recentModels.front(), "/m11.glb");

    s.rememberModel("");
    EXPECT_TRUE(s.lastModel.empty());
    EXPECT_EQ(s.recentModels.front(), "/m11.glb");
}

TEST(SettingsFile, BadModelEntriesFallBackNamingTheKey)
{
    const SettingsLoad load =
        settingsFromJson(R"({"version": 1, "lastModel": 7, "recentModels": "a.glb", "ghost": true})", "s.json");
    EXPECT_TRUE(load.settings.lastModel.empty());
    EXPECT_TRUE(load.settings.recentModels.empty());
    EXPECT_TRUE(load.settings.ghost) << "the rest still read";
    ASSERT_EQ(load.warnings.size(), 2u);
    EXPECT_NE(load.warnings[0].find("s.json: recentModels"), std::string::npos) << load.warnings[0];
    EXPECT_NE(load.warnings[1].find("s.json: lastModel"), std::string::npos) << load.warnings[1];
}

} // namespace
