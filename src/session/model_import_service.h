#pragma once
// Importing real anatomy into a model file: the one service behind `trigger-atlas import-model` and the
// window's File > Import model... (io::importModel, then the glb written atomically). Never replaces an
// existing file unless asked; a failed or cancelled import writes nothing. No UI, no GL.
#include "core/error.h"
#include "io/model_importer.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>

namespace ta::session {

struct ModelImportRequest {
    std::filesystem::path source;    ///< a BodyParts3D folder (FMA<id>.obj|stl) or one mesh file
    std::filesystem::path output;    ///< the .glb to write (mode 0600 when new)
    std::filesystem::path baseModel; ///< the model the import maps onto; empty = the built-in one
    std::size_t triangleBudget = 0;  ///< 0 = keep every triangle
    bool replace = false;            ///< replace an existing output (the CLI's --force, the window's "Replace")
};

struct ModelImportResult {
    io::ImportReport report;
    std::uintmax_t bytes = 0; ///< size of the file written
};

/// The output exists and the request did not say to replace it (nothing was read or written).
class OutputExistsError : public IoError {
public:
    using IoError::IoError;
};

/// Told the fraction done, 0..1, never decreasing (1 once the file is in place); returning false cancels.
/// Called from the thread that runs the import and from its reading threads, one call at a time.
using ImportProgress = std::function<bool(double)>;

/// Checks the request before anything slow: an output is named and ends in .glb, it is not the source,
/// it exists only when `replace` says so and is then a regular file. Throws ArgumentError,
/// OutputExistsError, IoError (FILE: is a FIFO ...).
void checkModelImport(const ModelImportRequest& request);

/// Imports `request.source` and writes `request.output`. Throws what checkModelImport throws, what
/// io::importModel throws (IoError, ParseError, ValidationError naming the file; io::ImportCancelled), and
/// IoError when the file cannot be written. On any throw the output is as it was (absent, or the old file).
ModelImportResult importModelFile(const ModelImportRequest& request, const ImportProgress& progress = {});

} // namespace ta::session
