#pragma once
#include "app/view_options.h"

namespace ta::app {
/// Opens the window and runs the frame loop until it is closed. Returns the exit status.
/// Throws ta::Error with one line when the model or the window cannot be opened.
int runViewer(const ViewOptions& options);
} // namespace ta::app
