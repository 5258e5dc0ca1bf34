#include "session/far_side.h"

#include <cmath>

namespace ta::session {
namespace {

/// The eye counts as on one side when the view direction is mostly sideways (more than 45 degrees off the
/// front-back plane), and a point as on one side when it is more than this far off the midline (metres).
constexpr float kSideways = 0.7071f;
constexpr float kOffMidline = 0.01f;

} // namespace

bool hiddenOnFarSide(const AppSession& s, const glm::vec3& point)
{
    const glm::vec3 eye = s.camera().eye();
    const glm::vec3 towardEye = eye - s.camera().pose().target;
    const float len = glm::length(towardEye);
    if (len <= 0.0f || std::abs(towardEye.x) / len < kSideways)
        return false; // looking from the front, the back or above: both sides are in view
    if (std::abs(point.x) < kOffMidline || (point.x > 0.0f) == (eye.x > 0.0f))
        return false; // on the midline, or on the eye's own side
    return !s.onNearSide(point);
}

} // namespace ta::session
