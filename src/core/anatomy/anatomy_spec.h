#pragma once
// The anatomy specification: assets/anatomy/{landmarks,bones,skin}.json. Schema-versioned JSON written by
// us; figures in millimetres in the model frame (+X subject's left, +Y up, +Z anterior, feet at y = 0).
// Paired entries are written once for the LEFT side (+X) and mirrored for the right.
#include "core/anatomy/muscle_spec.h"
#include "core/anatomy/sdf_shape.h"
#include "core/anatomy_model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ta::core::anatomy {

inline constexpr int kSpecVersion = 1;

/// One structure to generate: its identity and its shape (mm).
struct StructureSpec {
    std::string id;
    std::string name;
    std::string latin;
    std::string fma;
    Side side = Side::Midline;
    Layer layer = Layer::Bone;
    Kind kind = Kind::Bone;
    float voxel = 1.2f;  ///< meshing grid spacing, mm
    /// Optional finer spacing (mm, 0 = none) inside refineBox (mm, model frame): the face and ears of the skin.
    float refineVoxel = 0.0f;
    Aabb refineBox;
    /// Skin only: when >= 0, the surface is pushed out to keep at least this many mm from every bone.
    float clearance = -1.0f;
    /// Skin only: the face, where the envelope's own forms (lids, lips, nose) must not be swamped by the
    /// bones and muscles beneath. Inside faceBox (mm) the skin keeps only faceClearance from them with a
    /// faceBlend-wide union, instead of `clearance` with the body's wide blend; the two fields are mixed
    /// over faceFade mm inside the box's sides. An invalid box: no face region.
    Aabb faceBox;
    float faceFade = 0.0f;
    float faceClearance = 0.0f;
    float faceBlend = 0.0f;
    SdfShape shape;
};

struct AnatomySpec {
    std::vector<StructureSpec> structures; ///< bones first, then skin, in file order
    MuscleSpec muscles;                    ///< muscles.json (the muscle builder's own format)
    std::vector<Landmark> landmarks;       ///< metres, model frame
    /// For landmarks that lie on a structure's surface ("on" in landmarks.json): landmark id -> structure
    /// id. The generator moves such a landmark onto the generated surface.
    std::vector<std::pair<std::string, std::string>> landmarkSurfaces;

    /// The landmarks with those that lie on a structure moved onto its surface (a few Newton steps along
    /// the shape's distance gradient). Metres.
    std::vector<Landmark> placedLandmarks() const;

    /// Load landmarks.json, bones.json, skin.json and muscles.json from `dir`.
    /// Throws IoError (missing/unreadable file), ParseError (bad JSON) or ValidationError (schema or
    /// value), each naming the file and the key path, e.g. "bones.json: structures[3].shape[1].radii: ...".
    static AnatomySpec load(const std::filesystem::path& dir);
    /// Parse one file's content; `file` names it in messages. Appends to this spec.
    void parseLandmarks(const std::string& text, const std::string& file);
    void parseStructures(const std::string& text, const std::string& file);
};

} // namespace ta::core::anatomy
