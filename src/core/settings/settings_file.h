#pragma once
// Settings on disk: $XDG_CONFIG_HOME/trigger-atlas/settings.json, or ~/.config/trigger-atlas/settings.json.
// Reading is forgiving (settings must never stop the app from starting): a missing file gives defaults;
// a damaged file or a bad value gives defaults for what is wrong plus a warning naming the file and key.
// Writing is atomic and keeps the previous file as settings.json.bak.
#include "core/settings/settings.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

inline constexpr int kSettingsSchemaVersion = 1;

struct SettingsLoad {
    Settings settings;
    std::vector<std::string> warnings; ///< one line each: "<file>: <key>: <problem>; using the default"
};

/// The settings file for this user; nullopt when neither XDG_CONFIG_HOME nor HOME is set.
std::optional<std::filesystem::path> defaultSettingsPath();

std::string settingsToJson(const Settings& settings);
/// Never throws: whatever cannot be read falls back to the default and adds a warning.
SettingsLoad settingsFromJson(std::string_view text, const std::string& source);
/// Never throws. A missing file is not a warning.
SettingsLoad loadSettings(const std::filesystem::path& file);
/// Throws IoError naming the file.
void saveSettings(const Settings& settings, const std::filesystem::path& file);

} // namespace ta::core
