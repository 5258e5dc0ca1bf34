#pragma once
// The status line docked at the bottom of the view (panel_layout.h): the session's last message (an error
// in red) until the next one, and otherwise what the left button does now. Replaces the fading message
// over the view while the panels are shown.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawStatusLine(const session::AppSession& s, const UiState& ui);
} // namespace ta::ui
