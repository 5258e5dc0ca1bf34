#pragma once
// The body map: the tag tool, the list of tags by session, the selected tag's editor (active or latent,
// severity, note, move, delete), and opening and saving the client's file.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawTagPanel(session::AppSession& s, UiState& ui);
} // namespace ta::ui
