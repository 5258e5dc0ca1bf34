#include "core/view_preset.h"

#include "core/error.h"
#include "core/referral/close_matches.h"

#include <algorithm>
#include <cctype>
#include <numbers>

namespace ta::core {

std::string_view toString(ViewPreset preset)
{
    switch (preset) {
    case ViewPreset::Anterior: return "anterior";
    case ViewPreset::Posterior: return "posterior";
    case ViewPreset::Left: return "left";
    case ViewPreset::Right: return "right";
    case ViewPreset::Superior: return "superior";
    }
    return "anterior";
}

std::optional<ViewPreset> viewPresetFromString(std::string_view name)
{
    for (ViewPreset p : kAllViewPresets)
        if (toString(p) == name)
            return p;
    return std::nullopt;
}

std::optional<std::string> closestMatch(std::string_view value, const std::vector<std::string>& candidates)
{
    std::optional<std::string> best;
    std::size_t bestDistance = SIZE_MAX;
    for (const std::string& c : candidates) {
        const std::size_t d = editDistance(value, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    // A plausible typo: at most a third of the letters wrong (and at least one allowed).
    if (best && bestDistance <= std::max<std::size_t>(1, best->size() / 3))
        return best;
    return std::nullopt;
}

ViewPreset parseViewPreset(std::string_view name)
{
    if (auto p = viewPresetFromString(name))
        return *p;
    std::vector<std::string> names;
    std::string list;
    for (ViewPreset p : kAllViewPresets) {
        names.emplace_back(toString(p));
        list += (list.empty() ? "" : ", ") + names.back();
    }
    std::string message = "unknown view '" + std::string(name) + "'";
    if (auto guess = closestMatch(name, names))
        message += ": did you mean '" + *guess + "'?";
    message += " (valid views: " + list + ")";
    throw ArgumentError(message);
}

OrbitAngles presetAngles(ViewPreset preset)
{
    constexpr float kPi = std::numbers::pi_v<float>;
    switch (preset) {
    case ViewPreset::Anterior: return {0.0f, 0.0f};
    case ViewPreset::Posterior: return {kPi, 0.0f};
    case ViewPreset::Left: return {0.5f * kPi, 0.0f};
    case ViewPreset::Right: return {-0.5f * kPi, 0.0f};
    // From above with the face toward the top of the screen, as atlases draw the skull from above.
    case ViewPreset::Superior: return {kPi, 0.5f * kPi};
    }
    return {};
}

} // namespace ta::core
