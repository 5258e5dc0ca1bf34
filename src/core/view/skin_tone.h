#pragma once
// The skin tones the model can be shown in (View > Skin tone, `--skin-tone`, remembered in the settings), as
// plain data: the renderer asks for the colour, the settings and the command line for the name.
#include <glm/glm.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ta::core {

enum class SkinTone : std::uint8_t { Light, Medium, Dark };

inline constexpr std::array kAllSkinTones{SkinTone::Light, SkinTone::Medium, SkinTone::Dark};

/// "light", "medium", "dark": the names in the settings file and on the command line.
std::string_view toString(SkinTone tone);
/// The tone named `name`; nullopt for any other text.
std::optional<SkinTone> skinToneFromString(std::string_view name);
/// "Light", "Medium", "Dark": for menus.
std::string_view displayName(SkinTone tone);
/// The skin's linear albedo (RGB, 0..1) in this tone. Light is the colour the model always had.
glm::vec3 skinToneColour(SkinTone tone);
/// The next tone after `tone`, wrapping from dark back to light.
SkinTone nextSkinTone(SkinTone tone);

} // namespace ta::core
