#pragma once
// The client window's Session tab: the open session's reason, pain before and after (NRS 0-10), SOAP
// notes and techniques (each stored when edited), its findings with treatment and "carried over"
// confirmation, the NDI and HIT-6 questionnaires with their scores, signing, and dated addenda once signed.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {

void drawSessionTab(session::AppSession& s, UiState& ui);

} // namespace ta::ui
