#pragma once
// Landmarks located on the reference meshes by simple, reproducible geometric rules (extreme points of a
// bone in a given direction, ends of a bone, ...), in the model frame (metres). They are compared with
// the model's landmark nodes of the same id in the fidelity report.
#include "io/fidelity/reference_set.h"

#include <glm/glm.hpp>

#include <string>
#include <vector>

namespace ta::io {

struct ReferenceLandmark {
    std::string id;         ///< the model's landmark id, e.g. "mastoid-tip-left"
    glm::vec3 position{0};  ///< model frame, metres
    std::string rule;       ///< how it was found, in words, e.g. "lowest point of the temporal bone ..."
};

/// Every landmark whose reference meshes are present. Throws IoError/ParseError for broken files.
std::vector<ReferenceLandmark> computeReferenceLandmarks(ReferenceSet& reference);

} // namespace ta::io
