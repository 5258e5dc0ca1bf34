#pragma once
// How the scene is to be drawn, as plain data: per-structure appearance and markers. The session fills
// these from its visibility, selection and overlays each frame; the renderer draws them. No GL here.
#include <glm/glm.hpp>

namespace ta::core {

/// Appearance of one structure; index = core::StructureId::value.
struct StructureStyle {
    bool visible = true;
    float opacity = 1.0f;     ///< below 1: drawn translucent through the transparency pass
    bool ghost = false;       ///< x-ray look: faint, brighter at the silhouette, shows what lies beneath
    glm::vec4 tint{0.0f};     ///< rgb (linear) and amount 0..1 mixed into the tissue colour
    float highlight = 0.0f;   ///< 0..1 rim glow for the selected or hovered structure
    bool operator==(const StructureStyle&) const = default;
};

/// A small sphere at a model point (trigger points, tags, landmarks).
struct Marker {
    glm::vec3 position{0.0f}; ///< model frame, metres
    float radius = 0.004f;    ///< metres
    glm::vec3 colour{0.95f, 0.1f, 0.08f}; ///< linear RGB
    bool onTop = false;       ///< drawn even where surfaces hide it (seen through every layer)
    /// Scale of the sphere along x, y, z (an ellipsoid of half-axes radius * axes).
    glm::vec3 axes{1.0f};
    /// 0: a solid marker. Above 0: a soft translucent glow of this peak opacity, drawn through every
    /// surface in the transparency pass (a deep referral zone: behind the eye, in the ear, in the teeth).
    float glow = 0.0f;
    bool operator==(const Marker&) const = default;
};

/// Radii (metres) of a trigger point's marker: any trigger point, one of the selected muscle's, the one shown.
/// The skin must lie deeper than the first over every trigger point, or the marker shows through it.
inline constexpr float kTriggerPointMarkerRadius = 0.003f;
inline constexpr float kTriggerPointOfSelectedMarkerRadius = 0.005f;
inline constexpr float kTriggerPointShownMarkerRadius = 0.0065f;

} // namespace ta::core
