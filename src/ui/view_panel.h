#pragma once
// The view panel: view presets, framing, layer visibility and opacity, and x-ray (ghost) mode.
#include "ui/app_state.h"

namespace ta::ui {

/// Draws the panel and applies the user's changes to `state`. Call between ImGui NewFrame and Render.
void drawViewPanel(AppState& state);

} // namespace ta::ui
