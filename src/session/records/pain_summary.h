#pragma once
// What a pain drawing amounts to on the model's skin: the area it covers (cm²) and, per body region of the
// referral vocabulary, how much of the region it covers and how strong the pain is there. Used for the
// regions each pain mark covers (stored with the mark), for comparing sessions, for the report and the
// progress chart of drawing area. Computed on the skin so that the figures do not depend on what is shown.
#include "core/anatomy_model.h"
#include "core/bodymap/body_map.h"
#include "session/trigger_point_catalog.h"

#include <string>
#include <vector>

namespace ta::session {

struct RegionPain {
    std::uint32_t region = 0; ///< index into the catalog's atlas regions (one side's instance)
    std::string key;          ///< "temple-left"
    std::string name;         ///< "Temple (left)"
    int peakIntensity = 0;    ///< 0..10: the strongest pain drawn inside the region
    double areaCm2 = 0.0;     ///< painted skin inside the region, cm²
    double coverage = 0.0;    ///< share of the region's own area that is painted, 0..1
};

struct PainSummary {
    double areaCm2 = 0.0;            ///< painted skin, cm² (a vertex counts with its share of area)
    std::vector<RegionPain> regions; ///< regions with any pain, strongest first
};

/// Summarises `marks` (intensities 0..10, positions on the skin, model frame) on the model's "skin".
/// Empty when there is no skin, no data or no marks. Never throws.
PainSummary summarisePain(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                          const std::vector<core::PainMark>& marks);

/// The region keys ("temple-left") one mark covers (its own footprint, at least half-weight membership).
std::vector<std::string> regionsUnderMark(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                          const core::PainMark& mark);

/// Where to put a mark made by naming a region (command line): the centre of the region's footprint on
/// the skin, and a radius giving about the region's area. nullopt when the region paints no skin.
struct RegionMarkPlace {
    glm::vec3 position{0.0f};
    float radius = 0.02f;
};
std::optional<RegionMarkPlace> placeOfRegion(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                             std::uint32_t regionIndex);

} // namespace ta::session
