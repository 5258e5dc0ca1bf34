#pragma once
// Find a structure by name: type, then Enter (or click a result) selects it and glides the camera to it.
#include "ui/explore_state.h"

namespace ta::ui {
void drawSearchBox(ExploreState& ex);
} // namespace ta::ui
