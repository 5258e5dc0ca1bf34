#pragma once
// An animated dotted path (e.g. from a trigger point to its referral zone, for explaining to a client),
// built from marker spheres: no wide lines are needed, which OpenGL core profiles do not have.
#include "render/scene_style.h"

#include <span>
#include <vector>

namespace ta::render {

struct PathStyle {
    float spacing = 0.008f;  ///< metres between dots
    float radius = 0.0022f;  ///< metres
    glm::vec3 colour{0.95f, 0.75f, 0.20f}; ///< linear
    bool onTop = true;       ///< visible through every layer
};

/// Dots along the polyline `points` (model frame, metres) from its start up to `progress` (0..1) of its
/// length; the dots drift along the path with `phase` (0..1, e.g. time * speed) so the path reads as
/// motion, and the newest dot (the head) is drawn larger. Empty for fewer than two points. Never throws.
std::vector<Marker> pathMarkers(std::span<const glm::vec3> points, float progress, float phase,
                                const PathStyle& style = {});

} // namespace ta::render
