#pragma once
// The one "explain this drawing" service: a client's pain marks, projected on the model's skin, ranked
// against every documented referral pattern. The body-map panel (through PainTool) and
// `trigger-atlas lookup --tags` both call it, so they rank alike by construction.
#include "core/anatomy_model.h"
#include "core/bodymap/body_map.h"
#include "session/trigger_point_catalog.h"

#include <vector>

namespace ta::session {

/// The trigger points that best explain `marks` drawn on the model's "skin", best first, at most `limit`
/// (0 = all). Empty when the model has no skin, the catalog is not loaded or there are no marks.
/// Never throws.
std::vector<TriggerPointCatalog::PainSource> explainDrawing(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                            const std::vector<core::PainMark>& marks, std::size_t limit = 8);

} // namespace ta::session
