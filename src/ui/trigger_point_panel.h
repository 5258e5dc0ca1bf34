#pragma once
// Every documented trigger point, listed per muscle, for the chosen side; click one to show its referral.
#include "ui/explore_state.h"

namespace ta::ui {
void drawTriggerPointPanel(ExploreState& ex);
} // namespace ta::ui
