// Skin tones: names both ways, distinct colours, and the tone remembered in the settings file.
#include "core/settings/settings_file.h"
#include "core/view/skin_tone.h"
#include "session/app_session.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

namespace {

using namespace ta::core;
namespace fs = std::filesystem;

float luminance(glm::vec3 c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; }

} // namespace

TEST(SkinTone, NamesRoundTripAndUnknownNamesAreRefused)
{
    for (SkinTone t : kAllSkinTones)
        EXPECT_EQ(skinToneFromString(toString(t)), t) << toString(t);
    EXPECT_EQ(skinToneFromString("medium"), SkinTone::Medium);
    EXPECT_FALSE(skinToneFromString("Dark"));
    EXPECT_FALSE(skinToneFromString("olive"));
    EXPECT_EQ(nextSkinTone(SkinTone::Light), SkinTone::Medium);
    EXPECT_EQ(nextSkinTone(SkinTone::Dark), SkinTone::Light);
}

TEST(SkinTone, TonesAreClearlyDifferentWarmColours)
{
    EXPECT_GT(luminance(skinToneColour(SkinTone::Light)), 1.5f * luminance(skinToneColour(SkinTone::Medium)));
    EXPECT_GT(luminance(skinToneColour(SkinTone::Medium)), 1.5f * luminance(skinToneColour(SkinTone::Dark)));
    for (SkinTone t : kAllSkinTones) {
        const glm::vec3 c = skinToneColour(t);
        EXPECT_GT(c.x, c.y) << toString(t);
        EXPECT_GT(c.y, c.z) << toString(t);
    }
}

TEST(SkinTone, SettingRoundTripsThroughTheFile)
{
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("ta-skin-tone-" + std::to_string(rd()));
    fs::create_directories(dir);
    const fs::path file = dir / "settings.json";
    EXPECT_EQ(Settings{}.skinTone, SkinTone::Light);
    for (SkinTone t : {SkinTone::Dark, SkinTone::Medium, SkinTone::Light}) {
        Settings s;
        s.skinTone = t;
        saveSettings(s, file);
        const SettingsLoad back = loadSettings(file);
        EXPECT_TRUE(back.warnings.empty());
        EXPECT_EQ(back.settings.skinTone, t) << toString(t);
        EXPECT_EQ(back.settings, s);
    }
    fs::remove_all(dir);
}

TEST(SkinTone, ABadToneInTheFileWarnsAndKeepsTheDefault)
{
    const SettingsLoad load = settingsFromJson(R"({"skinTone": "purple", "ghost": true})", "s.json");
    EXPECT_EQ(load.settings.skinTone, SkinTone::Light);
    EXPECT_TRUE(load.settings.ghost);
    ASSERT_EQ(load.warnings.size(), 1u);
    EXPECT_NE(load.warnings[0].find("skinTone"), std::string::npos) << load.warnings[0];
    EXPECT_EQ(settingsFromJson(R"({"skinTone": "dark"})", "s.json").settings.skinTone, SkinTone::Dark);
}

TEST(SkinTone, TheSessionTakesTheRememberedToneAndGivesBackTheShownOne)
{
    ta::session::AppSession session;
    Settings remembered;
    remembered.skinTone = SkinTone::Dark;
    session.applySettings(remembered);
    EXPECT_EQ(session.display().skinTone, SkinTone::Dark);
    session.display().skinTone = SkinTone::Medium; // View > Skin tone
    session.captureSettings();
    EXPECT_EQ(session.settings().skinTone, SkinTone::Medium);
}
