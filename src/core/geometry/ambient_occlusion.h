#pragma once
// Ambient occlusion baked per vertex: how much of the hemisphere above each vertex is open, found by casting
// a fixed set of rays over the whole model's BVH. Done once at bake time (io::bakeModel), stored in the glb
// (`_OCCLUSION`) and read by the shader, so folds, the gaps between muscles and the orbits read on any GPU
// and on software rendering, without a screen-space pass.
#include "core/anatomy_model.h"

#include <functional>

namespace ta::core {

struct AmbientOcclusionOptions {
    int rays = 48;              ///< rays per vertex over the hemisphere (cosine-weighted, fixed set)
    float maxDistance = 0.030f; ///< metres: farther surfaces do not occlude (the effect stays local)
    float bias = 0.0002f;       ///< metres: rays start this far out along the normal (no self-hits)
    int threads = 0;            ///< 0 = one per hardware thread (at most 8); the result does not depend on it
    /// Told the fraction done (0..1) from the calling thread now and then; returning false stops the bake
    /// (bakeAmbientOcclusion then returns false and the model's occlusion is not to be used). May be empty.
    std::function<bool(double)> progress;
    /// Which structures get new values (empty: all). The others keep the occlusion they have and still
    /// occlude: an import bakes its own structures and keeps what our model baked for the rest.
    std::function<bool(const Structure&)> bake;
};

/// Fills `mesh.occlusion` of every structure: 1 - the share of its (cosine-weighted) rays that meet a surface
/// within `maxDistance`. Occluders of a structure are the structures of its own layer and every deeper one
/// (kAllLayers order): what is drawn with it once the outer layers are peeled, so a muscle is not darkened
/// by the skin over it. The skin is occluded by the skin alone (all else lies beneath it).
/// The values are then smoothed over each vertex's neighbours (two passes), which removes the ray pattern's
/// noise and keeps a vertex caught in a fold of the mesh from showing as a black speck. Deterministic: the same
/// model gives the same values, whatever the thread count. A structure without triangles gets no values. Throws only
/// what allocation and std::thread throw.
/// Returns false when options.progress stopped it.
bool bakeAmbientOcclusion(AnatomyModel& model, const AmbientOcclusionOptions& options = {});

} // namespace ta::core
