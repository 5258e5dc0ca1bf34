#pragma once
// Mouse and keyboard to orbit-camera motion for the 3D view: left drag orbits, right or middle drag
// (or shift + left) pans, the wheel zooms toward the cursor. Keys (view presets, framing) are actions of
// the explore UI's action table, so they are undoable and listed in the shortcut help.
#include "core/orbit_camera.h"

struct GLFWwindow;

namespace ta::app {

class CameraInput {
public:
    /// Reads this frame's mouse. `pixelRatio` converts window units to framebuffer pixels.
    /// Does nothing with the mouse when `uiWantsMouse` (a panel is under the cursor). With `leftPaints`
    /// (the pain brush is in hand) a plain left drag is the brush's, not the camera's.
    void update(GLFWwindow* window, core::OrbitCamera& camera, float pixelRatio, bool uiWantsMouse, bool leftPaints = false);
    /// Wheel offsets arrive through a GLFW callback; the frame loop forwards them here.
    void addScroll(double dy) { m_scroll += dy; }

private:
    bool m_dragging = false;
    bool m_panning = false;
    double m_lastX = 0.0;
    double m_lastY = 0.0;
    double m_scroll = 0.0;
};

} // namespace ta::app
