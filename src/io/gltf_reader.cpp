#include "io/gltf_reader.h"

#include "core/error.h"

#include <tiny_gltf.h>

#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>

#include <cstring>
#include <functional>

namespace ta::io {
namespace {

std::string extraString(const tinygltf::Value& extras, const char* key)
{
    if (!extras.IsObject() || !extras.Has(key))
        return {};
    const auto& v = extras.Get(key);
    return v.IsString() ? v.Get<std::string>() : std::string{};
}

glm::mat4 localMatrix(const tinygltf::Node& n)
{
    if (n.matrix.size() == 16) {
        glm::dmat4 m;
        std::memcpy(glm::value_ptr(m), n.matrix.data(), sizeof(double) * 16);
        return glm::mat4(m);
    }
    glm::mat4 m(1.0f);
    if (n.translation.size() == 3)
        m = glm::translate(m, glm::vec3(n.translation[0], n.translation[1], n.translation[2]));
    if (n.rotation.size() == 4)
        m *= glm::mat4_cast(glm::quat(static_cast<float>(n.rotation[3]), static_cast<float>(n.rotation[0]),
                                      static_cast<float>(n.rotation[1]), static_cast<float>(n.rotation[2])));
    if (n.scale.size() == 3)
        m = glm::scale(m, glm::vec3(n.scale[0], n.scale[1], n.scale[2]));
    return m;
}

class Reader {
public:
    Reader(const tinygltf::Model& model, std::string file) : m_model(model), m_file(std::move(file)) {}

    // Reads a float VEC3 accessor, honouring byteStride. Throws ValidationError naming the accessor.
    std::vector<glm::vec3> vec3s(int accessorIndex, const std::string& what) const
    {
        const auto& a = accessor(accessorIndex, what);
        if (a.type != TINYGLTF_TYPE_VEC3 || a.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT)
            fail(what + " (accessor " + std::to_string(accessorIndex) + ") is not a float VEC3");
        std::vector<glm::vec3> out(a.count);
        const auto [data, stride] = bytes(a, sizeof(glm::vec3), what);
        for (std::size_t i = 0; i < a.count; ++i)
            std::memcpy(&out[i], data + i * stride, sizeof(glm::vec3));
        return out;
    }

    std::vector<std::uint32_t> indices(int accessorIndex) const
    {
        const auto& a = accessor(accessorIndex, "indices");
        std::size_t size = 0;
        switch (a.componentType) {
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: size = 1; break;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: size = 2; break;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT: size = 4; break;
        default: fail("indices (accessor " + std::to_string(accessorIndex) + ") have an invalid component type");
        }
        const auto [data, stride] = bytes(a, size, "indices");
        std::vector<std::uint32_t> out(a.count);
        for (std::size_t i = 0; i < a.count; ++i) {
            const unsigned char* p = data + i * stride;
            if (size == 1) out[i] = p[0];
            else if (size == 2) { std::uint16_t v; std::memcpy(&v, p, 2); out[i] = v; }
            else std::memcpy(&out[i], p, 4);
        }
        return out;
    }

    [[noreturn]] void fail(const std::string& why) const { throw ValidationError(m_file + ": " + why); }

private:
    const tinygltf::Model& m_model;
    std::string m_file;

    const tinygltf::Accessor& accessor(int index, const std::string& what) const
    {
        if (index < 0 || index >= static_cast<int>(m_model.accessors.size()))
            fail(what + " refers to missing accessor " + std::to_string(index));
        return m_model.accessors[index];
    }

    std::pair<const unsigned char*, std::size_t> bytes(const tinygltf::Accessor& a, std::size_t elementSize,
                                                       const std::string& what) const
    {
        if (a.sparse.isSparse)
            fail(what + ": sparse accessors are not supported");
        if (a.bufferView < 0 || a.bufferView >= static_cast<int>(m_model.bufferViews.size()))
            fail(what + ": accessor has no valid bufferView");
        const auto& view = m_model.bufferViews[a.bufferView];
        if (view.buffer < 0 || view.buffer >= static_cast<int>(m_model.buffers.size()))
            fail(what + ": bufferView has no valid buffer");
        const auto& buf = m_model.buffers[view.buffer].data;
        const std::size_t stride = view.byteStride ? view.byteStride : elementSize;
        const std::size_t start = view.byteOffset + a.byteOffset;
        const std::size_t need = a.count == 0 ? 0 : stride * (a.count - 1) + elementSize;
        if (start + need > view.byteOffset + view.byteLength || view.byteOffset + view.byteLength > buf.size())
            fail(what + ": accessor reads past the end of its buffer");
        return {buf.data() + start, stride};
    }
};

void appendPrimitive(const Reader& r, const tinygltf::Primitive& prim, const glm::mat4& world, core::Mesh& mesh,
                     const std::string& nodeName)
{
    if (prim.mode != TINYGLTF_MODE_TRIANGLES && prim.mode != -1)
        return; // points and lines carry no surface
    const auto pos = prim.attributes.find("POSITION");
    if (pos == prim.attributes.end())
        r.fail("node '" + nodeName + "' has a primitive without POSITION");
    auto positions = r.vec3s(pos->second, "POSITION of node '" + nodeName + "'");
    std::vector<glm::vec3> normals, fibres;
    if (auto n = prim.attributes.find("NORMAL"); n != prim.attributes.end())
        normals = r.vec3s(n->second, "NORMAL of node '" + nodeName + "'");
    if (auto f = prim.attributes.find("_FIBRE"); f != prim.attributes.end())
        fibres = r.vec3s(f->second, "_FIBRE of node '" + nodeName + "'");
    std::vector<std::uint32_t> idx;
    if (prim.indices >= 0)
        idx = r.indices(prim.indices);
    else
        for (std::uint32_t i = 0; i < positions.size(); ++i)
            idx.push_back(i);
    if (idx.size() % 3 != 0)
        r.fail("node '" + nodeName + "': index count " + std::to_string(idx.size()) + " is not a multiple of 3");
    for (auto i : idx)
        if (i >= positions.size())
            r.fail("node '" + nodeName + "': index " + std::to_string(i) + " is out of range (" +
                   std::to_string(positions.size()) + " vertices)");

    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
    const auto base = static_cast<std::uint32_t>(mesh.positions.size());
    const bool keepNormals = normals.size() == positions.size() && (mesh.positions.empty() || !mesh.normals.empty());
    const bool keepFibres = fibres.size() == positions.size() && (mesh.positions.empty() || !mesh.fibres.empty());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        mesh.positions.push_back(glm::vec3(world * glm::vec4(positions[i], 1.0f)));
        if (keepNormals)
            mesh.normals.push_back(glm::normalize(normalMatrix * normals[i]));
        if (keepFibres)
            mesh.fibres.push_back(glm::normalize(glm::mat3(world) * fibres[i]));
    }
    if (!keepNormals)
        mesh.normals.clear();
    if (!keepFibres)
        mesh.fibres.clear();
    for (auto i : idx)
        mesh.indices.push_back(base + i);
}

} // namespace

core::AnatomyModel loadModel(const std::filesystem::path& file)
{
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw IoError(name + ": no such model file");

    tinygltf::TinyGLTF loader;
    tinygltf::Model gm;
    std::string err, warn;
    const bool binary = file.extension() == ".glb" || file.extension() == ".GLB";
    const bool ok = binary ? loader.LoadBinaryFromFile(&gm, &err, &warn, name)
                           : loader.LoadASCIIFromFile(&gm, &err, &warn, name);
    if (!ok) {
        std::string why = err.empty() ? "not a valid glTF file" : err;
        while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
            why.pop_back();
        for (auto& c : why)
            if (c == '\n')
                c = ' ';
        throw ParseError(name + ": " + why);
    }

    Reader r(gm, name);
    core::AnatomyModel model;
    model.credit = extraString(gm.asset.extras, "credit");
    std::function<void(int, const glm::mat4&, int)> visit = [&](int index, const glm::mat4& parent, int depth) {
        if (index < 0 || index >= static_cast<int>(gm.nodes.size()))
            r.fail("scene refers to missing node " + std::to_string(index));
        if (depth > 64)
            r.fail("node hierarchy is too deep (a cycle?)");
        const auto& node = gm.nodes[index];
        const glm::mat4 world = parent * localMatrix(node);
        if (extraString(node.extras, "kind") == "landmark") {
            model.landmarks.push_back({extraString(node.extras, "id"), extraString(node.extras, "name"),
                                       glm::vec3(world[3])});
        } else if (node.mesh >= 0) {
            if (node.mesh >= static_cast<int>(gm.meshes.size()))
                r.fail("node '" + node.name + "' refers to missing mesh " + std::to_string(node.mesh));
            core::Structure s;
            s.id = extraString(node.extras, "id");
            if (s.id.empty())
                s.id = node.name.empty() ? "node-" + std::to_string(index) : node.name;
            s.name = extraString(node.extras, "name");
            if (s.name.empty())
                s.name = s.id;
            s.latin = extraString(node.extras, "latin");
            s.fma = extraString(node.extras, "fma");
            s.side = core::sideFromString(extraString(node.extras, "side")).value_or(core::Side::Midline);
            s.layer = core::layerFromString(extraString(node.extras, "layer")).value_or(core::Layer::Bone);
            s.kind = core::kindFromString(extraString(node.extras, "kind")).value_or(core::Kind::Bone);
            s.source = extraString(node.extras, "source");
            for (const auto& prim : gm.meshes[node.mesh].primitives)
                appendPrimitive(r, prim, world, s.mesh, s.id);
            if (!s.mesh.empty()) {
                if (s.mesh.normals.empty())
                    s.mesh.computeNormals();
                model.structures.push_back(std::move(s));
            }
        }
        for (int child : node.children)
            visit(child, world, depth + 1);
    };

    if (!gm.scenes.empty()) {
        const int sceneIndex = gm.defaultScene >= 0 && gm.defaultScene < static_cast<int>(gm.scenes.size())
                                   ? gm.defaultScene : 0;
        for (int n : gm.scenes[sceneIndex].nodes)
            visit(n, glm::mat4(1.0f), 0);
    } else {
        for (int i = 0; i < static_cast<int>(gm.nodes.size()); ++i)
            visit(i, glm::mat4(1.0f), 0);
    }
    if (model.structures.empty())
        throw ValidationError(name + ": the file holds no triangle meshes");
    return model;
}

} // namespace ta::io
