#pragma once
// What each action of the table does (menu item and shortcut alike): a call into the session, or a change
// of what the window shows. Document actions catch the session's errors and show them as a message.
#include "session/app_session.h"
#include "ui/action_table.h"
#include "ui/ui_state.h"

namespace ta::ui {

bool actionEnabled(ActionId id, const session::AppSession& session);
bool actionChecked(ActionId id, const session::AppSession& session, const UiState& ui);
/// Runs an action when it is enabled. Never throws.
void runAction(ActionId id, session::AppSession& session, UiState& ui);

/// True when the body map is a file (no client records) with changes not yet saved: New, Open and Quit
/// ask first.
bool unsavedBodyMap(const session::AppSession& session);
/// The question for a pending file action (UiState::pending): Save / Discard / Cancel, or Replace / Cancel.
/// Draw once a frame. Never throws.
void drawPendingFileQuestion(session::AppSession& session, UiState& ui);

/// Opens a body map, or says why not in the message line (the open document is kept). Never throws.
bool openBodyMap(session::AppSession& session, const std::string& file);
/// Saves the body map (to `file` when given), or says why not. Never throws.
bool saveBodyMap(session::AppSession& session, const std::optional<std::string>& file = std::nullopt);

} // namespace ta::ui
