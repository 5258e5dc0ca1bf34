#pragma once
// Treatment as every front end needs it: the treatment library (treatment.json), the client self-care
// (self-care.json) and the protocols (assets/protocols/), loaded together and resolved against the
// clinical data; one trigger point's whole sheet. `show trigger-point`, `protocol`, the info panel, the
// protocol panel and the client handout all go through here.
#include "core/referral/referral_data.h"
#include "core/treatment/treatment_library.h"
#include "io/report/self_care.h"
#include "session/treatment/protocol_library.h"
#include "session/treatment/trigger_point_sheet.h"

#include <filesystem>
#include <memory>

namespace ta::session {

class TreatmentService {
public:
    /// Loads `dataDir`/treatment.json and self-care.json and every protocol in `protocolDir`, resolved
    /// against `data`, which must outlive the service. Throws IoError, ParseError or ValidationError
    /// naming the file and the key.
    static std::unique_ptr<TreatmentService> load(const std::filesystem::path& dataDir,
                                                  const std::filesystem::path& protocolDir,
                                                  const core::ReferralData& data);
    /// The folders of the installed data (assets/data, assets/protocols).
    static std::unique_ptr<TreatmentService> loadInstalled(const core::ReferralData& data);

    const core::ReferralData& data() const { return *m_data; }
    const core::TreatmentLibrary& treatment() const { return m_treatment; }
    const io::SelfCareLibrary& selfCare() const { return m_selfCare; }
    const ProtocolLibrary& protocols() const { return m_protocols; }

    /// The whole sheet of trigger point `index` (into data().triggerPoints).
    TriggerPointSheet sheet(std::size_t index) const { return buildSheet(*m_data, index, m_treatment, m_selfCare); }
    /// By trigger point id ("trapezius.upper.trp1", a side suffix allowed); ArgumentError naming the id
    /// and the closest known ones when unknown.
    TriggerPointSheet sheet(std::string_view id) const;

private:
    const core::ReferralData* m_data = nullptr;
    core::TreatmentLibrary m_treatment;
    io::SelfCareLibrary m_selfCare;
    ProtocolLibrary m_protocols;
};

} // namespace ta::session
