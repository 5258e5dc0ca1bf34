#pragma once
// The BodyParts3D reference folder (../shared/reference/bodyparts3d): which reference files stand for
// which of our structures, and a cache of the meshes loaded from them (model frame, metres).
#include "core/mesh.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::io {

/// FMA ids of the skull bones whose union is the reference for our `skull` structure (FMA46565).
const std::vector<std::string>& skullReferenceFmas();

/// The reference files (FMA ids, e.g. "FMA13408") standing for a structure with the given FMA id.
/// The whole skull maps to the union of its bones; the masseter parts map to the opposite label because
/// the source data has them swapped (see the reference README). Empty `fma` gives an empty list.
std::vector<std::string> referenceFmasFor(std::string_view fma);
/// Why the mapping differs from the plain "same FMA id" rule, or "" when it does not.
std::string referenceMappingNote(std::string_view fma);

class ReferenceSet {
public:
    /// Does not touch the disk until a mesh is asked for.
    explicit ReferenceSet(std::filesystem::path folder);

    const std::filesystem::path& folder() const { return m_folder; }
    /// True when the folder exists and holds a manifest or STL files.
    bool available() const;
    /// True when <folder>/<fma>.stl exists.
    bool has(std::string_view fma) const;
    /// The mesh of one reference file (loaded once, converted to the model frame, tiny fragments removed).
    /// nullptr when the file does not exist; throws IoError/ParseError when it exists but is broken.
    const core::Mesh* mesh(std::string_view fma);
    /// The union of several files; nullptr when none of them exists. Files that are missing are skipped
    /// and listed in `missing` when given.
    const core::Mesh* unionOf(const std::vector<std::string>& fmas, std::vector<std::string>* missing = nullptr);

private:
    std::filesystem::path m_folder;
    std::map<std::string, core::Mesh, std::less<>> m_meshes;
    std::map<std::string, core::Mesh, std::less<>> m_unions;
};

} // namespace ta::io
