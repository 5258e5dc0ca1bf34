#pragma once
// Plain records of the clinical data in assets/data/: muscles, referral regions and trigger points,
// as loaded from JSON (see assets/data/README.md). Every text field is our own paraphrase of the fact
// sheet; `sources` keep its keys (S1, S3 ...).
#include "core/anatomy_model.h"
#include "core/referral/region_shape.h"

#include <optional>
#include <string>
#include <vector>

namespace ta::core {

struct MuscleRecord {
    std::string id;          ///< e.g. "trapezius-upper"
    std::string name;        ///< English
    std::string latin;
    std::string fma;         ///< e.g. "FMA33587" (left side)
    std::string origin, insertion, action, innervation;
    Layer layer = Layer::Superficial;
    std::vector<std::string> structures; ///< model structure ids without the side suffix
    std::vector<std::string> sources;
};

struct RegionRecord {
    std::string id;          ///< fact-sheet tag, e.g. "retro-orbital"
    std::string name;        ///< e.g. "Behind the eye"
    std::vector<std::string> aliases; ///< other tags accepted for it, e.g. "eyebrow" for "supraorbital"
    /// What people call pain there ("headache", "jaw pain", "stiff neck"), for search by symptom; unlike
    /// aliases, one symptom may name several regions.
    std::vector<std::string> symptoms;
    std::string group;       ///< "head", "neck", "shoulder", "arm", "trunk"
    bool deep = false;       ///< pain felt inside the body (behind the eye, in the ear, in the teeth)
    std::vector<ShapeDef> shapes;    ///< the surface footprint (left side)
    std::optional<ShapeDef> volume;  ///< deep regions: where the pain is felt inside
    float feather = 0.35f;   ///< soft edge width as a fraction of each shape's size
    std::string description;
};

enum class TriggerPointType : std::uint8_t { Central, Attachment, Cutaneous, Unspecified };
enum class Confidence : std::uint8_t { High, Medium, Low };
/// Which side a zone lies on relative to the trigger point. Referral is ipsilateral unless stated.
enum class ZoneSide : std::uint8_t { Same, Opposite, Both };

/// How often a spillover zone is felt, where a source grades it ("occasionally the occiput", "rarely the
/// wrist"); an essential zone is by definition felt by every patient with the trigger point. The picture draws
/// a graded zone lighter (frequencyShade), as the charts shade the less frequent parts lighter.
enum class ZoneFrequency : std::uint8_t { Usual, Occasional, Rare };

struct ZoneRef {
    std::string region;
    ZoneSide side = ZoneSide::Same;
    ZoneFrequency frequency = ZoneFrequency::Usual;
};

/// The share of full strength a zone of this frequency is drawn with: 1 usual, 0.6 occasional, 0.4 rare.
float frequencyShade(ZoneFrequency f);

/// A point the sources disagree on, shown to the user as such.
struct Disagreement {
    std::string topic;
    std::string text;
    std::vector<std::string> sources;
};

struct TriggerPointRecord {
    std::string id;          ///< stable, e.g. "trapezius.upper.trp1"
    std::string name;        ///< e.g. "Upper trapezius TrP1"
    std::string sheetId;     ///< the fact sheet's label, e.g. "UT-TrP1"
    std::string muscle;      ///< MuscleRecord id
    std::vector<std::string> structures; ///< model structures it is snapped onto (no side suffix)
    TriggerPointType type = TriggerPointType::Central;
    std::string locationText;
    Anchor location;         ///< left side; snapped onto the nearest structure surface
    std::vector<ZoneRef> essential;
    std::vector<ZoneRef> spillover;
    bool refersPain = true;  ///< false for the pilomotor TrP whose "zone" is goose flesh, not pain
    std::vector<std::string> symptoms;
    Confidence confidence = Confidence::High;
    std::vector<std::string> sources;
    std::string notes;
    std::vector<Disagreement> disagreements;
};

std::string_view toString(TriggerPointType t);
std::string_view toString(Confidence c);
std::string_view toString(ZoneSide s);
std::string_view toString(ZoneFrequency f);

} // namespace ta::core
