#pragma once
// Layers: visibility and opacity per layer, peel and restore, x-ray, and a tree of every structure with
// show, hide, isolate and frame.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawLayersPanel(session::AppSession& s, UiState& ui);
} // namespace ta::ui
