#include "app/camera_input.h"

#include <GLFW/glfw3.h>

#include <cmath>

namespace ta::app {

void CameraInput::update(GLFWwindow* window, core::OrbitCamera& camera, float pixelRatio, bool uiWantsMouse, bool leftPaints)
{
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    const bool left = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
    const bool right = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                       glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
    const bool shift = glfwGetKey(window, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS ||
                       glfwGetKey(window, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS;

    if (!m_dragging && !m_panning && !uiWantsMouse) {
        if (left && !shift && !leftPaints)
            m_dragging = true;
        else if (right || (left && shift))
            m_panning = true;
        m_lastX = x;
        m_lastY = y;
    }
    const float dx = static_cast<float>(x - m_lastX) * pixelRatio;
    const float dy = static_cast<float>(y - m_lastY) * pixelRatio;
    if (m_dragging) {
        if (left)
            camera.orbit(dx, dy);
        else
            m_dragging = false;
    } else if (m_panning) {
        if (left || right)
            camera.pan(dx, dy);
        else
            m_panning = false;
    }
    m_lastX = x;
    m_lastY = y;

    if (m_scroll != 0.0 && !uiWantsMouse) {
        // One wheel notch zooms by 12 percent toward the point under the cursor.
        const float factor = std::pow(0.88f, static_cast<float>(m_scroll));
        camera.zoomToward({static_cast<float>(x) * pixelRatio, static_cast<float>(y) * pixelRatio}, factor);
    }
    m_scroll = 0.0;
}

} // namespace ta::app
