#pragma once
// The treatment protocols (assets/protocols/*.json) with every id resolved against the clinical data and
// the treatment library, so a front end can step through one without looking anything up again. An id
// that does not resolve is a ValidationError naming the file and the step ("headache.json:
// steps[3].trigger_point: unknown trigger point \"scm.sternal\"; did you mean ...").
#include "core/referral/referral_data.h"
#include "core/treatment/protocol.h"
#include "core/treatment/treatment_library.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::session {

struct ResolvedStep {
    core::ProtocolStep step;
    std::optional<std::size_t> triggerPoint; ///< index into ReferralData::triggerPoints; nullopt for a muscle step
    std::size_t muscle = 0;                  ///< index into ReferralData::muscles (the trigger point's own for those)
    std::string title;                       ///< "Sternocleidomastoid SCM-S middle" or the muscle's name
    std::string techniqueName;               ///< "Pincer compression"
};

struct ResolvedProtocol {
    core::Protocol protocol;
    std::vector<ResolvedStep> steps;
    std::vector<core::Contraindication> screen; ///< what to check before starting, resolved
    /// Total of the timed holds, in seconds (one side).
    int totalHoldSeconds() const;
};

class ProtocolLibrary {
public:
    /// Every `*.json` in `dir`, in name order, resolved. Throws IoError (no such folder), ParseError or
    /// ValidationError naming the file and the key.
    static ProtocolLibrary load(const std::filesystem::path& dir, const core::ReferralData& data,
                                const core::TreatmentLibrary& treatment);
    /// One protocol (already shape-checked) resolved; throws ValidationError naming its file.
    static ResolvedProtocol resolve(core::Protocol protocol, const core::ReferralData& data,
                                    const core::TreatmentLibrary& treatment);

    const std::vector<ResolvedProtocol>& all() const { return m_protocols; }
    /// nullptr when there is none with that id.
    const ResolvedProtocol* find(std::string_view id) const;
    std::vector<std::string> ids() const;

private:
    std::vector<ResolvedProtocol> m_protocols;
};

/// `protocol show --json`: id, name, summary, screen, rationale, finish and the steps in order, each with
/// `trigger_point` or `muscle`, `technique`, `hold_s`, `view`, `note`.
nlohmann::json toJson(const ResolvedProtocol& p, const core::ReferralData& data);
/// The protocol as text for a terminal: numbered steps with their hold times.
std::string toText(const ResolvedProtocol& p, const core::ReferralData& data);

} // namespace ta::session
