#pragma once
// What `trigger-atlas list` prints: the ids and names of the referral regions, the documented trigger
// points and the model's structures, one row each, in data order.
#include "core/anatomy_model.h"
#include "core/referral/referral_data.h"

#include <string>
#include <vector>

namespace ta::session {

struct ListRow {
    std::string id;
    std::string name;
};

/// Regions ("temple", "Temple"); deep ones say so ("Behind the eye (deep)").
std::vector<ListRow> regionRows(const core::ReferralData& data);
std::vector<ListRow> triggerPointRows(const core::ReferralData& data);
std::vector<ListRow> structureRows(const core::AnatomyModel& model);

} // namespace ta::session
