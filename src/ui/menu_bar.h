#pragma once
// The main menu bar, built from the action table: every action with its shortcut.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawMenuBar(session::AppSession& s, UiState& ui);
} // namespace ta::ui
