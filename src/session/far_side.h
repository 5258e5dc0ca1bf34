#pragma once
// Whether something drawn through the body (a marker on top, a deep-zone glow, a label) belongs to the far
// side and must not show: beyond the middle of the body along the line of sight (AppSession::onNearSide)
// *and* across the midline from the eye while looking from a side. A left trigger point seen from the right
// is hidden; one at the back seen from the front is not (looking from the front or the back, both sides are
// in view, and what was chosen must stay visible).
#include "session/app_session.h"

namespace ta::session {

bool hiddenOnFarSide(const AppSession& session, const glm::vec3& point);

} // namespace ta::session
