#include "render/gpu_model.h"

#include <meshoptimizer.h>

namespace ta::render {
namespace {

constexpr GLuint kPositionAttribute = 0;
constexpr GLuint kNormalAttribute = 1;
constexpr GLuint kFibreAttribute = 2;
constexpr GLuint kReferralAttribute = 3;
constexpr GLuint kPainAttribute = 4;
constexpr GLuint kOcclusionAttribute = 5;
constexpr GLuint kAcrossAttribute = 6;
constexpr GLuint kTendonAttribute = 7;

// Meshes from this size get a coarse version: nearly every muscle (400-2600 triangles), not only the skin and
// the large bones. At 4000 the muscles were drawn at full detail while the view turned, and on a CPU renderer
// a turning frame took about a fifth longer.
constexpr std::size_t kLodMinTriangles = 400;

// A simplified index list with about a quarter of the triangles, keeping the silhouette within 1% of the
// mesh size; empty when simplification cannot reduce it meaningfully.
std::vector<std::uint32_t> simplified(const core::Mesh& mesh)
{
    if (mesh.triangleCount() < kLodMinTriangles)
        return {};
    std::vector<std::uint32_t> out(mesh.indices.size());
    const std::size_t target = (mesh.indices.size() / 4) / 3 * 3;
    const std::size_t count =
        meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                         mesh.positions.size(), sizeof(glm::vec3), target, 0.01f, 0, nullptr);
    if (count == 0 || count > mesh.indices.size() * 3 / 4)
        return {};
    out.resize(count);
    return out;
}

GpuMesh upload(const core::Structure& structure, bool buildLod)
{
    const core::Mesh& mesh = structure.mesh;
    GpuMesh gpu;
    gpu.kind = structure.kind;
    gpu.layer = structure.layer;
    gpu.vertexCount = mesh.positions.size();
    if (!mesh.positions.empty()) {
        gpu.boundsMin = gpu.boundsMax = mesh.positions.front();
        for (const glm::vec3& p : mesh.positions) {
            gpu.boundsMin = glm::min(gpu.boundsMin, p);
            gpu.boundsMax = glm::max(gpu.boundsMax, p);
        }
    }
    gpu.indexCount = static_cast<GLsizei>(mesh.indices.size());

    std::vector<glm::vec3> normals = mesh.normals;
    if (normals.size() != mesh.positions.size()) {
        core::Mesh copy = mesh;
        copy.computeNormals();
        normals = std::move(copy.normals);
    }
    std::vector<float> interleaved;
    interleaved.reserve(mesh.positions.size() * 12);
    const bool hasFibres = mesh.fibres.size() == mesh.positions.size();
    const bool hasOcclusion = mesh.occlusion.size() == mesh.positions.size();
    const bool hasAcross = mesh.across.size() == mesh.positions.size();
    const bool hasTendon = mesh.tendon.size() == mesh.positions.size();
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3 f = hasFibres ? mesh.fibres[i] : glm::vec3(0.0f);
        for (const glm::vec3& v : {mesh.positions[i], normals[i], f})
            interleaved.insert(interleaved.end(), {v.x, v.y, v.z});
        interleaved.push_back(hasOcclusion ? mesh.occlusion[i] : 1.0f); // none baked: fully open
        interleaved.push_back(hasAcross ? mesh.across[i] : -1.0f);      // below 0: striations from the position
        interleaved.push_back(hasTendon ? mesh.tendon[i] : 0.0f);       // none given: all fleshy
    }

    gpu.vertexArray = makeVertexArray();
    gpu.vertices = makeBuffer();
    gpu.referral = makeBuffer();
    gpu.pain = makeBuffer();
    gpu.indices = makeBuffer();
    glBindVertexArray(gpu.vertexArray.id());

    glBindBuffer(GL_ARRAY_BUFFER, gpu.vertices.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(interleaved.size() * sizeof(float)), interleaved.data(),
                 GL_STATIC_DRAW);
    constexpr GLsizei stride = 12 * sizeof(float);
    glEnableVertexAttribArray(kPositionAttribute);
    glVertexAttribPointer(kPositionAttribute, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(0));
    glEnableVertexAttribArray(kNormalAttribute);
    glVertexAttribPointer(kNormalAttribute, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(3 * sizeof(float)));
    glEnableVertexAttribArray(kFibreAttribute);
    glVertexAttribPointer(kFibreAttribute, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(6 * sizeof(float)));
    glEnableVertexAttribArray(kOcclusionAttribute);
    glVertexAttribPointer(kOcclusionAttribute, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(9 * sizeof(float)));
    glEnableVertexAttribArray(kAcrossAttribute);
    glVertexAttribPointer(kAcrossAttribute, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(10 * sizeof(float)));
    glEnableVertexAttribArray(kTendonAttribute);
    glVertexAttribPointer(kTendonAttribute, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(11 * sizeof(float)));

    const std::vector<glm::vec2> zeros(gpu.vertexCount, glm::vec2(0.0f));
    glBindBuffer(GL_ARRAY_BUFFER, gpu.referral.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(zeros.size() * sizeof(glm::vec2)), zeros.data(),
                 GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(kReferralAttribute);
    glVertexAttribPointer(kReferralAttribute, 2, GL_FLOAT, GL_FALSE, sizeof(glm::vec2), nullptr);

    const std::vector<float> noPain(gpu.vertexCount, 0.0f);
    glBindBuffer(GL_ARRAY_BUFFER, gpu.pain.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(noPain.size() * sizeof(float)), noPain.data(), GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(kPainAttribute);
    glVertexAttribPointer(kPainAttribute, 1, GL_FLOAT, GL_FALSE, sizeof(float), nullptr);

    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.indices.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                 mesh.indices.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    if (buildLod) {
        const std::vector<std::uint32_t> lod = simplified(mesh);
        if (!lod.empty()) {
            gpu.lodIndices = makeBuffer();
            // Element buffers bind to a vertex array; use the array target to fill it without touching one.
            glBindBuffer(GL_ARRAY_BUFFER, gpu.lodIndices.id());
            glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lod.size() * sizeof(std::uint32_t)), lod.data(),
                         GL_STATIC_DRAW);
            glBindBuffer(GL_ARRAY_BUFFER, 0);
            gpu.lodIndexCount = static_cast<GLsizei>(lod.size());
        }
    }
    return gpu;
}

} // namespace

GpuModel::GpuModel(const core::AnatomyModel& model, bool buildLod)
{
    m_meshes.reserve(model.structures.size());
    for (const core::Structure& s : model.structures)
        m_meshes.push_back(upload(s, buildLod));
}

bool GpuModel::uploadPerVertex(core::StructureId id, Buffer GpuMesh::*buffer, bool GpuMesh::*flag, const void* data,
                               std::size_t count, std::size_t bytes)
{
    if (id.value >= m_meshes.size())
        return false;
    GpuMesh& mesh = m_meshes[id.value];
    if (count != mesh.vertexCount)
        return false;
    glBindBuffer(GL_ARRAY_BUFFER, (mesh.*buffer).id());
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), data);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    mesh.*flag = true;
    ++m_revision;
    return true;
}

bool GpuModel::setReferral(core::StructureId id, std::span<const glm::vec2> weights)
{
    return uploadPerVertex(id, &GpuMesh::referral, &GpuMesh::hasReferral, weights.data(), weights.size(), weights.size_bytes());
}

void GpuModel::clearReferral(core::StructureId id)
{
    if (id.value >= m_meshes.size() || !m_meshes[id.value].hasReferral)
        return;
    GpuMesh& mesh = m_meshes[id.value];
    setReferral(id, std::vector<glm::vec2>(mesh.vertexCount, glm::vec2(0.0f)));
    mesh.hasReferral = false;
}

void GpuModel::clearAllReferral()
{
    for (std::uint32_t i = 0; i < m_meshes.size(); ++i)
        clearReferral(core::StructureId{i});
}

bool GpuModel::setPain(core::StructureId id, std::span<const float> intensity)
{
    return uploadPerVertex(id, &GpuMesh::pain, &GpuMesh::hasPain, intensity.data(), intensity.size(), intensity.size_bytes());
}

void GpuModel::clearPain(core::StructureId id)
{
    if (id.value >= m_meshes.size() || !m_meshes[id.value].hasPain)
        return;
    GpuMesh& mesh = m_meshes[id.value];
    setPain(id, std::vector<float>(mesh.vertexCount, 0.0f));
    mesh.hasPain = false;
}

void GpuModel::clearAllPain()
{
    for (std::uint32_t i = 0; i < m_meshes.size(); ++i)
        clearPain(core::StructureId{i});
}

} // namespace ta::render
