#pragma once
// One trigger point whole, as a therapist reads it: where it is, where it refers, what it feels like,
// how to treat it (technique with position, pressure, hold time and repetitions; stretch; self-care;
// precautions; perpetuating factors), the contraindications that bear on it, and every source cited with
// its confidence. Built from the clinical data, the treatment library and the self-care library; printed
// by `trigger-atlas show trigger-point`, shown in the info panel and, in plain words, in presentation mode.
#include "core/referral/referral_data.h"
#include "core/treatment/treatment_library.h"
#include "io/report/self_care.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ta::session {

struct SheetTechnique {
    std::string id;                                    ///< technique id
    std::string name;                                  ///< "Ischemic compression"
    std::string plain;                                 ///< the technique in plain words
    std::string position, pressure, repetitions, note; ///< each may be empty
    std::optional<core::HoldRange> holdSeconds;
    std::string holdNote; ///< where the hold figures were tested, when extrapolated
    core::Evidence evidence;
};

/// Source keys in reading order: S2 before S10, S60a before S60b, the rest ("standard") after.
struct SourceKeyLess {
    bool operator()(const std::string& a, const std::string& b) const;
};

struct TriggerPointSheet {
    std::string id;      ///< "trapezius.upper.trp1"
    std::string name;    ///< "Upper trapezius TrP1"
    std::string sheetId; ///< "UT-TrP1"
    std::string muscleId, muscleName, latin, fma;
    std::string type;                              ///< "central", "attachment" ...
    std::string location;                          ///< in words
    std::vector<std::string> essential, spillover; ///< region names ("Temple"), opposite side marked
    std::vector<std::string> symptoms;
    std::string notes;
    std::string confidence; ///< of the trigger point itself
    std::vector<std::string> sources;
    std::vector<core::Disagreement> disagreements;

    /// False when the treatment library has no entry for the muscle; the lists below are then empty and
    /// front ends say that no treatment is documented.
    bool treatmentDocumented = false;
    std::vector<SheetTechnique> techniques;
    std::vector<core::TreatmentStatement> stretch, precautions, perpetuating;
    std::string pointNote;                                        ///< a note for this one trigger point, may be empty
    std::vector<core::Contraindication> muscleContraindications;  ///< those that bear on this muscle most
    std::vector<core::Contraindication> generalContraindications; ///< every one, for deep work anywhere
    std::vector<io::SelfCareItem> selfCare;
    std::vector<std::string> clientCautions; ///< the handout's safety lines
    /// Every source key the sheet cites, with its citation ("not in the source lists" when unknown).
    std::map<std::string, std::string, SourceKeyLess> citations;
};

/// Builds the sheet of trigger point `index` of `data` (an index into data.triggerPoints).
TriggerPointSheet buildSheet(const core::ReferralData& data, std::size_t index, const core::TreatmentLibrary& treatment,
                             const io::SelfCareLibrary& selfCare);

/// The sheet as JSON (keys: id, name, muscle, location, zones, symptoms, treatment, precautions,
/// contraindications, self_care, sources ...), for `show trigger-point --json`.
nlohmann::json toJson(const TriggerPointSheet& sheet);
/// The sheet as plain text for a terminal, headed sections, every statement with its sources.
std::string toText(const TriggerPointSheet& sheet);
/// What a client is told in presentation mode: how it will be treated, what to do at home, and when not
/// to, in plain words without source keys. One line each.
std::vector<std::string> plainWords(const TriggerPointSheet& sheet);

} // namespace ta::session
