#include "session/trigger_point_order.h"

#include "session/structure_names.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace ta::session {

std::vector<core::TriggerPointId> triggerPointsInOrder(const TriggerPointCatalog& catalog, const core::AnatomyModel& model,
                                                       core::Side side)
{
    std::vector<core::TriggerPointId> out;
    if (!catalog.loaded())
        return out;
    // Per muscle: where its family (first id word) first appears in the data, and its part's rank.
    std::map<std::string, std::size_t> familyAt;
    struct Key {
        std::size_t family;
        int part;
        std::size_t muscle;
    };
    std::map<std::string, Key> keys;
    for (std::size_t m = 0; m < catalog.data().muscles.size(); ++m) {
        const core::MuscleRecord& rec = catalog.data().muscles[m];
        const std::string family = familyOf(rec.id);
        const std::size_t at = familyAt.emplace(family, familyAt.size()).first->second;
        int part = 1;
        if (!rec.structures.empty())
            if (const auto id = model.find(rec.structures.front() + "-left"))
                part = partRank(*model.get(*id));
        keys[rec.id] = {at, part, m};
    }
    for (core::TriggerPointId id : catalog.all())
        if (catalog.instance(id).key.side == side)
            out.push_back(id);
    std::stable_sort(out.begin(), out.end(), [&](core::TriggerPointId a, core::TriggerPointId b) {
        const auto ka = keys.find(catalog.record(a).muscle), kb = keys.find(catalog.record(b).muscle);
        if (ka == keys.end() || kb == keys.end())
            return false;
        const Key& x = ka->second;
        const Key& y = kb->second;
        return std::tie(x.family, x.part, x.muscle) < std::tie(y.family, y.part, y.muscle);
    });
    return out;
}

} // namespace ta::session
