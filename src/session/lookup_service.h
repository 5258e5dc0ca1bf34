#pragma once
// The reverse lookup as the command line asks for it: which documented trigger points could explain pain
// in named regions, or in a body map's pain drawing. Both paths paint on the model's skin (regions as their
// footprint) and go through the same service as the window's body-map panel (session/drawing_explainer.h),
// so all rank alike by construction.
#include "core/referral/referral_data.h"
#include "core/referral/reverse_lookup.h"
#include "session/trigger_point_catalog.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ta::session {

class LookupService {
public:
    /// Loads the clinical data from `dataDir`. Throws IoError/ParseError/ValidationError naming the file.
    explicit LookupService(std::filesystem::path dataDir);

    const core::ReferralData& data() const { return m_data; }

    /// Explains pain in `regions` (ids or aliases) on `side` ("left", "right" or "both"), painted as their
    /// footprint on the skin of `modelFile`. Throws ArgumentError naming an unknown region or side, with
    /// close matches, or when the model has no skin, and what loading the model throws.
    TriggerPointCatalog::PainExplanation byRegions(const std::vector<std::string>& regions, const std::string& side,
                                                   const std::filesystem::path& modelFile) const;

    /// Ranks the trigger points that explain the pain drawing of body map `file` (the session of `date`,
    /// or with an empty date the latest session that has pain marks), projected on the skin of `modelFile`.
    /// Throws what loading the file or the model throws, and ArgumentError when there are no pain marks or
    /// the model has no skin.
    TriggerPointCatalog::PainExplanation byBodyMap(const std::filesystem::path& file, const std::string& date,
                                                   const std::filesystem::path& modelFile) const;

private:
    std::filesystem::path m_dataDir;
    core::ReferralData m_data;
};

} // namespace ta::session
