#pragma once
// Scoring a painted referral pattern against the documented one, by skin area. Each vertex of the
// surface stands for a third of the area of the triangles around it (vertexAreas). A vertex belongs to
//   the essential zone  when its essential weight is >= threshold,
//   the spillover zone  when it is not essential and its spillover weight is >= threshold,
//   the drawing         when its painted intensity is >= threshold.
// The score is the Dice overlap 2 |D ∩ E| / (|D| + |E|) with areas for sizes, where the spillover zone is
// taken out of both D and E first: painting where pain may spill over counts neither for nor against.
// Weights and intensities are per vertex of one mesh (core::ReferralProjector and core::painIntensities
// give them). Never throws; mismatched lengths score over the common prefix.
#include "core/mesh.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace ta::core::study {

inline constexpr float kZoneThreshold = 0.5f;

/// One third of the area of every triangle at each vertex (m^2); sums to Mesh::area().
std::vector<double> vertexAreas(const Mesh& mesh);

enum class ZoneCell : std::uint8_t { Outside, Essential, Spillover };
/// Which zone a vertex with referral weights (essential, spillover) lies in.
ZoneCell zoneCell(glm::vec2 weights, float threshold = kZoneThreshold);

struct PaintScore {
    double dice = 0.0;          ///< 0..1; 0 when the documented essential zone has no area here
    double essentialArea = 0.0; ///< m^2
    double paintedArea = 0.0;   ///< painted outside the spillover zone, m^2
    double overlapArea = 0.0;   ///< painted inside the essential zone, m^2
    double spilloverPainted = 0.0; ///< painted inside the spillover zone (not counted), m^2
    double missedArea() const { return essentialArea - overlapArea; }
    double extraArea() const { return paintedArea - overlapArea; }
};

PaintScore scorePaint(std::span<const double> areas, std::span<const glm::vec2> referral,
                      std::span<const float> painted, float threshold = kZoneThreshold);

} // namespace ta::core::study
