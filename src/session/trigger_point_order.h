#pragma once
// The order lists of trigger points follow: muscles as the data lists them, except that the parts of one
// muscle go top to bottom together (Upper, Middle, Lower trapezius; the data has Upper, Lower, Middle).
#include "session/trigger_point_catalog.h"

#include <vector>

namespace ta::session {

/// The trigger points of one side, grouped by muscle in that order (data order within a muscle).
std::vector<core::TriggerPointId> triggerPointsInOrder(const TriggerPointCatalog& catalog, const core::AnatomyModel& model,
                                                       core::Side side);

} // namespace ta::session
