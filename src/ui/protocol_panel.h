#pragma once
// The protocol window (View > Protocol): choose a protocol and the side, see what to screen for, then step
// through it: the step's trigger point or muscle shown on the model, the technique and note, a hold timer
// with a soft cue when the time is reached, Done (marks the finding treated in the open session), and the
// list of steps with those done ticked. Everything goes through session::AppSession's protocol calls.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawProtocolPanel(session::AppSession& s, UiState& ui);
} // namespace ta::ui
