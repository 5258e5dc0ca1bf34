#pragma once
// Any mesh file Assimp reads (OBJ, STL, PLY, FBX, DAE, glTF ...) to core meshes, one piece per mesh node,
// with the node and mesh names. Positions are exactly as in the file, moved by the node transforms (no unit
// or frame change). Assimp stays behind this header: nothing above io sees it.
#include "core/mesh.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ta::io {

/// One mesh of a file under one node. `mesh` is welded (bit-identical positions share one vertex, so
/// connected components follow shared vertices), keeps the file's winding, and has smooth normals.
struct MeshPiece {
    std::string node;     ///< name of the node carrying the mesh ("" when Assimp made it up)
    std::string meshName; ///< name of the mesh itself ("" when the file gives none)
    core::Mesh mesh;
};

/// The most triangles one file may hold; more is taken as a broken or hostile header.
inline constexpr std::size_t kMaxImportTriangles = 50'000'000;

/// Reads every triangle mesh of `file` (points and lines are skipped). Throws IoError (missing or
/// unreadable file) or ParseError (Assimp cannot read it, truncated, no triangles at all, a NaN or
/// infinite coordinate, more than kMaxImportTriangles); the message is one line naming the file.
std::vector<MeshPiece> importMeshFile(const std::filesystem::path& file);

/// importMeshFile with every piece merged into one mesh (for one-structure files such as FMA<id>.stl).
/// Throws like importMeshFile.
core::Mesh importSingleMesh(const std::filesystem::path& file);

} // namespace ta::io
