#pragma once
// Named camera directions in the model frame (metres, +Y up, subject faces +Z, subject's left at +X).
// `Left` looks at the subject's left side: the camera stands on +X looking toward -X.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

enum class ViewPreset { Anterior, Posterior, Left, Right, Superior };

inline constexpr ViewPreset kAllViewPresets[] = {ViewPreset::Anterior, ViewPreset::Posterior, ViewPreset::Left,
                                                 ViewPreset::Right, ViewPreset::Superior};

/// Orbit angles (radians) of a preset. yaw turns about +Y from +Z toward +X; pitch lifts toward +Y.
struct OrbitAngles {
    float yaw = 0.0f;
    float pitch = 0.0f;
};

std::string_view toString(ViewPreset preset);
/// Exact lowercase name ("anterior" ...); nullopt when unknown.
std::optional<ViewPreset> viewPresetFromString(std::string_view name);
/// Like viewPresetFromString but throws ArgumentError naming the value, the closest valid name and the list.
ViewPreset parseViewPreset(std::string_view name);
OrbitAngles presetAngles(ViewPreset preset);

/// The candidate closest to `value` by edit distance, when it is close enough to be a plausible typo.
std::optional<std::string> closestMatch(std::string_view value, const std::vector<std::string>& candidates);

} // namespace ta::core
