#include "io/mesh_import.h"

#include "core/error.h"
#include "core/read_file.h"
#include "io/mesh_preflight.h"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <unordered_map>

// Debian's Assimp is built with its assertions on, and its handler calls abort(): a broken file that trips
// one (TriangulateProcess on a PLY whose face lines disagree with their counts) would kill the app instead
// of being refused. Assimp calls this function through its dynamic symbol table, so the definition here
// takes the library's place: the failed assertion becomes an exception, which Importer::ReadFile's own
// catch turns into an error string, or which importMeshFile below turns into a ParseError naming the file.
namespace Assimp {
class AssertionFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// NOLINTNEXTLINE(misc-use-internal-linkage,readability-inconsistent-declaration-parameter-name)
void aiAssertViolation(const char* failedExpression, const char* file, int line)
{
    throw AssertionFailure(std::string("internal check failed (") + (failedExpression ? failedExpression : "?") +
                           " at " + (file ? file : "?") + ":" + std::to_string(line) + ")");
}
} // namespace Assimp

namespace ta::io {
namespace {

struct PositionKey {
    std::uint32_t x, y, z;
    bool operator==(const PositionKey&) const = default;
};

struct PositionKeyHash {
    std::size_t operator()(const PositionKey& k) const
    {
        std::uint64_t h = k.x;
        h = h * 0x9E3779B97F4A7C15ull ^ k.y;
        h = h * 0x9E3779B97F4A7C15ull ^ k.z;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
};

/// Collects triangle corners and welds bit-identical positions. Assimp's JoinIdenticalVertices keeps
/// corners apart whose normals differ (every corner of an STL file carries its facet's normal), which
/// would make each triangle its own component; welding by position alone joins them.
class Welder {
public:
    void addCorner(const glm::vec3& p)
    {
        const glm::vec3 q = p + glm::vec3(0.0f); // folds -0 into +0 so both weld together
        PositionKey key{};
        std::memcpy(&key.x, &q.x, 4);
        std::memcpy(&key.y, &q.y, 4);
        std::memcpy(&key.z, &q.z, 4);
        auto [it, inserted] = m_index.try_emplace(key, static_cast<std::uint32_t>(m_mesh.positions.size()));
        if (inserted)
            m_mesh.positions.push_back(q);
        m_mesh.indices.push_back(it->second);
    }
    core::Mesh finish()
    {
        m_mesh.computeNormals();
        return std::move(m_mesh);
    }

private:
    core::Mesh m_mesh;
    std::unordered_map<PositionKey, std::uint32_t, PositionKeyHash> m_index;
};

/// Assimp's names for things the file left unnamed look like "<STL_BINARY>" or "$ColladaAutoName$".
std::string realName(const aiString& s)
{
    std::string n(s.C_Str());
    if (n.empty() || (n.front() == '<' && n.back() == '>') || n.front() == '$')
        return {};
    return n;
}

} // namespace

std::vector<MeshPiece> importMeshFile(const std::filesystem::path& file)
{
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw IoError(name + ": no such mesh file");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw IoError(name + ": cannot read the mesh file (" + ec.message() + ")");
    if (size == 0)
        throw ParseError(name + ": empty file, no meshes");
    core::requireRegularFile(file, core::kMaxModelBytes);
    // Before Assimp: it hangs or aborts on some broken PLY.
    checkMeshFile(core::readTextFile(file, core::kMaxModelBytes), name);

    Assimp::Importer importer;
    // Normals are not asked of Assimp: they are recomputed after welding (Welder::finish).
    const aiScene* scene = nullptr;
    try {
        scene = importer.ReadFile(name, aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                            aiProcess_SortByPType | aiProcess_ValidateDataStructure);
    } catch (const Assimp::AssertionFailure& e) {
        throw ParseError(name + ": cannot read the mesh file: the importer's " + e.what());
    }
    if (!scene || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode) {
        const std::string why = oneLine(importer.GetErrorString());
        throw ParseError(name + ": cannot read the mesh file: " + (why.empty() ? "unknown format or broken file" : why));
    }

    std::size_t triangles = 0;
    for (unsigned m = 0; m < scene->mNumMeshes; ++m)
        triangles += scene->mMeshes[m]->mNumFaces;
    if (triangles > kMaxImportTriangles)
        throw ParseError(name + ": " + std::to_string(triangles) + " triangles, more than the " +
                         std::to_string(kMaxImportTriangles) + " a mesh file may hold");

    std::vector<MeshPiece> pieces;
    std::function<void(const aiNode*, const aiMatrix4x4&, int)> visit = [&](const aiNode* node,
                                                                           const aiMatrix4x4& parent, int depth) {
        if (depth > 256)
            throw ParseError(name + ": node hierarchy is too deep (a cycle?)");
        const aiMatrix4x4 world = parent * node->mTransformation;
        for (unsigned k = 0; k < node->mNumMeshes; ++k) {
            const aiMesh* am = scene->mMeshes[node->mMeshes[k]];
            if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE))
                continue;
            Welder welder;
            for (unsigned f = 0; f < am->mNumFaces; ++f) {
                const aiFace& face = am->mFaces[f];
                if (face.mNumIndices != 3)
                    continue;
                for (unsigned c = 0; c < 3; ++c) {
                    const unsigned vi = face.mIndices[c];
                    if (vi >= am->mNumVertices)
                        throw ParseError(name + ": mesh '" + am->mName.C_Str() + "' has an index out of range");
                    const aiVector3D v = world * am->mVertices[vi];
                    if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z))
                        throw ParseError(name + ": mesh '" + am->mName.C_Str() + "' has a NaN or infinite coordinate "
                                         "(vertex " + std::to_string(vi) + ")");
                    welder.addCorner({v.x, v.y, v.z});
                }
            }
            MeshPiece piece{realName(node->mName), realName(am->mName), welder.finish()};
            if (!piece.mesh.empty())
                pieces.push_back(std::move(piece));
        }
        for (unsigned c = 0; c < node->mNumChildren; ++c)
            visit(node->mChildren[c], world, depth + 1);
    };
    visit(scene->mRootNode, aiMatrix4x4(), 0);
    if (pieces.empty())
        throw ParseError(name + ": the file holds no triangle meshes");
    return pieces;
}

core::Mesh importSingleMesh(const std::filesystem::path& file)
{
    auto pieces = importMeshFile(file);
    if (pieces.size() == 1)
        return std::move(pieces.front().mesh);
    core::Mesh out;
    for (const auto& p : pieces) {
        const auto first = static_cast<std::uint32_t>(out.positions.size());
        out.positions.insert(out.positions.end(), p.mesh.positions.begin(), p.mesh.positions.end());
        out.normals.insert(out.normals.end(), p.mesh.normals.begin(), p.mesh.normals.end());
        for (auto i : p.mesh.indices)
            out.indices.push_back(first + i);
    }
    return out;
}

} // namespace ta::io
