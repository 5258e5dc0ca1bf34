#pragma once
// Snapping a therapist's tag to the documented trigger point it most likely is: the nearest one on the
// same muscle within a few centimetres. Parts of one muscle (the three parts of trapezius, the two heads of
// sternocleidomastoid, the two layers of masseter, the two bellies of digastric) count as one muscle.
#include <glm/glm.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ta::core {

/// Default snapping radius: 3 cm, about the spread of documented trigger-point locations.
inline constexpr float kDefaultSnapRadius = 0.03f;

struct TriggerPointCandidate {
    std::string id;        ///< documented trigger point id
    std::string structure; ///< structure id it lies on
    glm::vec3 position{0.0f};
};

struct SnapResult {
    std::string triggerPoint;
    float distance = 0.0f; ///< metres from the tag
};

/// The muscle a structure belongs to, with its side: "trapezius-descending-left" -> "trapezius-left",
/// "levator-scapulae-right" -> "levator-scapulae-right", "skull" -> "skull".
std::string muscleOf(std::string_view structureId);

/// Nearest candidate on the same muscle as `structure`, no farther than `radius`; nullopt when none.
/// Ties go to the candidate on the very same structure, then to the earlier candidate.
std::optional<SnapResult> snapToTriggerPoint(std::string_view structure, const glm::vec3& position,
                                             std::span<const TriggerPointCandidate> candidates,
                                             float radius = kDefaultSnapRadius);

} // namespace ta::core
