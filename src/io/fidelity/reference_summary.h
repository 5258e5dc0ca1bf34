#pragma once
// A few measured figures per reference structure (for people writing the model's specification):
// centroid, bounding box and the two ends along the structure's long axis, in the model frame (metres).
#include "io/fidelity/reference_set.h"

#include <glm/glm.hpp>

#include <string>
#include <vector>

namespace ta::io {

struct ReferenceStructureSummary {
    std::string fma;
    std::string name; ///< from manifest.tsv
    glm::vec3 centroid{0};
    glm::vec3 min{0}, max{0};
    glm::vec3 endA{0}, endB{0}; ///< extremes along the first principal axis; endA is the higher one
    float length = 0.0f;        ///< |endB - endA|
};

/// Every STL listed in <folder>/manifest.tsv that exists. Throws IoError/ParseError on broken files.
std::vector<ReferenceStructureSummary> summarizeReferenceStructures(ReferenceSet& reference);

std::string formatReferenceStructuresMarkdown(const std::vector<ReferenceStructureSummary>& rows);

} // namespace ta::io
