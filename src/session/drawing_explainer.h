#pragma once
// The one "explain this drawing" service: a client's pain marks, or named regions painted as their
// footprint, projected on the model's skin and ranked against every documented referral pattern by the
// one geometric engine (core::lookupDrawing). The body-map panel (through PainTool), `trigger-atlas lookup`
// (--region, --tags, --session) and the session report all call it, so they rank alike by construction.
#include "core/anatomy_model.h"
#include "core/bodymap/body_map.h"
#include "session/trigger_point_catalog.h"

#include <vector>

namespace ta::session {

/// The trigger points that best explain `marks` drawn on the model's "skin", best first, at most `limit`
/// (0 = all). Empty when the model has no skin, the catalog is not loaded or there are no marks.
/// Never throws beyond std::bad_alloc.
std::vector<TriggerPointCatalog::PainSource> explainDrawing(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                            const std::vector<core::PainMark>& marks, std::size_t limit = 8);

/// The whole verdict on `marks`: every source, grouped by muscle, and the sets that cover the drawing.
/// Empty as explainDrawing. Never throws beyond std::bad_alloc.
TriggerPointCatalog::PainExplanation explainDrawingFully(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                         const std::vector<core::PainMark>& marks);

/// The same verdict on region instances painted as their footprint on the skin (`lookup --region`): a
/// neighbouring zone counts in part. Empty when the model has no skin or the catalog is not loaded.
/// Never throws beyond std::bad_alloc.
TriggerPointCatalog::PainExplanation explainRegions(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                    const std::vector<core::SidedIndex>& regions);

} // namespace ta::session
