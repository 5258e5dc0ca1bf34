#pragma once
// The keyboard shortcut window (F1): every action, its key and what it does.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawShortcutHelp(session::AppSession& s, UiState& ui);
} // namespace ta::ui
