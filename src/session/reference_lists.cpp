#include "session/reference_lists.h"

namespace ta::session {

std::vector<ListRow> regionRows(const core::ReferralData& data)
{
    std::vector<ListRow> rows;
    for (const auto& r : data.regions)
        rows.push_back({r.id, r.deep ? r.name + " (deep)" : r.name});
    return rows;
}

std::vector<ListRow> triggerPointRows(const core::ReferralData& data)
{
    std::vector<ListRow> rows;
    for (const auto& t : data.triggerPoints)
        rows.push_back({t.id, t.name});
    return rows;
}

std::vector<ListRow> structureRows(const core::AnatomyModel& model)
{
    std::vector<ListRow> rows;
    for (const auto& s : model.structures)
        rows.push_back({s.id, s.name});
    return rows;
}

} // namespace ta::session
