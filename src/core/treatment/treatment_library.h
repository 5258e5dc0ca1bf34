#pragma once
// What to do about a trigger point once it is found: the manual techniques, each muscle's treatment
// (technique with position, pressure, hold time and repetitions; stretch; precautions; perpetuating
// factors; the general contraindications that bear on it), the contraindications for deep work that hold
// everywhere, and how often to treat. Loaded from assets/data/treatment.json (format: assets/data/README.md).
// Content lives in the data file; every statement keeps its source keys and confidence. An empty list
// means the sources document nothing under that heading, and front ends say so.
#include "core/referral/referral_records.h"
#include "core/treatment/evidence.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

/// A hold time in seconds, as a range ("30-60 s"); min == max for a single figure.
struct HoldRange {
    int minSeconds = 0;
    int maxSeconds = 0;
    friend bool operator==(const HoldRange&, const HoldRange&) = default;
};
/// "30-60 s" or "10 s".
std::string toString(const HoldRange& h);

struct Technique {
    std::string id;    ///< "ischemic-compression"
    std::string name;  ///< "Ischemic compression"
    std::string plain; ///< one sentence for a client, in plain words
    std::vector<std::string> steps;
    std::string pressure; ///< may be empty
    std::string hold;     ///< in words, may be empty ("until the tension eases")
    std::optional<HoldRange> holdSeconds;
    std::string holdNote;              ///< where the figures were tested; may be empty
    std::string repetitions;           ///< may be empty
    std::vector<std::string> failures; ///< why it does not work, when the sources say
    std::string findings;              ///< what trials found; may be empty
    std::vector<Disagreement> disagreements;
    Evidence evidence;
};

struct Contraindication {
    std::string id;     ///< "migraine-attack"
    std::string key;    ///< the sheet's label, "C6"
    std::string title;  ///< "An active migraine attack"
    std::string signs;  ///< what the sources say
    std::string action; ///< what the therapist does
    std::vector<Disagreement> disagreements;
    Evidence evidence;
};

/// A technique as applied to one muscle.
struct TechniqueUse {
    std::string technique;                ///< a Technique id
    std::string position;                 ///< client position and where the hands go; may be empty
    std::string pressure;                 ///< may be empty (then the technique's)
    std::optional<HoldRange> holdSeconds; ///< nullopt: the technique's, if any
    std::string repetitions;              ///< may be empty
    std::string note;                     ///< may be empty
    Evidence evidence;
};

/// One sourced sentence under a heading (a stretch, a precaution, a perpetuating factor).
struct TreatmentStatement {
    std::string text;
    std::optional<HoldRange> holdSeconds;
    std::string repetitions;
    Evidence evidence;
};

struct MuscleTreatment {
    std::string muscle; ///< MuscleRecord id
    std::vector<TechniqueUse> techniques;
    std::vector<TreatmentStatement> stretch;
    std::vector<TreatmentStatement> precautions;
    std::vector<TreatmentStatement> perpetuating;
    std::vector<std::string> contraindications;           ///< ids of general contraindications that bear on it most
    std::map<std::string, std::string> triggerPointNotes; ///< trigger point id -> a note for that one point
};

struct TreatmentFrequency {
    std::string text;
    Evidence evidence;
};

class TreatmentLibrary {
public:
    static constexpr const char* kFile = "treatment.json";
    /// Ids every library must hold: the contraindications each front end must be able to show.
    static constexpr std::string_view kRequiredContraindications[] = {"red-flag-headache", "cervical-artery",
                                                                      "anticoagulants", "migraine-attack"};

    /// Reads and validates the file. Throws IoError, ParseError, or ValidationError naming the file and key
    /// ("treatment.json: muscles.masseter.techniques[0].technique: unknown technique \"pinch\"").
    static TreatmentLibrary load(const std::filesystem::path& file);
    /// Validates a parsed document; `name` stands for the file in messages.
    static TreatmentLibrary fromJson(const nlohmann::json& doc, const std::string& name);

    const std::vector<Technique>& techniques() const { return m_techniques; }
    const std::vector<Contraindication>& contraindications() const { return m_contraindications; }
    const std::map<std::string, MuscleTreatment>& muscles() const { return m_muscles; }
    const std::map<std::string, std::string>& sources() const { return m_sources; }
    const TreatmentFrequency& frequency() const { return m_frequency; }

    /// nullptr when unknown.
    const Technique* technique(std::string_view id) const;
    const Contraindication* contraindication(std::string_view id) const;
    const MuscleTreatment* forMuscle(std::string_view muscleId) const;
    /// The hold time to use for a technique applied to a muscle: the use's own, else the technique's.
    std::optional<HoldRange> holdOf(const TechniqueUse& use) const;

private:
    std::vector<Technique> m_techniques;
    std::vector<Contraindication> m_contraindications;
    std::map<std::string, MuscleTreatment> m_muscles;
    std::map<std::string, std::string> m_sources;
    TreatmentFrequency m_frequency;
};

} // namespace ta::core
