#pragma once
// What the selection is: names, FMA id, layer, and for a muscle its origin, insertion, action,
// innervation and trigger points (click one to show where it refers pain).
#include "ui/explore_state.h"

namespace ta::ui {
void drawInfoPanel(ExploreState& ex);
/// The trigger-point details block (zones, symptoms, confidence, sources, disagreements); shared with
/// the trigger-point panel.
void drawTriggerPointDetails(ExploreState& ex, std::size_t i);
} // namespace ta::ui
