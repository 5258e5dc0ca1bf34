#pragma once
// From a pixel to a pick ray, and from a structure's bounds to a camera distance that frames it.
#include "core/mesh.h"
#include "core/picking/bvh.h"

#include <glm/glm.hpp>

#include <optional>

namespace ta::core {

/// The ray through pixel `pixel` (origin top-left, y down, in the same units as `viewportSize`) for a
/// camera with these view and projection matrices (OpenGL clip conventions). Starts on the near plane.
/// nullopt when the matrices cannot be inverted or the viewport is empty.
std::optional<Ray> rayFromScreen(const glm::mat4& view, const glm::mat4& projection, const glm::vec2& pixel,
                                 const glm::vec2& viewportSize);

/// Distance from a box's centre at which a perspective camera (vertical field of view `fovY` radians,
/// width/height `aspect`) sees the whole bounding sphere of `box`, with `margin` (1.2 = 20 % room).
float framingDistance(const Aabb& box, float fovY, float aspect, float margin = 1.2f);

} // namespace ta::core
