#pragma once
// The client window's Progress tab: plots over time (pain before and after, headache days per week and
// peak intensity from the journal, NDI, HIT-6, pain-drawing area), and the comparison of the open session
// with an earlier one: pain per region, drawing area, findings persisting, resolved and new.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {

void drawProgressTab(session::AppSession& s, UiState& ui);

} // namespace ta::ui
