#pragma once
// Writes an AnatomyModel as binary glTF (.glb) in the layout of docs/MODEL_FORMAT.md.
#include "core/anatomy_model.h"

#include <filesystem>

namespace ta::io {

/// Writes `model` to `file` (binary glTF). Deterministic: the same model gives the same bytes.
/// The file is written to a temporary beside it and renamed, so a failure never leaves a half file.
/// Throws IoError when the file cannot be written (or, with `replace` false, when it exists),
/// ValidationError when a mesh is inconsistent.
void saveModel(const core::AnatomyModel& model, const std::filesystem::path& file, bool replace = true);

} // namespace ta::io
