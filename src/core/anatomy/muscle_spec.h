#pragma once
// The muscle specification: assets/anatomy/muscles.json parsed and checked.
//
// Each muscle is described once, for the subject's LEFT side (+X), as a sheet swept through a few
// "stations": cross-section curves across the muscle's width, the first lying on the origin, the last on
// the insertion, the ones between ("via" curves) carrying the belly over the layers beneath. The figures
// were taken the way an anatomist measures a specimen (a few points per attachment line, a width, a
// thickness). The right side is the mirror image (x -> -x). See muscle_builder.h for the geometry.
#include "core/anatomy_model.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core::anatomy {

/// One cross-section curve of a muscle: a polyline across the width of the muscle's mid-surface
/// (model frame, metres, left side) and the muscle's thickness there (metres, full thickness at the
/// middle of the width).
struct MuscleStation {
    std::vector<glm::vec3> points;
    float thickness = 0.0f;
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
    std::string origin;    ///< prose: where it arises
    std::string insertion; ///< prose: where it inserts
    /// Origin first, insertion last; at least two. Every station has at least two points.
    std::vector<MuscleStation> stations;
    /// Thickness at the side edges as a fraction of the mid-width thickness (0..1]: ~0.5 for flat
    /// sheets like the trapezius, ~0.3 for fleshy bellies (lens-shaped cross-section).
    float edgeRatio = 0.35f;
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
inline constexpr int kMuscleSpecVersion = 1;

/// Reads and checks a muscle specification.
/// Throws IoError (unreadable file), ParseError (not JSON) or ValidationError (schema broken); every
/// message names the file and the offending key, e.g. "muscles.json: muscles[3].stations[1].thickness: ...".
MuscleSpec loadMuscleSpec(const std::filesystem::path& file);

/// Same, from JSON text already in memory; `source` is only used in messages.
MuscleSpec parseMuscleSpec(std::string_view jsonText, const std::filesystem::path& source);

} // namespace ta::core::anatomy
