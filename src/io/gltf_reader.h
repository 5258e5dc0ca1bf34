#pragma once
// Reads a glTF 2.0 file (.glb or .gltf) into an AnatomyModel. Our own files carry structure metadata in
// node extras (docs/MODEL_FORMAT.md); other glTF files load too, each mesh node becoming a structure.
#include "core/anatomy_model.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace ta::io {

/// Throws IoError (missing or unreadable file), ParseError (not valid glTF), ValidationError (bad
/// accessors, indices out of range, no triangles at all). Messages name the file and the element.
/// Refuses a FIFO, device or directory before reading, and files over core::kMaxModelBytes.
core::AnatomyModel loadModel(const std::filesystem::path& file);
/// The same from bytes already read: `binary` for .glb, `name` for messages, `baseDir` for external
/// buffers of a .gltf. Throws like loadModel.
core::AnatomyModel parseModel(std::string_view bytes, bool binary, const std::string& name,
                              const std::filesystem::path& baseDir);

} // namespace ta::io
