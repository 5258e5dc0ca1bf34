#pragma once
// An orbit camera about a target point, in the model frame (metres, +Y up, subject faces +Z, subject's
// left at +X). Pure glm maths: no GL. Pixel coordinates have their origin at the top-left corner of the
// viewport, x to the right, y downward, in the same pixel units the viewport was set in (framebuffer pixels).
//
// Motion is smooth: interactive calls (orbit, pan, zoom, presets, framing) move a goal pose and update(dt)
// carries the current pose toward it with a critically damped spring. Matrices always describe the current
// pose; snap() jumps to the goal (screenshots, tests).
#include "core/mesh.h"
#include "core/view_preset.h"

#include <glm/glm.hpp>

#include <optional>

namespace ta::core {

struct CameraPose {
    glm::vec3 target{0.0f};  ///< the point orbited about, model frame
    float yaw = 0.0f;        ///< radians about +Y; 0 = camera on +Z (anterior), pi/2 = camera on +X (left)
    float pitch = 0.0f;      ///< radians; +pi/2 = camera straight above
    float distance = 1.0f;   ///< metres from target to eye, > 0
};

/// A vertical strip of the viewport, as fractions of its width from the left edge: 0 <= from < to <= 1.
struct ScreenStrip {
    float from = 0.0f;
    float to = 1.0f;
};

/// A ray from the eye through a pixel; direction is unit length.
struct PixelRay {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};
};

class OrbitCamera {
public:
    /// Vertical field of view in radians.
    static constexpr float kDefaultFovY = 0.5236f; // 30 degrees

    void setViewport(int width, int height);
    int width() const { return m_width; }
    int height() const { return m_height; }
    float aspect() const { return static_cast<float>(m_width) / static_cast<float>(m_height); }
    float fovY() const { return m_fovY; }

    /// Radius of the scene (metres) used to choose clip planes that never cut the model.
    void setSceneRadius(float radius) { m_sceneRadius = radius > 0.0f ? radius : 1.0f; }

    const CameraPose& pose() const { return m_current; }
    const CameraPose& goal() const { return m_goal; }
    /// Set both current and goal pose: no animation.
    void setPose(const CameraPose& pose);
    /// Set the goal pose: the camera glides there in update().
    void setGoal(const CameraPose& pose);
    /// Jump to the goal pose now.
    void snap();
    /// Advance the smooth motion by dt seconds. Returns true while still moving.
    bool update(float dt);
    bool moving() const;

    /// Rotate by a drag of (dx, dy) pixels (right drag turns the model to the left like a turntable).
    void orbit(float dxPixels, float dyPixels);
    /// Move the target so the point under the cursor follows a drag of (dx, dy) pixels.
    void pan(float dxPixels, float dyPixels);
    /// Multiply the distance by `factor` (< 1 zooms in) keeping the point under `pixel` fixed on screen.
    /// `anchor` is the model point under the cursor when known (a pick); otherwise the point on the plane
    /// through the target facing the camera is used.
    void zoomToward(glm::vec2 pixel, float factor, std::optional<glm::vec3> anchor = std::nullopt);
    /// Look from a preset direction, keeping target and distance; animated unless `immediate`.
    void applyPreset(ViewPreset preset, bool immediate = false);
    /// Centre on a box and back off until it fits the viewport with a margin; keeps the (goal) direction,
    /// so apply a preset first and frame after it.
    void frame(const Aabb& box, bool immediate = false) { frameInto(box, {}, immediate); }
    /// As frame(), but fit the box into a vertical strip of the viewport (fractions of its width, left to
    /// right), leaving the rest free for text: the target moves sideways so the box's centre lies at the
    /// strip's centre.
    void frameInto(const Aabb& box, ScreenStrip strip, bool immediate = false);

    glm::vec3 eye() const;
    glm::vec3 forward() const; ///< unit, from eye toward target
    glm::vec3 right() const;   ///< unit, screen right
    glm::vec3 up() const;      ///< unit, screen up
    float nearPlane() const;
    float farPlane() const;
    glm::mat4 view() const;
    glm::mat4 projection() const;
    glm::mat4 viewProjection() const { return projection() * view(); }

    /// Pixel (x, y) and window depth z in [0, 1] of a model point; nullopt when it lies behind the eye.
    std::optional<glm::vec3> project(const glm::vec3& point) const;
    /// The model point at pixel (x, y) and window depth z in [0, 1].
    glm::vec3 unproject(const glm::vec3& pixelAndDepth) const;
    PixelRay rayFromPixel(glm::vec2 pixel) const;

private:
    static glm::vec3 eyeOf(const CameraPose& pose);
    float distanceToFit(const Aabb& box, ScreenStrip strip) const;

    int m_width = 1;
    int m_height = 1;
    float m_fovY = kDefaultFovY;
    float m_sceneRadius = 1.0f;
    float m_smoothTime = 0.12f; ///< seconds; the spring settles in about four of these
    CameraPose m_current;
    CameraPose m_goal;
    // Spring velocities for target, yaw, pitch, log(distance).
    glm::vec3 m_targetVelocity{0.0f};
    float m_yawVelocity = 0.0f;
    float m_pitchVelocity = 0.0f;
    float m_logDistanceVelocity = 0.0f;
};

} // namespace ta::core
