#pragma once
// Baking: generate the anatomy model from the specification (core) and reduce each mesh with meshoptimizer
// to a triangle budget the viewer and the file size can carry. Deterministic: same spec, same bytes.
#include "core/anatomy/model_generator.h"
#include "core/anatomy_model.h"
#include "core/geometry/ambient_occlusion.h"

namespace ta::io {

struct BakeOptions {
    core::anatomy::GenerateOptions generate;
    /// Largest allowed deviation of a simplified mesh from the generated one, metres. 0 = no simplification.
    float maxError = 0.0001f;
    /// The same for the skin: a large smooth surface whose fine triangles would cost the most.
    float skinMaxError = 0.0003f;
    /// The same inside the skin's refine box (StructureSpec::refineBox, the face and ears meshed on finer
    /// voxels), where lids, lips and nostrils curve over a few millimetres and the skin's bound would cut
    /// them into facets.
    float fineMaxError = 0.0001f;
    /// After simplification no skin edge is longer than this (metres; 0 = no limit): referral zones are
    /// painted per vertex, and long flat triangles would make their soft edges jagged and miss small zones
    /// (around the eye). Long edges are split at their midpoints, which leaves the surface where it is.
    float skinMaxEdge = 0.008f;
    /// The same inside the skin's refine box, where zones are small (the cheek, beside the nose, over the
    /// brow) and the simplifier leaves long slivers on the flat cheek: their soft edges came out spiky.
    float fineMaxEdge = 0.003f;
    /// Bake ambient occlusion per vertex over the finished model (core::bakeAmbientOcclusion).
    bool ambientOcclusion = true;
    core::AmbientOcclusionOptions occlusion;
};

/// Generate every structure of `spec`, simplify each mesh within `options.maxError`, then bake ambient
/// occlusion per vertex. A structure whose simplified mesh would not stay closed keeps its full mesh.
/// Throws what generateModel throws.
core::AnatomyModel bakeModel(const core::anatomy::AnatomySpec& spec, const BakeOptions& options = {},
                             const core::anatomy::GenerateProgress& progress = {});

/// Simplify a closed triangle mesh (metres) within about `maxError` metres (up to twice that when the
/// requested bound pinches the surface), then unfold what the collapses folded (unfoldTriangles); normals
/// and fibres follow the kept vertices. Returns the input
/// unchanged when no tried bound keeps the surface a closed 2-manifold. Triangles flagged in `keep` (one flag
/// per triangle; empty = none) stay exactly as they are.
core::Mesh simplifyMesh(const core::Mesh& mesh, float maxError, const std::vector<char>& keep = {});

/// Edge collapses can fold a triangle over its neighbours (each collapse is checked, a run of them is not):
/// it then faces into the body and renders as a dark speck. Each such triangle has the edge to one
/// neighbour flipped when both new triangles then face the way the quad's outer neighbours do; vertices
/// do not move, so the surface stays within the simplifier's error and a closed manifold stays one.
/// Repeats up to `maxPasses` times; deterministic. Returns the number of flips.
std::size_t unfoldTriangles(core::Mesh& mesh, int maxPasses = 8);

/// True when triangle `tri` (three indices into `mesh`) faces against the mean of its corners' normals
/// (mesh.normals, which must be set), those normals being within 90 degrees of each other (at a fingertip
/// or a thin rim they are not, and the mean gives no outward direction).
bool facesAgainstItsNormals(const core::Mesh& mesh, const std::uint32_t* tri);

/// A vertex moved past the edge of its own fan folds several triangles at once, each with folded
/// neighbours, so that unfoldTriangles sees no single triangle to flip (it showed as a dark sliver on the
/// chest). Every corner of a triangle that faces against its normals (facesAgainstItsNormals) moves to
/// the mean of its neighbours, all at once, and the pass repeats while any is left (at most `maxPasses`).
/// Connectivity is kept; normals are not recomputed. Deterministic. Returns the vertex moves made.
std::size_t relaxFoldedFans(core::Mesh& mesh, int maxPasses = 8);

/// True when every undirected edge is used by exactly two triangles, once in each direction.
bool isClosedManifold(const core::Mesh& mesh);

} // namespace ta::io
