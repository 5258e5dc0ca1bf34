#pragma once
// A client's pain drawing on a surface: the pain marks of a body map (each a point, a radius and an
// intensity 0-10) turned into one intensity per vertex in [0, 1], the form the reverse lookup and the
// renderer take. A mark paints its full intensity out to 60 % of its radius and fades smoothly to nothing
// at the radius; where marks overlap the strongest wins (a drawing, not a sum).
#include "core/bodymap/body_map.h"
#include "core/mesh.h"

#include <span>
#include <vector>

namespace ta::core {

/// Intensity in [0, 1] for every vertex of `mesh` (model frame, metres). All zero without marks.
std::vector<float> painIntensities(const Mesh& mesh, std::span<const PainMark> marks);

/// The pain marks of one session, or of every session when `date` is empty.
std::vector<PainMark> painMarksOf(const BodyMap& map, std::string_view date);

} // namespace ta::core
