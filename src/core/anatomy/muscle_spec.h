#pragma once
// The muscle specification: assets/anatomy/muscles.json parsed and checked.
//
// Each muscle is described once, for the subject's LEFT side (+X), as a sheet swept through a few
// "stations": lines across the muscle's width, the first along the origin, the last along the insertion,
// at most two between them where the belly turns. A station is not a list of coordinates but a list of
// anchors on named landmarks (landmarks.json): "c7-spinous", or a landmark moved by a small offset, or a
// point part-way between two landmarks. The belly between the stations is not described at all: the
// builder lays it over the structures named in "wrap" (bones and deeper muscles), so its shape comes from
// what lies beneath, as a real muscle's does. The right side is the mirror image (x -> -x). See
// muscle_builder.h for the geometry.
#include "core/anatomy_model.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core::anatomy {

/// One cross-section curve of a muscle: a polyline across the width of the muscle's mid-surface
/// (model frame, metres, left side) and the muscle's thickness there (metres, full thickness at the
/// middle of the width). Resolved from the anchors by resolveStations().
struct MuscleStation {
    std::vector<glm::vec3> points;
    float thickness = 0.0f;
};

/// A point named by landmarks: `landmark` (a landmarks.json id; paired landmarks by their base id, the
/// left one is meant), or the point a fraction `t` of the way from `landmark` to `toward`, then moved by
/// `offset` (metres, model frame, left side).
struct MuscleAnchor {
    std::string landmark;
    std::string toward; ///< empty: the landmark itself
    float t = 0.0f;
    glm::vec3 offset{0.0f};
};

/// A station as written in the spec: anchors across the width, and the thickness there (metres).
struct MuscleStationSpec {
    std::vector<MuscleAnchor> anchors;
    float thickness = 0.0f;
};

/// What a muscle lies on: structure ids (bones by their base id, e.g. "scapula", "c2"; muscles that come
/// earlier in the spec, by base id), the gap it keeps from them and how far it is pulled down onto them.
struct MuscleWrap {
    std::vector<std::string> over;
    float gap = 0.0005f;  ///< metres between the muscle's deep face and what it lies on
    float hug = 0.0f;     ///< metres: a belly farther than this above the layer beneath is left alone;
                          ///< nearer, it is pulled down onto it (sheets lie on what is beneath them)
};

/// Where a muscle is tendon or aponeurosis rather than fleshy belly: a band at one end of the sheet. `length` is
/// how far it reaches from that end, as a fraction of the muscle's length; `from`..`to` the part of the width it
/// spans (fractions, 0 at the stations' first anchor, 1 at their last). With a `peak` in [from, to] it reaches
/// `length` there and tapers to nothing at `from` and `to` (the trapezius's diamond over C7-T1); without one
/// (peak < 0) it reaches `length` over the whole span.
struct MuscleTendon {
    enum class End : std::uint8_t { Origin, Insertion };
    End end = End::Origin;
    float length = 0.0f;
    float from = 0.0f;
    float to = 1.0f;
    float peak = -1.0f;
};

/// One muscle (or one part of a muscle, e.g. the descending part of the trapezius), both sides.
struct MuscleDef {
    std::string id;        ///< base id without side, e.g. "trapezius-descending"
    std::string nameLeft;  ///< English, e.g. "Descending part of left trapezius"
    std::string nameRight;
    std::string latin;     ///< Terminologia Anatomica, e.g. "Pars descendens musculi trapezii"
    std::string fmaLeft;   ///< e.g. "FMA33587"; empty when there is none
    std::string fmaRight;
    Layer layer = Layer::Superficial;
    /// Muscle, or Tendon for a sheet that is aponeurosis throughout (the epicranial aponeurosis): built the
    /// same way, drawn in the tendon colour, and not pushed into the skin (it lies flat on the bone).
    Kind kind = Kind::Muscle;
    std::string origin;    ///< prose: where it arises
    std::string insertion; ///< prose: where it inserts
    std::string note;      ///< prose: how the figures were obtained; may be empty
    /// Origin first, insertion last; two to four, each with at least two anchors.
    std::vector<MuscleStationSpec> stationSpecs;
    /// The stations in the model frame: filled by resolveStations() from stationSpecs (tests may fill
    /// them directly).
    std::vector<MuscleStation> stations;
    MuscleWrap wrap;
    /// Thickness mid-way along (metres); 0: the stations' thicknesses alone. The belly swells smoothly
    /// from the attachments to it.
    float belly = 0.0f;
    /// Thickness at the side edges as a fraction of the mid-width thickness (0..1]: ~0.5 for flat
    /// sheets like the trapezius, ~0.3 for fleshy bellies (lens-shaped cross-section).
    float edgeRatio = 0.35f;
    /// Its tendinous parts; empty: fleshy throughout.
    std::vector<MuscleTendon> tendons;
    int samplesAlong = 28;  ///< grid resolution origin -> insertion
    int samplesAcross = 12; ///< grid resolution across the width
};

struct MuscleSpec {
    std::filesystem::path source; ///< the file it came from, for messages
    int version = 0;
    std::vector<MuscleDef> muscles;

    /// The muscle with this base id (no side suffix), or nullptr.
    const MuscleDef* find(std::string_view baseId) const;
};

/// The schema version this code reads.
inline constexpr int kMuscleSpecVersion = 2;

/// The stations of `def` in the model frame, from its anchors. `landmark(id)` returns the position of a
/// landmark (metres) or nothing when there is none by that id. Throws ValidationError naming `source`,
/// the muscle and the key of an anchor whose landmark is unknown, and of a station whose anchors coincide.
std::vector<MuscleStation> resolveStations(const MuscleDef& def, const std::function<std::optional<glm::vec3>(const std::string&)>& landmark,
                                           const std::filesystem::path& source);

/// How many figures (numbers) the spec gives for this muscle's shape: offsets, fractions, thicknesses and
/// wrap figures. The spec promises a few per muscle, not a measured surface. Tendon bands do not shape the
/// surface (they only say where it is tendinous) and are not counted.
int shapeFigureCount(const MuscleDef& def);

/// Reads and checks a muscle specification.
/// Throws IoError (unreadable file), ParseError (not JSON) or ValidationError (schema broken); every
/// message names the file and the offending key, e.g. "muscles.json: muscles[3].stations[1].thickness: ...".
MuscleSpec loadMuscleSpec(const std::filesystem::path& file);

/// Same, from JSON text already in memory; `source` is only used in messages.
MuscleSpec parseMuscleSpec(std::string_view jsonText, const std::filesystem::path& source);

} // namespace ta::core::anatomy
