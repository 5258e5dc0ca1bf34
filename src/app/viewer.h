#pragma once
#include "app/view_options.h"
#include "session/start_options.h"

namespace ta::app {
/// Opens the window, applies `start` (the --select, --trigger-point ... flags) and runs the frame loop
/// until it is closed. Returns the exit status. Throws ta::Error with one line when the model or the
/// window cannot be opened or a start option is wrong.
int runViewer(const ViewOptions& options, const session::StartOptions& start);
} // namespace ta::app
