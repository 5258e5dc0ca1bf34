#pragma once
// The per-vertex overlays the scene shows, each a named VertexQuantity: one channel per kind of overlay,
// owned by the session, mirrored on the GPU by render::OverlayMirror.
#include "core/overlay/vertex_quantity.h"

#include <glm/glm.hpp>

namespace ta::core {

struct OverlaySet {
    /// Referral of the trigger point shown: (essential, spillover) weight in [0, 1] per vertex.
    VertexQuantity<glm::vec2> referral{"referral"};
    /// The client's pain drawing: intensity in [0, 1] per vertex.
    VertexQuantity<float> pain{"pain"};
};

} // namespace ta::core
