#pragma once
// The body map: the tag tool, the list of tags by session, the selected tag's editor (active or latent,
// severity, note, move, delete), and opening and saving the client's file.
#include "ui/explore_state.h"

namespace ta::ui {
void drawTagPanel(ExploreState& ex);
} // namespace ta::ui
