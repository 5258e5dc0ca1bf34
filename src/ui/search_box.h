#pragma once
// Find a structure, a trigger point or a pain area by what people call it ("levator", "headache"): type,
// Up/Down through the results, Enter (or a click) chooses. Results come from session::SearchService, the
// same search as `trigger-atlas search TEXT`.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawSearchBox(session::AppSession& s, UiState& ui);
} // namespace ta::ui
