#pragma once
// Help > About this model: which model is open, what it holds, where its meshes came from and the credit
// its data requires (an imported BodyParts3D model carries the dataset's licence line; our generated model
// says it is ours), and which structures an import took from our model.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawAboutModel(const session::AppSession& s, UiState& ui);
} // namespace ta::ui
