#pragma once
// A point in the model frame defined from named landmarks, so that trigger points and referral regions
// follow whatever anatomy model is loaded. Data files write every sided definition for the subject's LEFT
// side (+X); the right side is the mirror image (x negated, "{side}" in landmark ids becomes "right").
#include "core/anatomy_model.h"

#include <glm/glm.hpp>

#include <optional>
#include <string>

namespace ta::core {

struct Anchor {
    std::string from;            ///< landmark id, may contain "{side}"; empty when `point` is set
    std::string to;              ///< optional second landmark; the anchor lies at mix(from, to, t)
    float t = 0.0f;              ///< 0 = `from`, 1 = `to`
    glm::vec3 offset{0.0f};      ///< metres, model frame, written for the left side
    std::optional<glm::vec3> point; ///< an explicit left-side point in metres instead of landmarks

    /// Landmark ids this anchor needs for `side` ("{side}" replaced).
    std::string landmarkId(const std::string& templ, Side side) const;
    /// The point for `side` (Left or Right; Midline is treated as Left). Returns nullopt, naming the missing
    /// landmark in `missing`, when the model lacks one. Never throws.
    std::optional<glm::vec3> resolve(const AnatomyModel& model, Side side, std::string* missing = nullptr) const;
};

/// "{side}" in `templ` replaced by "left" or "right".
std::string expandSide(const std::string& templ, Side side);
/// Mirror a left-side vector to `side` (x negated for Right).
glm::vec3 mirrorTo(const glm::vec3& v, Side side);

} // namespace ta::core
