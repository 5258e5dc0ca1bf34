#pragma once
// The treatment of the trigger point shown, inside the info panel: technique (position, pressure, hold,
// repetitions), stretch, self-care, precautions, perpetuating factors and the contraindications, each
// statement with its sources and confidence; "none documented" where the sources say nothing.
#include "session/treatment/trigger_point_sheet.h"

namespace ta::ui {
void drawTreatment(const session::TriggerPointSheet& sheet);
} // namespace ta::ui
