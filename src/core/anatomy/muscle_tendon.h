#pragma once
// How much of tendon a point of a muscle sheet is, from the specification's tendon bands (MuscleTendon):
// the per-vertex `Mesh::tendon` the builder writes and the shader paints pale.
#include "core/anatomy/muscle_spec.h"

#include <span>

namespace ta::core::anatomy {

/// The tendon share (0 fleshy .. 1 tendon) at a point of a muscle sheet `along` of the way from origin (0) to
/// insertion (1) and `across` of the way over its width (0 at the first anchor, 1 at the last), for a muscle
/// `lengthMetres` long. Each band reaches its length from its end, tapered toward its sides when it has a peak
/// (as 1 - x^2 of the way x from the peak to the side);
/// its edge is soft over about 3 mm of the muscle (never more than a tenth of its length). Where bands overlap
/// the larger share wins. No bands: 0 everywhere.
float tendonShare(std::span<const MuscleTendon> tendons, float along, float across, float lengthMetres);

} // namespace ta::core::anatomy
