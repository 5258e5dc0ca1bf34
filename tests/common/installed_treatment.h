#pragma once
// The installed clinical data and treatment service (assets/data, assets/protocols), loaded once per test
// binary, for the treatment and protocol tests.
#include "core/referral/referral_data.h"
#include "io/asset_paths.h"
#include "session/treatment/treatment_service.h"

namespace ta::test {

inline const core::ReferralData& installedData()
{
    static const core::ReferralData d = core::ReferralData::load(io::assetPath("data"));
    return d;
}

inline const session::TreatmentService& installedTreatment()
{
    static const auto s = session::TreatmentService::loadInstalled(installedData());
    return *s;
}

} // namespace ta::test
