#pragma once
// The client window: the client list with search as you type and a new-client form; the open client's
// details (each field stored when edited) and the timeline of sessions, with a new session on any date,
// optionally starting from the last one's findings. Tabs for the open session, the headache journal and
// progress (session_panel.h, journal_panel.h, progress_panel.h). Store errors are shown as messages.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {

void drawClientPanel(session::AppSession& s, UiState& ui);

/// Runs `f` (a change through the session's records); a store error becomes the message line. Never throws.
template <class F>
bool storeAction(session::AppSession& s, F&& f)
{
    try {
        f();
        s.recordsChanged();
        return true;
    } catch (const std::exception& e) {
        s.notify(std::string("Not stored: ") + e.what(), true);
        s.recordsChanged();
        return false;
    }
}

} // namespace ta::ui
