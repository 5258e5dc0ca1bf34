#include "render/gpu_model.h"

namespace ta::render {
namespace {

constexpr GLuint kPositionAttribute = 0;
constexpr GLuint kNormalAttribute = 1;
constexpr GLuint kFibreAttribute = 2;
constexpr GLuint kReferralAttribute = 3;

GpuMesh upload(const core::Structure& structure)
{
    const core::Mesh& mesh = structure.mesh;
    GpuMesh gpu;
    gpu.kind = structure.kind;
    gpu.layer = structure.layer;
    gpu.vertexCount = mesh.positions.size();
    gpu.indexCount = static_cast<GLsizei>(mesh.indices.size());

    std::vector<glm::vec3> normals = mesh.normals;
    if (normals.size() != mesh.positions.size()) {
        core::Mesh copy = mesh;
        copy.computeNormals();
        normals = std::move(copy.normals);
    }
    std::vector<float> interleaved;
    interleaved.reserve(mesh.positions.size() * 9);
    const bool hasFibres = mesh.fibres.size() == mesh.positions.size();
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3 f = hasFibres ? mesh.fibres[i] : glm::vec3(0.0f);
        for (const glm::vec3& v : {mesh.positions[i], normals[i], f})
            interleaved.insert(interleaved.end(), {v.x, v.y, v.z});
    }

    gpu.vertexArray = makeVertexArray();
    gpu.vertices = makeBuffer();
    gpu.referral = makeBuffer();
    gpu.indices = makeBuffer();
    glBindVertexArray(gpu.vertexArray.id());

    glBindBuffer(GL_ARRAY_BUFFER, gpu.vertices.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(interleaved.size() * sizeof(float)), interleaved.data(),
                 GL_STATIC_DRAW);
    constexpr GLsizei stride = 9 * sizeof(float);
    glEnableVertexAttribArray(kPositionAttribute);
    glVertexAttribPointer(kPositionAttribute, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(0));
    glEnableVertexAttribArray(kNormalAttribute);
    glVertexAttribPointer(kNormalAttribute, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(3 * sizeof(float)));
    glEnableVertexAttribArray(kFibreAttribute);
    glVertexAttribPointer(kFibreAttribute, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(6 * sizeof(float)));

    const std::vector<glm::vec2> zeros(gpu.vertexCount, glm::vec2(0.0f));
    glBindBuffer(GL_ARRAY_BUFFER, gpu.referral.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(zeros.size() * sizeof(glm::vec2)), zeros.data(),
                 GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(kReferralAttribute);
    glVertexAttribPointer(kReferralAttribute, 2, GL_FLOAT, GL_FALSE, sizeof(glm::vec2), nullptr);

    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.indices.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                 mesh.indices.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return gpu;
}

} // namespace

GpuModel::GpuModel(const core::AnatomyModel& model)
{
    m_meshes.reserve(model.structures.size());
    for (const core::Structure& s : model.structures)
        m_meshes.push_back(upload(s));
}

bool GpuModel::setReferral(core::StructureId id, std::span<const glm::vec2> weights)
{
    if (!id.valid() || id.value >= m_meshes.size())
        return false;
    GpuMesh& mesh = m_meshes[id.value];
    if (weights.size() != mesh.vertexCount)
        return false;
    glBindBuffer(GL_ARRAY_BUFFER, mesh.referral.id());
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(weights.size_bytes()), weights.data());
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    mesh.hasReferral = true;
    return true;
}

void GpuModel::clearReferral(core::StructureId id)
{
    if (!id.valid() || id.value >= m_meshes.size() || !m_meshes[id.value].hasReferral)
        return;
    GpuMesh& mesh = m_meshes[id.value];
    const std::vector<glm::vec2> zeros(mesh.vertexCount, glm::vec2(0.0f));
    setReferral(id, zeros);
    mesh.hasReferral = false;
}

void GpuModel::clearAllReferral()
{
    for (std::uint32_t i = 0; i < m_meshes.size(); ++i)
        clearReferral(core::StructureId{i});
}

} // namespace ta::render
