#include "io/gltf_reader.h"

#include "core/error.h"
#include "core/json_limits.h"
#include "core/read_file.h"
#include "io/gltf_limits.h"

#include <tiny_gltf.h>

#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>

#include <cmath>
#include <cstring>
#include <vector>

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
        const auto [data, stride] = bytes(a, sizeof(glm::vec3), what); // checked before allocating
        std::vector<glm::vec3> out(a.count);
        for (std::size_t i = 0; i < a.count; ++i) {
            std::memcpy(&out[i], data + i * stride, sizeof(glm::vec3));
            if (!std::isfinite(out[i].x) || !std::isfinite(out[i].y) || !std::isfinite(out[i].z))
                fail(what + ": value " + std::to_string(i) + " is not a finite number");
        }
        return out;
    }

    // Reads a float SCALAR accessor whose values all lie in [lo, hi]; empty when it is of another type or a
    // value lies outside (another tool's attribute of the same name must not stop the model loading). A
    // bufferView out of bounds still throws ValidationError naming the accessor.
    std::vector<float> floatsWithin(int accessorIndex, const std::string& what, float lo, float hi) const
    {
        const auto& a = accessor(accessorIndex, what);
        if (a.type != TINYGLTF_TYPE_SCALAR || a.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT)
            return {};
        const auto [data, stride] = bytes(a, sizeof(float), what);
        std::vector<float> out(a.count);
        for (std::size_t i = 0; i < a.count; ++i) {
            std::memcpy(&out[i], data + i * stride, sizeof(float));
            if (!(out[i] >= lo && out[i] <= hi)) // also false for NaN
                return {};
        }
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
        // Every sum and product checked without overflow, against the real sizes (a byteOffset near
        // 2^64 used to wrap around the old check).
        if (view.byteOffset > buf.size() || view.byteLength > buf.size() - view.byteOffset)
            fail(what + ": bufferView " + std::to_string(a.bufferView) + " (offset " +
                 std::to_string(view.byteOffset) + ", length " + std::to_string(view.byteLength) +
                 ") lies outside its buffer of " + std::to_string(buf.size()) + " bytes");
        if (stride < elementSize)
            fail(what + ": byteStride " + std::to_string(stride) + " is smaller than an element");
        if (a.count > 0) {
            const std::size_t room = a.byteOffset <= view.byteLength ? view.byteLength - a.byteOffset : 0;
            if (a.byteOffset > view.byteLength || room < elementSize || (a.count - 1) > (room - elementSize) / stride)
                fail(what + ": accessor (offset " + std::to_string(a.byteOffset) + ", " + std::to_string(a.count) +
                     " elements) reads past the end of its bufferView");
        }
        return {buf.data() + view.byteOffset + a.byteOffset, stride};
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
    std::vector<float> occlusion;
    if (auto o = prim.attributes.find("_OCCLUSION"); o != prim.attributes.end())
        occlusion = r.floatsWithin(o->second, "_OCCLUSION of node '" + nodeName + "'", 0.0f, 1.0f);
    std::vector<float> across;
    if (auto a = prim.attributes.find("_ACROSS"); a != prim.attributes.end())
        across = r.floatsWithin(a->second, "_ACROSS of node '" + nodeName + "'", 0.0f, kMaxModelCoordinate);
    std::vector<float> tendon;
    if (auto t = prim.attributes.find("_TENDON"); t != prim.attributes.end())
        tendon = r.floatsWithin(t->second, "_TENDON of node '" + nodeName + "'", 0.0f, 1.0f);
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
    const bool keepOcclusion =
        occlusion.size() == positions.size() && (mesh.positions.empty() || !mesh.occlusion.empty());
    const bool keepAcross = across.size() == positions.size() && (mesh.positions.empty() || !mesh.across.empty());
    const bool keepTendon = tendon.size() == positions.size() && (mesh.positions.empty() || !mesh.tendon.empty());
    if (mesh.positions.size() + positions.size() > kMaxModelVertices || mesh.indices.size() + idx.size() > kMaxModelIndices)
        r.fail("node '" + nodeName + "': more than " + std::to_string(kMaxModelVertices) + " vertices or " +
               std::to_string(kMaxModelIndices) + " indices");
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const glm::vec3 p(world * glm::vec4(positions[i], 1.0f));
        if (!(std::abs(p.x) <= kMaxModelCoordinate && std::abs(p.y) <= kMaxModelCoordinate &&
              std::abs(p.z) <= kMaxModelCoordinate)) // also false for NaN
            r.fail("node '" + nodeName + "': vertex " + std::to_string(i) + " lies beyond " +
                   std::to_string(static_cast<int>(kMaxModelCoordinate)) + " m or is not finite");
        mesh.positions.push_back(p);
        if (keepNormals)
            mesh.normals.push_back(glm::normalize(normalMatrix * normals[i]));
        if (keepFibres)
            mesh.fibres.push_back(glm::normalize(glm::mat3(world) * fibres[i]));
        if (keepOcclusion)
            mesh.occlusion.push_back(occlusion[i]);
        if (keepAcross)
            mesh.across.push_back(across[i]);
        if (keepTendon)
            mesh.tendon.push_back(tendon[i]);
    }
    if (!keepNormals)
        mesh.normals.clear();
    if (!keepFibres)
        mesh.fibres.clear();
    if (!keepOcclusion)
        mesh.occlusion.clear();
    if (!keepAcross)
        mesh.across.clear();
    if (!keepTendon)
        mesh.tendon.clear();
    for (auto i : idx)
        mesh.indices.push_back(base + i);
}

} // namespace

core::AnatomyModel loadModel(const std::filesystem::path& file)
{
    const std::string name = file.string();
    // Read once, here: a FIFO, device or directory is refused before reading, and the size is capped
    // (tinygltf takes an unsigned int length: a 4 GiB file would load as its first bytes).
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw IoError(name + ": no such model file");
    const std::string bytes = core::readTextFile(file, core::kMaxModelBytes);
    const bool binary = file.extension() == ".glb" || file.extension() == ".GLB";
    return parseModel(bytes, binary, name, file.has_parent_path() ? file.parent_path() : std::filesystem::path("."));
}

core::AnatomyModel parseModel(std::string_view bytes, bool binary, const std::string& name,
                              const std::filesystem::path& baseDir)
{
    if (bytes.size() > core::kMaxModelBytes)
        throw IoError(name + ": too large (" + std::to_string(bytes.size()) + " bytes; the limit is " +
                      std::to_string(core::kMaxModelBytes) + ")");
    // The JSON's nesting is checked before tinygltf's recursive parser sees it (extras 20,000 deep
    // overflowed its stack).
    core::checkJsonDepth(binary ? checkGlbContainer(bytes, name) : std::string_view(bytes), name);

    tinygltf::TinyGLTF loader;
    limitFileAccess(loader);
    tinygltf::Model gm;
    std::string err, warn;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto size = static_cast<unsigned int>(bytes.size());
    bool ok = false;
    try {
        ok = binary ? loader.LoadBinaryFromMemory(&gm, &err, &warn, data, size, baseDir.string())
                    : loader.LoadASCIIFromString(&gm, &err, &warn, bytes.data(), size, baseDir.string());
    } catch (const std::exception& e) { // tinygltf's JSON library on a wrong type, or out of memory
        throw ParseError(name + ": not a valid glTF file (" + e.what() + ")");
    }
    if (!ok)
        throw ParseError(name + ": " + oneLine(err.empty() ? "not a valid glTF file" : err));
    if (gm.nodes.size() > kMaxGltfNodes)
        throw ValidationError(name + ": " + std::to_string(gm.nodes.size()) + " nodes (at most " +
                              std::to_string(kMaxGltfNodes) + ")");

    Reader r(gm, name);
    core::AnatomyModel model;
    model.credit = extraString(gm.asset.extras, "credit");
    std::size_t totalVertices = 0;
    auto addNode = [&](int index, const glm::mat4& world) {
        const auto& node = gm.nodes[index];
        if (extraString(node.extras, "kind") == "landmark") {
            const glm::vec3 at(world[3]);
            if (!(glm::all(glm::lessThanEqual(glm::abs(at), glm::vec3(kMaxModelCoordinate)))))
                r.fail("landmark node '" + node.name + "' lies beyond " +
                       std::to_string(static_cast<int>(kMaxModelCoordinate)) + " m or is not finite");
            model.landmarks.push_back({extraString(node.extras, "id"), extraString(node.extras, "name"), at});
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
            totalVertices += s.mesh.positions.size();
            if (totalVertices > kMaxModelVertices)
                r.fail("more than " + std::to_string(kMaxModelVertices) + " vertices in all");
            if (!s.mesh.empty()) {
                if (s.mesh.normals.empty())
                    s.mesh.computeNormals();
                model.structures.push_back(std::move(s));
            }
        }
    };

    // The node graph walked once, without recursion: glTF nodes form trees, so a node reached a second
    // time is a cycle or a shared child (a 2.5 KB file of shared children once meant 2^24 instances).
    std::vector<char> reached(gm.nodes.size(), 0);
    std::vector<std::pair<int, glm::mat4>> stack;
    auto push = [&](int index, const glm::mat4& parent) {
        if (index < 0 || index >= static_cast<int>(gm.nodes.size()))
            r.fail("scene refers to missing node " + std::to_string(index));
        if (reached[index])
            r.fail("node " + std::to_string(index) + " is reached twice (a cycle or a shared child; glTF nodes form trees)");
        reached[index] = 1;
        const glm::mat4 world = parent * localMatrix(gm.nodes[index]);
        stack.emplace_back(index, world);
    };
    auto walk = [&](int root) {
        push(root, glm::mat4(1.0f));
        while (!stack.empty()) {
            const auto [index, world] = stack.back();
            stack.pop_back();
            addNode(index, world);
            const auto& children = gm.nodes[index].children;
            for (auto it = children.rbegin(); it != children.rend(); ++it) // keeps the file's order
                push(*it, world);
        }
    };
    if (!gm.scenes.empty()) {
        const int sceneIndex = gm.defaultScene >= 0 && gm.defaultScene < static_cast<int>(gm.scenes.size())
                                   ? gm.defaultScene : 0;
        for (int n : gm.scenes[sceneIndex].nodes)
            walk(n);
    } else {
        // No scene: every node that is nobody's child is a root.
        std::vector<char> isChild(gm.nodes.size(), 0);
        for (const auto& n : gm.nodes)
            for (int c : n.children)
                if (c >= 0 && c < static_cast<int>(gm.nodes.size()))
                    isChild[c] = 1;
        for (int i = 0; i < static_cast<int>(gm.nodes.size()); ++i)
            if (!isChild[i])
                walk(i);
    }
    if (model.structures.empty())
        throw ValidationError(name + ": the file holds no triangle meshes");
    return model;
}

} // namespace ta::io
