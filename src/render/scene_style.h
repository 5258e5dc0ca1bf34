#pragma once
// What the scene renderer is asked to draw: per-structure appearance, markers and frame-wide settings.
// Plain data: styles and markers come from the session (core/view/draw_style.h), the frame settings
// from the frame loop.
#include "core/anatomy_model.h"
#include "core/view/draw_style.h"
#include "core/view/skin_tone.h"

#include <glm/glm.hpp>

namespace ta::render {

using core::Marker;
using core::StructureStyle;

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
    core::SkinTone skinTone = core::SkinTone::Light; ///< the skin's colour (core::skinToneColour)
    bool operator==(const FrameSettings&) const = default;
};

/// The material colour (linear RGB) of a tissue; the skin's in the light tone (the frame's tone is used
/// when drawing).
glm::vec3 tissueColour(core::Kind kind);

} // namespace ta::render
