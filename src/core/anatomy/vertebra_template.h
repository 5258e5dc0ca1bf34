#pragma once
// A parametric vertebra (C2-T12 pattern): body, pedicles and laminae around the canal, articular pillars,
// transverse processes and a (possibly bifid) spinous process. Millimetres, model frame, midline.
#include "core/anatomy/sdf_primitive.h"

#include <vector>

namespace ta::core::anatomy {

struct VertebraParams {
    glm::vec3 centre{0.0f};       ///< centre of the vertebral body
    glm::vec3 body{10.0f};        ///< body half extents: half width (x), half height (y), half depth (z)
    glm::vec2 canal{10.0f, 7.0f}; ///< canal half width, half depth
    glm::vec3 spinousTip{0.0f};   ///< tip of the spinous process (x ignored: midline)
    glm::vec3 transverseTip{0.0f};///< tip of the LEFT transverse process (mirrored for the right)
    bool bifid = false;
    float processRadius = 3.0f;
};

/// The primitives of one vertebra, all combined by union (bilateral parts evaluated at |x|).
std::vector<Primitive> vertebraPrimitives(const VertebraParams& v);

} // namespace ta::core::anatomy
