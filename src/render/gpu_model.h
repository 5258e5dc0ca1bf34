#pragma once
// The GPU mirror of a core::AnatomyModel: one vertex array per structure, in the same order, so a
// core::StructureId indexes both. Attributes: 0 position, 1 normal, 2 fibre (zero when none), 3 referral
// (vec2 = essential, spillover weights in [0, 1]; zero until set, re-uploadable per structure at run time),
// 4 pain (float in [0, 1]: the client's pain drawing; zero until set, re-uploadable likewise), 5 ambient
// occlusion (float, 1 = open; the baked core::Mesh::occlusion, 1 where none was baked), 6 across (float,
// metres across a muscle sheet, core::Mesh::across; -1 where there is none), 7 tendon (float, 0 fleshy to 1
// tendon, core::Mesh::tendon; 0 where there is none).
#include "core/anatomy_model.h"
#include "render/gl_handles.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace ta::render {

struct GpuMesh {
    VertexArray vertexArray;
    Buffer vertices; ///< interleaved position, normal, fibre, occlusion, across, tendon
    Buffer referral; ///< vec2 per vertex, dynamic
    Buffer pain;     ///< float per vertex, dynamic
    Buffer indices;
    GLsizei indexCount = 0;
    /// A coarser index buffer over the same vertices (quarter of the triangles) for drawing while the view
    /// moves; lodIndexCount = 0 when none was built (small meshes, or LOD not requested).
    Buffer lodIndices;
    GLsizei lodIndexCount = 0;
    std::size_t vertexCount = 0;
    /// Axis-aligned bounds of the vertices (model frame, metres), for occlusion tests.
    glm::vec3 boundsMin{0.0f};
    glm::vec3 boundsMax{0.0f};
    core::Kind kind = core::Kind::Bone;
    core::Layer layer = core::Layer::Bone;
    bool hasReferral = false;
    bool hasPain = false;
};

class GpuModel {
public:
    GpuModel() = default;
    /// Uploads every structure. Needs a current GL context. `buildLod`: also build the coarse index
    /// buffers used while the view moves (costs a little time at start; the viewer wants it).
    explicit GpuModel(const core::AnatomyModel& model, bool buildLod = false);

    std::size_t size() const { return m_meshes.size(); }
    const GpuMesh& mesh(std::size_t index) const { return m_meshes[index]; }

    /// Replace one structure's referral weights (one vec2 per vertex). Returns false (and changes nothing)
    /// when the id is unknown or the count does not match the structure's vertex count. Never throws.
    bool setReferral(core::StructureId id, std::span<const glm::vec2> weights);
    void clearReferral(core::StructureId id);
    void clearAllReferral();
    /// Replace one structure's pain drawing (one intensity per vertex); false, changing nothing, when the id
    /// is unknown or the count does not match. Never throws.
    bool setPain(core::StructureId id, std::span<const float> intensity);
    void clearPain(core::StructureId id);
    void clearAllPain();
    /// Increases whenever per-vertex data changes (referral uploads): lets a frame cache notice uploads
    /// made by anyone.
    std::uint64_t revision() const { return m_revision; }

private:
    /// Replaces one per-vertex buffer of structure `id` with `count` values (`bytes` in all).
    bool uploadPerVertex(core::StructureId id, Buffer GpuMesh::*buffer, bool GpuMesh::*flag, const void* data,
                         std::size_t count, std::size_t bytes);

    std::vector<GpuMesh> m_meshes;
    std::uint64_t m_revision = 0;
};

} // namespace ta::render
