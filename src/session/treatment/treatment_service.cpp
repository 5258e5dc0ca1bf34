#include "session/treatment/treatment_service.h"

#include "core/error.h"
#include "core/referral/close_matches.h"
#include "io/asset_paths.h"

namespace ta::session {

std::unique_ptr<TreatmentService> TreatmentService::load(const std::filesystem::path& dataDir,
                                                         const std::filesystem::path& protocolDir,
                                                         const core::ReferralData& data)
{
    auto s = std::make_unique<TreatmentService>();
    s->m_data = &data;
    s->m_treatment = core::TreatmentLibrary::load(dataDir / core::TreatmentLibrary::kFile);
    s->m_selfCare = io::SelfCareLibrary::load(dataDir / "self-care.json");
    s->m_protocols = ProtocolLibrary::load(protocolDir, data, s->m_treatment);
    return s;
}

std::unique_ptr<TreatmentService> TreatmentService::loadInstalled(const core::ReferralData& data)
{
    return load(io::assetPath("data"), io::assetPath("protocols"), data);
}

TriggerPointSheet TreatmentService::sheet(std::string_view id) const
{
    std::string key(id);
    for (const char* suffix : {"-left", "-right"}) {
        const std::string s(suffix);
        if (key.size() > s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0 &&
            !m_data->findTriggerPoint(key))
            key.resize(key.size() - s.size());
    }
    if (const auto i = m_data->findTriggerPoint(key))
        return sheet(*i);
    std::vector<std::string> ids;
    for (const auto& t : m_data->triggerPoints)
        ids.push_back(t.id);
    std::string msg = "unknown trigger point \"" + std::string(id) + "\"";
    const auto close = core::closeMatches(key, ids, 3);
    if (!close.empty()) {
        msg += "; did you mean ";
        for (std::size_t i = 0; i < close.size(); ++i)
            msg += (i ? ", " : "") + close[i];
        msg += "?";
    }
    msg += " (trigger-atlas list trigger-points lists them)";
    throw ArgumentError(msg);
}

} // namespace ta::session
