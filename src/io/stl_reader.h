#pragma once
// STL (binary and ASCII) to core meshes, and the BodyParts3D conventions on top: millimetres in a frame
// with +X = subject's left, +Y = posterior, +Z = up, turned into the model frame by gltf = (X, Z, -Y) / 1000.
#include "core/mesh.h"

#include <glm/glm.hpp>

#include <filesystem>

namespace ta::io {

/// Reads a binary or ASCII STL file. Positions are exactly as in the file (no unit or frame change);
/// identical corner positions are welded into one vertex; smooth normals are computed; triangles keep
/// the file's winding. Throws IoError (cannot open) or ParseError (truncated or malformed; the message
/// names the file and, for ASCII, the line).
core::Mesh readStl(const std::filesystem::path& file);

/// One BodyParts3D point (mm, +X left, +Y posterior, +Z up) in the model frame (metres, +Y up, facing +Z).
glm::vec3 bodyParts3dToModel(const glm::vec3& mm);
/// Applies bodyParts3dToModel to every position (a rotation plus scale: winding stays outward) and
/// recomputes normals.
void convertBodyParts3dToModelFrame(core::Mesh& mesh);

/// Removes the connected components (sharing vertices) whose area is below `minAreaFraction` of the
/// mesh's total area, and the vertices only they used. Returns how many components were removed.
std::size_t removeSmallComponents(core::Mesh& mesh, double minAreaFraction);

/// readStl + convertBodyParts3dToModelFrame + removeSmallComponents(mesh, 0.001): a reference mesh
/// ready to compare with the model. Throws like readStl.
core::Mesh loadBodyParts3dStl(const std::filesystem::path& file);

} // namespace ta::io
