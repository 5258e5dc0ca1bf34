#pragma once
// Builds the anatomy model (meshes in metres, model frame) from the specification. Deterministic: the same
// spec gives the same vertices in the same order on every run, whatever the number of threads.
#include "core/anatomy/anatomy_spec.h"
#include "core/anatomy_model.h"

#include <functional>
#include <string>

namespace ta::core::anatomy {

/// Called before each structure is built: index (0-based), total, and its id.
using GenerateProgress = std::function<void(std::size_t index, std::size_t total, const std::string& id)>;

struct GenerateOptions {
    int threads = 2;          ///< sampling threads per structure
    float voxelScale = 1.0f;  ///< multiplies every structure's voxel size (tests use a coarse bake)
};

class SurfaceCloudField;

/// The signed distance (mm) to the union of `structures` (meshes in metres) that the skin keeps its clearance
/// from: points sampled ~2.5 mm apart over every triangle, with the face normals. `reach`: see
/// SurfaceCloudField.
SurfaceCloudField coverField(const std::vector<Structure>& structures, float reach);

/// Mesh one structure of the spec in millimetres. For the skin (clearance >= 0) the surface keeps the
/// clearance from every bone of the spec and from `cover` (the muscles), when given.
Mesh meshStructure(const AnatomySpec& spec, const StructureSpec& structure, const GenerateOptions& options,
                   const SurfaceCloudField* cover = nullptr);

/// Generate every structure (bones, muscles from spec.muscles, skin) and landmark of the spec. Throws ValidationError if a structure comes out
/// empty (its shape lies nowhere).
AnatomyModel generateModel(const AnatomySpec& spec, const GenerateOptions& options = {},
                           const GenerateProgress& progress = {});

} // namespace ta::core::anatomy
