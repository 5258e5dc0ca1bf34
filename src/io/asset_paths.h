#pragma once
// Where the program's read-only data lives: assets/ and shaders/ of the source tree, or wherever the
// TRIGGER_ATLAS_ROOT environment variable points.
#include <filesystem>

namespace ta::io {

/// The project root holding assets/ and shaders/.
std::filesystem::path projectRoot();
/// projectRoot() / "assets" / relative.
std::filesystem::path assetPath(const std::filesystem::path& relative);
/// The default model: assets/models/neck-shoulder.glb.
std::filesystem::path defaultModelPath();

} // namespace ta::io
