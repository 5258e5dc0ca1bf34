#pragma once
// File > Open model... (a path field checked as it is typed, the recent models, the built-in one) and
// File > Import model... (source and output, a triangle budget, a progress bar with Cancel, "Replace?"
// before an existing file, then "Open it now"). The import runs session::ModelImportJob, the same service as
// `trigger-atlas import-model`; opening is done by the frame loop (ModelDialogState::openRequest).
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {

/// The two menu items, drawn inside the File menu.
void drawModelMenuItems(const session::AppSession& s, UiState& ui);
/// The two dialogs, when open. Never throws.
void drawModelDialogs(session::AppSession& s, UiState& ui);
/// The output suggested for an import of `source`: ~/trigger-atlas/models/<name>.glb.
std::string suggestedImportOutput(const std::string& source);

} // namespace ta::ui
