#pragma once
// Importing real anatomy: a BodyParts3D download (a folder of FMA<id>.obj|stl files) or any one mesh file
// becomes an AnatomyModel carrying OUR structure ids, names, sides, layers and kinds (taken from the
// committed model by FMA id or name) and our landmarks, so the trigger points, defined on landmarks, land on
// the imported muscles.
#include "core/anatomy_model.h"
#include "core/error.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ta::io {

struct ImportOptions {
    /// The model whose structures and landmarks the import maps onto; empty = io::defaultModelPath().
    std::filesystem::path baseModel;
    /// Largest number of triangles of all imported meshes together (0 = keep every triangle). Each
    /// structure gets a share in proportion to its own count and is simplified with meshoptimizer.
    std::size_t triangleBudget = 0;
    /// Detached fragments under this fraction of a mesh's area are dropped (FMA-named BodyParts3D files only).
    double minFragmentFraction = 0.001;
    /// Told the fraction done (0..1, never decreasing; 0.9 when the model is ready) from the calling thread
    /// or one of the reading threads, one call at a time. Returning false cancels: importModel stops at the
    /// next step and throws ImportCancelled. May be empty.
    std::function<bool(double)> progress;
};

/// The import was cancelled through ImportOptions::progress (nothing was written).
class ImportCancelled : public Error {
public:
    using Error::Error;
};

struct ImportReport {
    core::AnatomyModel model; ///< ready for io::saveModel
    std::size_t filesFound = 0;      ///< mesh files read (a folder's FMA<id> files, or the one file)
    std::size_t meshesFound = 0;     ///< meshes in them
    std::vector<std::string> mapped;     ///< our structure ids that got an imported mesh
    std::vector<std::string> unmapped;   ///< files (folder) or mesh names (file) matching none of our structures
    std::vector<std::string> missing;    ///< our structure ids the import lacked: taken from the base model
    std::size_t fragmentsDropped = 0;
    std::size_t trianglesRead = 0;   ///< after fragment removal, before simplification
    std::size_t trianglesKept = 0;   ///< of the imported structures, after simplification
    std::size_t fibresDerived = 0;   ///< imported muscles given fibre directions from our specification's muscle
    std::string credit;              ///< the data's credit (ATTRIBUTION.txt), also in model.credit
};

/// Imports `dirOrFile`. A folder: every `FMA<id>.obj` / `FMA<id>.stl` in it (BodyParts3D frame and
/// millimetres, converted by (X, Z, -Y) / 1000), mapped by FMA id to our structures (the skull from the
/// union of its bones, the masseter parts with the source's swapped labels, as io/fidelity does); its
/// ATTRIBUTION.txt becomes the credit. A file: each mesh node whose name is one of our structure ids, FMA ids,
/// English or Latin names (any case) replaces that structure; a file named FMA<id>.* is taken as BodyParts3D,
/// any other as already in the model frame (metres, +Y up, facing +Z). Structures of the base model that the
/// import lacks keep the base mesh, with `source` = "base-model". Every imported muscle takes its fibre
/// directions (and striation coordinate) from our muscle of the same id (core::transferFibres), and occlusion
/// is baked over the result (core::bakeAmbientOcclusion), so an import is shaded as our own model is. Unmapped files or meshes are reported, not
/// fatal. Throws IoError (missing path, unreadable base model), ParseError (a broken mesh file; the message
/// names it), ValidationError (nothing in the import maps to any of our structures), ImportCancelled.
ImportReport importModel(const std::filesystem::path& dirOrFile, const ImportOptions& options = {});

/// Simplifies `mesh` to at most about `targetTriangles` triangles (meshoptimizer; unused vertices removed,
/// normals recomputed). Returns the mesh unchanged when it already has no more.
core::Mesh simplifyToTriangles(const core::Mesh& mesh, std::size_t targetTriangles);

} // namespace ta::io
