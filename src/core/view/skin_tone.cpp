#include "core/view/skin_tone.h"

#include "core/enum_names.h"

namespace ta::core {
namespace {

constexpr EnumNames<SkinTone, 3> kNames{
    {{SkinTone::Light, "light"}, {SkinTone::Medium, "medium"}, {SkinTone::Dark, "dark"}}};
constexpr EnumNames<SkinTone, 3> kDisplayNames{
    {{SkinTone::Light, "Light"}, {SkinTone::Medium, "Medium"}, {SkinTone::Dark, "Dark"}}};

} // namespace

std::string_view toString(SkinTone tone) { return nameOf(kNames, tone); }

std::optional<SkinTone> skinToneFromString(std::string_view name) { return valueOf(kNames, name); }

std::string_view displayName(SkinTone tone) { return nameOf(kDisplayNames, tone); }

glm::vec3 skinToneColour(SkinTone tone)
{
    // Linear albedo. Each is a real skin colour's hue (warm, red above green above blue), darker and a little
    // more saturated from light to dark, so the three differ in brightness far more than in hue.
    switch (tone) {
    case SkinTone::Light: return {0.66f, 0.40f, 0.29f};
    case SkinTone::Medium: return {0.42f, 0.225f, 0.135f};
    case SkinTone::Dark: return {0.15f, 0.072f, 0.040f};
    }
    return {0.66f, 0.40f, 0.29f};
}

SkinTone nextSkinTone(SkinTone tone)
{
    switch (tone) {
    case SkinTone::Light: return SkinTone::Medium;
    case SkinTone::Medium: return SkinTone::Dark;
    case SkinTone::Dark: return SkinTone::Light;
    }
    return SkinTone::Light;
}

} // namespace ta::core
