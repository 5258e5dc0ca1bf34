#pragma once
// Every documented trigger point, listed per muscle, for the chosen side; click one to show its referral.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawTriggerPointPanel(session::AppSession& s, UiState& ui);
} // namespace ta::ui
