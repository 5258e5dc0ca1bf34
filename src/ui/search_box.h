#pragma once
// Find a structure by name: type, then Enter (or click a result) selects it and glides the camera to it.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawSearchBox(session::AppSession& s, UiState& ui);
} // namespace ta::ui
