#pragma once
// The anatomy model as the rest of the program sees it: named structures (bones, muscles, skin) with
// meshes in the model frame (metres, +Y up, facing +Z, subject's left at +X, feet at y = 0) and named
// landmarks. io/ fills it from a glTF file; render/ mirrors it on the GPU; core algorithms read it.
#include "core/mesh.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

/// Peeling order, outermost first. The numeric order is the depth order.
enum class Layer : std::uint8_t { Skin, Superficial, Intermediate, Deep, Bone };
enum class Side : std::uint8_t { Midline, Left, Right };
/// The tissue; decides the material. `Tendon` covers tendon and aponeurosis.
enum class Kind : std::uint8_t { Bone, Cartilage, Muscle, Tendon, Skin };

inline constexpr Layer kAllLayers[] = {Layer::Skin, Layer::Superficial, Layer::Intermediate, Layer::Deep,
                                       Layer::Bone};

std::string_view toString(Layer layer);
std::string_view toString(Side side);
std::string_view toString(Kind kind);
/// Parse the lowercase names used in glTF extras and JSON ("skin", "left", "muscle" ...).
std::optional<Layer> layerFromString(std::string_view s);
std::optional<Side> sideFromString(std::string_view s);
std::optional<Kind> kindFromString(std::string_view s);

/// Index of a structure inside one AnatomyModel. Only meaningful for the model that issued it; "no
/// structure" is std::nullopt, never a sentinel value.
struct StructureId {
    std::uint32_t value = 0;
    friend bool operator==(StructureId, StructureId) = default;
    friend auto operator<=>(StructureId, StructureId) = default;
};

struct Structure {
    std::string id;    ///< stable node name, e.g. "trapezius-descending-left"
    std::string name;  ///< English, e.g. "Descending part of left trapezius"
    std::string latin; ///< Terminologia Anatomica, e.g. "Pars descendens musculi trapezii"
    std::string fma;   ///< e.g. "FMA33587"; empty when there is none
    Side side = Side::Midline;
    Layer layer = Layer::Bone;
    Kind kind = Kind::Bone;
    Mesh mesh;         ///< model frame, already transformed by the node's world matrix
    /// Where the mesh came from when it is not the file's own: "base-model" for a structure an import
    /// (io::importModel) took from our committed model because the imported data lacked it; "" otherwise.
    /// glTF node extras "source".
    std::string source;
};

struct Landmark {
    std::string id;   ///< e.g. "mastoid-tip-left"
    std::string name; ///< e.g. "Tip of the left mastoid process"
    glm::vec3 position{0.0f};
};

class AnatomyModel {
public:
    std::vector<Structure> structures;
    std::vector<Landmark> landmarks;
    /// Credit of the data the meshes came from (e.g. the BodyParts3D licence line), shown by the app;
    /// empty for our own generated model. glTF asset extras "credit".
    std::string credit;

    /// The structure with this stable id ("trapezius-descending-left"); nullopt when the model has none.
    std::optional<StructureId> find(std::string_view id) const;
    /// Null when `sid` is out of range (or nullopt).
    const Structure* get(StructureId sid) const;
    const Structure* get(std::optional<StructureId> sid) const { return sid ? get(*sid) : nullptr; }
    const Landmark* landmark(std::string_view id) const;
    Aabb bounds() const;
    std::size_t triangleCount() const;
};

} // namespace ta::core
