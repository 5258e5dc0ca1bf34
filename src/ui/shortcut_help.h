#pragma once
// The keyboard shortcut window (F1): every action, its key and what it does.
#include "ui/explore_state.h"

namespace ta::ui {
void drawShortcutHelp(ExploreState& ex);
} // namespace ta::ui
