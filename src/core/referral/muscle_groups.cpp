#include "core/referral/muscle_groups.h"

#include <algorithm>

namespace ta::core {

std::vector<MuscleGroup> groupByMuscle(const ReferralData& data, const std::vector<LookupHit>& hits)
{
    std::vector<MuscleGroup> groups;
    for (std::size_t h = 0; h < hits.size(); ++h) {
        const auto muscle = data.findMuscle(data.triggerPoints[hits[h].triggerPoint.index].muscle);
        if (!muscle)
            continue;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const MuscleGroup& g) { return g.muscle == *muscle; });
        if (it == groups.end()) { // hits come best first, so the first hit of a muscle is its best
            groups.push_back({*muscle, hits[h].score, {}});
            it = groups.end() - 1;
        }
        it->hits.push_back(h);
    }
    return groups;
}

} // namespace ta::core
