#pragma once
// The client window's Journal tab: the client's daily headache journal. One entry per day (headache or
// not, peak intensity, hours, where, suspected triggers, medication, a note), stored when saved; the
// last four weeks listed with the headache days of each week.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {

void drawJournalTab(session::AppSession& s, UiState& ui);

} // namespace ta::ui
