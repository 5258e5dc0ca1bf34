#pragma once
// Drawn over the 3D view (below the panels): leader-line labels for the selection, the trigger point and
// hovered markers; the animated referral path; the presentation caption; the message line.
// Works in any ImGui frame, so --screenshot draws exactly what the window shows.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {

/// `pixelRatio`: framebuffer pixels (the camera's viewport units) per ImGui unit.
/// `messages`: also draw the transient message line (the window does; still images do not).
void drawViewOverlay(const session::AppSession& s, const UiState& ui, float pixelRatio, bool messages = true);

} // namespace ta::ui
