#pragma once
// What the selection is: names, FMA id, layer, and for a muscle its origin, insertion, action,
// innervation and trigger points (click one to show where it refers pain).
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawInfoPanel(session::AppSession& s, UiState& ui);
/// The trigger-point details block (zones, symptoms, confidence, sources, disagreements); shared with
/// the trigger-point panel.
void drawTriggerPointDetails(session::AppSession& s, UiState& ui, core::TriggerPointId i);
} // namespace ta::ui
