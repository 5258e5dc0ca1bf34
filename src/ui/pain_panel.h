#pragma once
// The pain drawing section of the body-map panel: the pain brush (size, intensity), erasing the session's
// drawing, and the trigger points that could explain it, best first, each with the lookup's reason; a
// click shows that trigger point's referral in red over the client's blue drawing.
#include "ui/explore_state.h"

namespace ta::ui {
void drawPainSection(ExploreState& ex);
} // namespace ta::ui
