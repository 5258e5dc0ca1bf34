#pragma once
// The BodyParts3D conventions: millimetres in a frame with +X = subject's left, +Y = posterior, +Z = up,
// turned into the model frame by gltf = (X, Z, -Y) / 1000, and the tiny detached fragments many of its
// meshes carry.
#include "core/mesh.h"

#include <glm/glm.hpp>

#include <filesystem>

namespace ta::io {

/// One BodyParts3D point (mm, +X left, +Y posterior, +Z up) in the model frame (metres, +Y up, facing +Z).
glm::vec3 bodyParts3dToModel(const glm::vec3& mm);
/// Applies bodyParts3dToModel to every position (a rotation plus scale: winding stays outward) and
/// recomputes normals.
void convertBodyParts3dToModelFrame(core::Mesh& mesh);

/// Removes the connected components (sharing vertices) whose area is below `minAreaFraction` of the
/// mesh's total area, and the vertices only they used. Returns how many components were removed.
std::size_t removeSmallComponents(core::Mesh& mesh, double minAreaFraction);

/// The fraction of a mesh's area under which a detached fragment is dropped (0.1 %).
inline constexpr double kBodyParts3dFragmentFraction = 0.001;

/// importSingleMesh + convertBodyParts3dToModelFrame + removeSmallComponents(kBodyParts3dFragmentFraction):
/// a BodyParts3D mesh (STL or OBJ) ready to compare with or replace a model structure. `fragmentsRemoved`
/// receives the number of dropped fragments when given. Throws IoError/ParseError like importSingleMesh.
core::Mesh loadBodyParts3dMesh(const std::filesystem::path& file, std::size_t* fragmentsRemoved = nullptr);

} // namespace ta::io
