#pragma once
// The GPU mirror of a core::AnatomyModel: one vertex array per structure, in the same order, so a
// core::StructureId indexes both. Attributes: 0 position, 1 normal, 2 fibre (zero when none), 3 referral
// (vec2 = essential, spillover weights in [0, 1]; zero until set, re-uploadable per structure at run time).
#include "core/anatomy_model.h"
#include "render/gl_handles.h"

#include <glm/glm.hpp>

#include <span>
#include <vector>

namespace ta::render {

struct GpuMesh {
    VertexArray vertexArray;
    Buffer vertices; ///< interleaved position, normal, fibre
    Buffer referral; ///< vec2 per vertex, dynamic
    Buffer indices;
    GLsizei indexCount = 0;
    std::size_t vertexCount = 0;
    core::Kind kind = core::Kind::Bone;
    core::Layer layer = core::Layer::Bone;
    bool hasReferral = false;
};

class GpuModel {
public:
    GpuModel() = default;
    /// Uploads every structure. Needs a current GL context.
    explicit GpuModel(const core::AnatomyModel& model);

    std::size_t size() const { return m_meshes.size(); }
    const GpuMesh& mesh(std::size_t index) const { return m_meshes[index]; }

    /// Replace one structure's referral weights (one vec2 per vertex). Returns false (and changes nothing)
    /// when the id is unknown or the count does not match the structure's vertex count. Never throws.
    bool setReferral(core::StructureId id, std::span<const glm::vec2> weights);
    void clearReferral(core::StructureId id);
    void clearAllReferral();

private:
    std::vector<GpuMesh> m_meshes;
};

} // namespace ta::render
