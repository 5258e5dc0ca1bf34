#pragma once
// The pain drawing section of the body-map panel: the pain brush (size, intensity), erasing the session's
// drawing, and the trigger points that could explain it, best first, each with the lookup's reason; a
// click shows that trigger point's referral in red over the client's blue drawing.
#include "session/app_session.h"
#include "ui/action_dispatch.h"
#include "ui/ui_state.h"

struct ImVec4;

namespace ta::ui {
void drawPainSection(session::AppSession& s, UiState& ui);

/// The button of a tool (tag tool, pain brush): `onLabel` on `onColour` while the tool is in hand; a click
/// runs `action`.
void toolButton(session::AppSession& s, UiState& ui, ActionId action, bool on, const char* onLabel, const char* offLabel, const ImVec4& onColour);
} // namespace ta::ui
