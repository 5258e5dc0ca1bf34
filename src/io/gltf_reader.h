#pragma once
// Reads a glTF 2.0 file (.glb or .gltf) into an AnatomyModel. Our own files carry structure metadata in
// node extras (docs/MODEL_FORMAT.md); other glTF files load too, each mesh node becoming a structure.
#include "core/anatomy_model.h"

#include <filesystem>

namespace ta::io {

/// Throws IoError (missing or unreadable file), ParseError (not valid glTF), ValidationError (bad
/// accessors, indices out of range, no triangles at all). Messages name the file and the element.
core::AnatomyModel loadModel(const std::filesystem::path& file);

} // namespace ta::io
