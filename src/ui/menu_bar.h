#pragma once
// The main menu bar, built from the action table: every action with its shortcut.
#include "ui/explore_state.h"

namespace ta::ui {
void drawMenuBar(ExploreState& ex);
} // namespace ta::ui
