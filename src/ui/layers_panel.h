#pragma once
// Layers: visibility and opacity per layer, peel and restore, x-ray, and a tree of every structure with
// show, hide, isolate and frame.
#include "ui/explore_state.h"

namespace ta::ui {
void drawLayersPanel(ExploreState& ex);
} // namespace ta::ui
