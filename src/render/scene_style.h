#pragma once
// What the scene renderer is asked to draw: per-structure appearance, markers and frame-wide settings.
// Plain data, filled by the UI state each frame.
#include "core/anatomy_model.h"

#include <glm/glm.hpp>

namespace ta::render {

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

struct FrameSettings {
    glm::vec3 backgroundTop{0.045f, 0.055f, 0.075f};    ///< linear
    glm::vec3 backgroundBottom{0.010f, 0.012f, 0.018f}; ///< linear
    float ghostOpacity = 0.12f;  ///< alpha of a ghosted surface seen face-on
    float pixelScale = 1.0f;     ///< framebuffer pixels per UI unit (HiDPI); scales the stipple
    int samples = 4;             ///< MSAA samples
    bool coarse = false;         ///< draw the coarse LOD index buffers where built (while moving)
    float renderScale = 1.0f;    ///< off-screen size relative to the viewport (below 1 while moving, for speed)
    glm::vec3 referralColour{0.80f, 0.015f, 0.015f}; ///< linear
    glm::vec3 painColour{0.02f, 0.12f, 0.85f};       ///< linear: the client's pain drawing
    bool operator==(const FrameSettings&) const = default;
};

/// The material colour (linear RGB) of a tissue.
glm::vec3 tissueColour(core::Kind kind);

} // namespace ta::render
