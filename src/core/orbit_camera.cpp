#include "core/orbit_camera.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ta::core {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kMaxPitch = 0.5f * kPi;
constexpr float kMinDistance = 0.02f;
constexpr float kMaxDistance = 50.0f;

// Critically damped spring toward `goal` (Game Programming Gems 4, 1.10): never overshoots.
float smoothDamp(float current, float goal, float& velocity, float smoothTime, float dt)
{
    const float omega = 2.0f / smoothTime;
    const float x = omega * dt;
    const float decay = 1.0f / (1.0f + x + 0.48f * x * x + 0.235f * x * x * x);
    const float change = current - goal;
    const float temp = (velocity + omega * change) * dt;
    velocity = (velocity - omega * temp) * decay;
    return goal + (change + temp) * decay;
}

// The yaw equal to `yaw` modulo 2 pi that lies nearest to `reference`, so presets take the short way round.
float nearestYaw(float yaw, float reference)
{
    const float twoPi = 2.0f * kPi;
    return yaw + twoPi * std::round((reference - yaw) / twoPi);
}

glm::vec3 directionOf(float yaw, float pitch)
{
    return {std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch)};
}

} // namespace

void OrbitCamera::setViewport(int width, int height)
{
    m_width = std::max(width, 1);
    m_height = std::max(height, 1);
}

void OrbitCamera::setPose(const CameraPose& pose)
{
    setGoal(pose);
    snap();
}

void OrbitCamera::setGoal(const CameraPose& pose)
{
    m_goal = pose;
    m_goal.pitch = std::clamp(pose.pitch, -kMaxPitch, kMaxPitch);
    m_goal.distance = std::clamp(pose.distance, kMinDistance, kMaxDistance);
}

void OrbitCamera::snap()
{
    m_current = m_goal;
    m_targetVelocity = glm::vec3(0.0f);
    m_yawVelocity = m_pitchVelocity = m_logDistanceVelocity = 0.0f;
}

bool OrbitCamera::moving() const
{
    const float scale = std::max(m_current.distance, 1e-3f);
    return glm::length(m_current.target - m_goal.target) > 1e-5f * scale ||
           std::abs(m_current.yaw - m_goal.yaw) > 1e-5f || std::abs(m_current.pitch - m_goal.pitch) > 1e-5f ||
           std::abs(m_current.distance - m_goal.distance) > 1e-5f * scale;
}

bool OrbitCamera::update(float dt)
{
    if (!moving()) {
        snap();
        return false;
    }
    dt = std::clamp(dt, 0.0f, 0.1f);
    for (int i = 0; i < 3; ++i)
        m_current.target[i] = smoothDamp(m_current.target[i], m_goal.target[i], m_targetVelocity[i], m_smoothTime, dt);
    m_current.yaw = smoothDamp(m_current.yaw, m_goal.yaw, m_yawVelocity, m_smoothTime, dt);
    m_current.pitch = smoothDamp(m_current.pitch, m_goal.pitch, m_pitchVelocity, m_smoothTime, dt);
    const float logDistance = smoothDamp(std::log(m_current.distance), std::log(m_goal.distance),
                                         m_logDistanceVelocity, m_smoothTime, dt);
    m_current.distance = std::exp(logDistance);
    return true;
}

void OrbitCamera::orbit(float dxPixels, float dyPixels)
{
    // A drag across the full viewport height turns the model by about 180 degrees.
    const float radiansPerPixel = kPi / static_cast<float>(m_height);
    CameraPose g = m_goal;
    g.yaw -= dxPixels * radiansPerPixel;
    g.pitch += dyPixels * radiansPerPixel;
    setGoal(g);
}

void OrbitCamera::pan(float dxPixels, float dyPixels)
{
    // Metres per pixel on the plane through the target that faces the camera.
    const float metresPerPixel = 2.0f * m_goal.distance * std::tan(0.5f * m_fovY) / static_cast<float>(m_height);
    const glm::vec3 f = -directionOf(m_goal.yaw, m_goal.pitch);
    const glm::vec3 r{std::cos(m_goal.yaw), 0.0f, -std::sin(m_goal.yaw)};
    const glm::vec3 u = glm::cross(r, f);
    CameraPose g = m_goal;
    g.target += (-dxPixels * r + dyPixels * u) * metresPerPixel;
    setGoal(g);
}

void OrbitCamera::zoomToward(glm::vec2 pixel, float factor, std::optional<glm::vec3> anchor)
{
    if (!(factor > 0.0f))
        return;
    // Work on the goal pose as if it were current, so repeated wheel steps compose.
    OrbitCamera at = *this;
    at.m_current = m_goal;
    glm::vec3 p;
    if (anchor) {
        p = *anchor;
    } else {
        const std::optional<glm::vec3> targetOnScreen = at.project(m_goal.target);
        const float depth = targetOnScreen ? targetOnScreen->z : 0.5f;
        p = at.unproject({pixel.x, pixel.y, depth});
    }
    CameraPose g = m_goal;
    const float newDistance = std::clamp(g.distance * factor, kMinDistance, kMaxDistance);
    const float f = newDistance / g.distance;
    // A scaling about p by f maps the eye to the new eye and the target to the new target, so p stays on
    // the same ray from the eye: it keeps its pixel.
    g.target = p + (g.target - p) * f;
    g.distance = newDistance;
    setGoal(g);
}

void OrbitCamera::applyPreset(ViewPreset preset, bool immediate)
{
    const OrbitAngles a = presetAngles(preset);
    CameraPose g = m_goal;
    g.yaw = nearestYaw(a.yaw, m_current.yaw);
    g.pitch = a.pitch;
    setGoal(g);
    if (immediate)
        snap();
}

float OrbitCamera::distanceToFit(const Aabb& box, ScreenStrip strip) const
{
    // The smallest distance at which all eight corners lie inside the view frustum, seen from the goal
    // direction, plus a margin. Tighter than a bounding sphere, so tall narrow models fill the picture.
    // Across, the corners must lie inside the strip, with the box's centre at the strip's centre: a corner
    // offset a sideways and t toward the eye lands at (c D tanX + a) / ((D - t) tanX) in normalised device x,
    // where c is the strip's centre; inside [lo, hi] when D >= (a / tanX + hi t) / (hi - c) and
    // D >= (-a / tanX - lo t) / (c - lo), both denominators being the strip's width share.
    const float tanY = std::tan(0.5f * m_fovY);
    const float tanX = tanY * aspect();
    const float share = strip.to - strip.from;
    const float lo = 2.0f * strip.from - 1.0f;
    const float hi = 2.0f * strip.to - 1.0f;
    const glm::vec3 back = directionOf(m_goal.yaw, m_goal.pitch);
    const glm::vec3 r{std::cos(m_goal.yaw), 0.0f, -std::sin(m_goal.yaw)};
    const glm::vec3 u = glm::cross(r, -back);
    const glm::vec3 c = box.centre();
    float distance = 1e-3f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y,
                               i & 4 ? box.max.z : box.min.z};
        const glm::vec3 o = corner - c;
        const float towardEye = glm::dot(o, back);
        const float across = glm::dot(o, r) / tanX;
        distance = std::max(distance, (across + hi * towardEye) / share);
        distance = std::max(distance, (-across - lo * towardEye) / share);
        distance = std::max(distance, towardEye + std::abs(glm::dot(o, u)) / tanY);
    }
    return 1.08f * distance;
}

void OrbitCamera::frameInto(const Aabb& box, ScreenStrip strip, bool immediate)
{
    if (!box.valid())
        return;
    strip.from = std::clamp(strip.from, 0.0f, 0.9f);
    strip.to = std::clamp(strip.to, strip.from + 0.1f, 1.0f);
    CameraPose g = m_goal;
    g.distance = distanceToFit(box, strip);
    // A point at sideways offset o from the target, in the target's plane, lies at o / (distance * tanX) in
    // normalised device x; the box's centre goes to the strip's centre.
    const float ndcX = strip.from + strip.to - 1.0f;
    const float tanX = std::tan(0.5f * m_fovY) * aspect();
    const glm::vec3 r{std::cos(g.yaw), 0.0f, -std::sin(g.yaw)};
    g.target = box.centre() - r * (ndcX * g.distance * tanX);
    setGoal(g);
    if (immediate)
        snap();
}

glm::vec3 OrbitCamera::eyeOf(const CameraPose& pose)
{
    return pose.target + pose.distance * directionOf(pose.yaw, pose.pitch);
}

glm::vec3 OrbitCamera::eye() const { return eyeOf(m_current); }
glm::vec3 OrbitCamera::forward() const { return -directionOf(m_current.yaw, m_current.pitch); }
glm::vec3 OrbitCamera::right() const { return {std::cos(m_current.yaw), 0.0f, -std::sin(m_current.yaw)}; }
glm::vec3 OrbitCamera::up() const { return glm::cross(right(), forward()); }

float OrbitCamera::nearPlane() const
{
    // Close enough never to clip the model, far enough to keep depth precision.
    return std::max(m_current.distance - 2.0f * m_sceneRadius, m_current.distance * 0.01f);
}

float OrbitCamera::farPlane() const { return m_current.distance + 3.0f * m_sceneRadius; }

glm::mat4 OrbitCamera::view() const
{
    // Built from the orbit basis rather than lookAt so that straight up or down is not degenerate.
    const glm::vec3 r = right();
    const glm::vec3 u = up();
    const glm::vec3 b = -forward();
    const glm::vec3 e = eye();
    glm::mat4 m(1.0f);
    m[0][0] = r.x; m[1][0] = r.y; m[2][0] = r.z;
    m[0][1] = u.x; m[1][1] = u.y; m[2][1] = u.z;
    m[0][2] = b.x; m[1][2] = b.y; m[2][2] = b.z;
    m[3][0] = -glm::dot(r, e);
    m[3][1] = -glm::dot(u, e);
    m[3][2] = -glm::dot(b, e);
    return m;
}

glm::mat4 OrbitCamera::projection() const { return glm::perspective(m_fovY, aspect(), nearPlane(), farPlane()); }

std::optional<glm::vec3> OrbitCamera::project(const glm::vec3& point) const
{
    const glm::vec4 clip = viewProjection() * glm::vec4(point, 1.0f);
    if (clip.w <= 1e-6f)
        return std::nullopt;
    const glm::vec3 ndc = glm::vec3(clip) / clip.w;
    return glm::vec3{(ndc.x * 0.5f + 0.5f) * static_cast<float>(m_width),
                     (0.5f - ndc.y * 0.5f) * static_cast<float>(m_height), ndc.z * 0.5f + 0.5f};
}

glm::vec3 OrbitCamera::unproject(const glm::vec3& pixelAndDepth) const
{
    const glm::vec4 ndc{pixelAndDepth.x / static_cast<float>(m_width) * 2.0f - 1.0f,
                        1.0f - pixelAndDepth.y / static_cast<float>(m_height) * 2.0f, pixelAndDepth.z * 2.0f - 1.0f,
                        1.0f};
    const glm::vec4 world = glm::inverse(viewProjection()) * ndc;
    return glm::vec3(world) / world.w;
}

PixelRay OrbitCamera::rayFromPixel(glm::vec2 pixel) const
{
    const glm::vec3 nearPoint = unproject({pixel.x, pixel.y, 0.0f});
    const glm::vec3 farPoint = unproject({pixel.x, pixel.y, 1.0f});
    return {eye(), glm::normalize(farPoint - nearPoint)};
}

} // namespace ta::core
