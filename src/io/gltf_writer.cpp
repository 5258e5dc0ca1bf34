#include "io/gltf_writer.h"

#include "core/atomic_file.h"
#include "core/error.h"

#include <tiny_gltf.h>

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace ta::io {
namespace {

constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

struct MaterialLook {
    core::Kind kind;
    double r, g, b, a;
    double roughness;
};

// Base colours in linear space; chosen to read as anatomy-atlas tissue in any viewer.
constexpr MaterialLook kLooks[] = {
    {core::Kind::Bone, 0.80, 0.74, 0.60, 1.0, 0.70},
    {core::Kind::Cartilage, 0.62, 0.70, 0.72, 1.0, 0.45},
    {core::Kind::Muscle, 0.50, 0.09, 0.07, 1.0, 0.55},
    {core::Kind::Tendon, 0.56, 0.58, 0.60, 1.0, 0.40},
    {core::Kind::Skin, 0.86, 0.62, 0.50, 1.0, 0.60},
};

class Builder {
public:
    tinygltf::Model model;

    Builder()
    {
        model.asset.version = "2.0";
        model.asset.generator = "TriggerAtlas";
        model.buffers.emplace_back();
        for (const auto& look : kLooks) {
            tinygltf::Material m;
            m.name = std::string(core::toString(look.kind));
            m.pbrMetallicRoughness.baseColorFactor = {look.r, look.g, look.b, look.a};
            m.pbrMetallicRoughness.metallicFactor = 0.0;
            m.pbrMetallicRoughness.roughnessFactor = look.roughness;
            m_materialOf[look.kind] = static_cast<int>(model.materials.size());
            model.materials.push_back(std::move(m));
        }
    }

    int material(core::Kind kind) const { return m_materialOf.at(kind); }

    int addVec3(const std::vector<glm::vec3>& v, bool withBounds)
    {
        const int view = addView(v.data(), v.size() * sizeof(glm::vec3), kArrayBuffer);
        tinygltf::Accessor a;
        a.bufferView = view;
        a.componentType = TINYGLTF_COMPONENT_TYPE_FLOAT;
        a.type = TINYGLTF_TYPE_VEC3;
        a.count = v.size();
        if (withBounds) {
            core::Aabb b;
            for (const auto& p : v)
                b.expand(p);
            a.minValues = {b.min.x, b.min.y, b.min.z};
            a.maxValues = {b.max.x, b.max.y, b.max.z};
        }
        model.accessors.push_back(std::move(a));
        return static_cast<int>(model.accessors.size() - 1);
    }

    int addScalars(const std::vector<float>& v)
    {
        const int view = addView(v.data(), v.size() * sizeof(float), kArrayBuffer);
        tinygltf::Accessor a;
        a.bufferView = view;
        a.componentType = TINYGLTF_COMPONENT_TYPE_FLOAT;
        a.type = TINYGLTF_TYPE_SCALAR;
        a.count = v.size();
        model.accessors.push_back(std::move(a));
        return static_cast<int>(model.accessors.size() - 1);
    }

    int addIndices(const std::vector<std::uint32_t>& idx)
    {
        const int view = addView(idx.data(), idx.size() * sizeof(std::uint32_t), kElementArrayBuffer);
        tinygltf::Accessor a;
        a.bufferView = view;
        a.componentType = TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT;
        a.type = TINYGLTF_TYPE_SCALAR;
        a.count = idx.size();
        model.accessors.push_back(std::move(a));
        return static_cast<int>(model.accessors.size() - 1);
    }

private:
    std::map<core::Kind, int> m_materialOf;

    int addView(const void* data, std::size_t bytes, int target)
    {
        auto& buf = model.buffers[0].data;
        const std::size_t offset = buf.size(); // every element is 4 bytes: offsets stay 4-aligned
        buf.resize(offset + bytes);
        std::memcpy(buf.data() + offset, data, bytes);
        tinygltf::BufferView view;
        view.buffer = 0;
        view.byteOffset = offset;
        view.byteLength = bytes;
        view.target = target;
        model.bufferViews.push_back(view);
        return static_cast<int>(model.bufferViews.size() - 1);
    }
};

tinygltf::Value stringObject(const std::map<std::string, std::string>& fields)
{
    tinygltf::Value::Object o;
    for (const auto& [k, v] : fields)
        o[k] = tinygltf::Value(v);
    return tinygltf::Value(o);
}

void checkMesh(const core::Structure& s)
{
    const auto& m = s.mesh;
    auto fail = [&](const std::string& why) {
        throw ValidationError("cannot write structure '" + s.id + "': " + why);
    };
    if (m.positions.empty() || m.indices.empty() || m.indices.size() % 3 != 0)
        fail("mesh has no triangles");
    if (!m.normals.empty() && m.normals.size() != m.positions.size())
        fail("normal count differs from vertex count");
    if (!m.fibres.empty() && m.fibres.size() != m.positions.size())
        fail("fibre count differs from vertex count");
    if (!m.occlusion.empty() && m.occlusion.size() != m.positions.size())
        fail("occlusion count differs from vertex count");
    if (!m.across.empty() && m.across.size() != m.positions.size())
        fail("across count differs from vertex count");
    if (!m.tendon.empty() && m.tendon.size() != m.positions.size())
        fail("tendon count differs from vertex count");
    for (auto i : m.indices)
        if (i >= m.positions.size())
            fail("index " + std::to_string(i) + " out of range");
}

} // namespace

void saveModel(const core::AnatomyModel& source, const std::filesystem::path& file, bool replace)
{
    Builder b;
    if (!source.credit.empty()) {
        b.model.asset.copyright = source.credit;
        b.model.asset.extras = stringObject({{"credit", source.credit}});
    }
    tinygltf::Scene scene;
    scene.name = "TriggerAtlas head, neck and shoulders";

    for (const auto& s : source.structures) {
        checkMesh(s);
        core::Mesh mesh = s.mesh;
        if (mesh.normals.empty())
            mesh.computeNormals();
        tinygltf::Primitive prim;
        prim.mode = TINYGLTF_MODE_TRIANGLES;
        prim.attributes["POSITION"] = b.addVec3(mesh.positions, true);
        prim.attributes["NORMAL"] = b.addVec3(mesh.normals, false);
        if (!mesh.fibres.empty())
            prim.attributes["_FIBRE"] = b.addVec3(mesh.fibres, false);
        if (!mesh.occlusion.empty())
            prim.attributes["_OCCLUSION"] = b.addScalars(mesh.occlusion);
        if (!mesh.across.empty())
            prim.attributes["_ACROSS"] = b.addScalars(mesh.across);
        if (!mesh.tendon.empty())
            prim.attributes["_TENDON"] = b.addScalars(mesh.tendon);
        prim.indices = b.addIndices(mesh.indices);
        prim.material = b.material(s.kind);

        tinygltf::Mesh gm;
        gm.name = s.id;
        gm.primitives.push_back(std::move(prim));
        b.model.meshes.push_back(std::move(gm));

        tinygltf::Node node;
        node.name = s.id;
        node.mesh = static_cast<int>(b.model.meshes.size() - 1);
        std::map<std::string, std::string> extras{{"id", s.id},
                                                  {"name", s.name},
                                                  {"latin", s.latin},
                                                  {"fma", s.fma},
                                                  {"side", std::string(core::toString(s.side))},
                                                  {"layer", std::string(core::toString(s.layer))},
                                                  {"kind", std::string(core::toString(s.kind))}};
        if (!s.source.empty()) // only imported models carry it: our own model's bytes stay as they were
            extras["source"] = s.source;
        node.extras = stringObject(extras);
        scene.nodes.push_back(static_cast<int>(b.model.nodes.size()));
        b.model.nodes.push_back(std::move(node));
    }

    if (!source.landmarks.empty()) {
        tinygltf::Node group;
        group.name = "landmarks";
        const int groupIndex = static_cast<int>(b.model.nodes.size());
        b.model.nodes.push_back(group);
        for (const auto& l : source.landmarks) {
            tinygltf::Node n;
            n.name = "landmark:" + l.id;
            n.translation = {l.position.x, l.position.y, l.position.z};
            n.extras = stringObject({{"kind", "landmark"}, {"id", l.id}, {"name", l.name}});
            b.model.nodes[groupIndex].children.push_back(static_cast<int>(b.model.nodes.size()));
            b.model.nodes.push_back(std::move(n));
        }
        scene.nodes.push_back(groupIndex);
    }

    b.model.scenes.push_back(std::move(scene));
    b.model.defaultScene = 0;

    tinygltf::TinyGLTF gltf;
    std::ostringstream out;
    if (!gltf.WriteGltfSceneToStream(&b.model, out, false, true))
        throw IoError(file.string() + ": could not encode the model as glTF");

    core::AtomicWriteOptions options;
    options.replace = replace;
    core::writeFileAtomically(file, out.str(), options);
}

} // namespace ta::io
