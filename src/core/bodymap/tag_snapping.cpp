#include "core/bodymap/tag_snapping.h"

#include <array>
#include <cmath>

namespace ta::core {
namespace {

// Muscles modelled as several structures: "<muscle>-<part>-<side>".
constexpr std::array<std::string_view, 4> kMultiPartMuscles{"trapezius", "sternocleidomastoid", "masseter",
                                                            "digastric"};

std::string_view sideSuffix(std::string_view id)
{
    for (std::string_view s : {std::string_view("-left"), std::string_view("-right")})
        if (id.size() > s.size() && id.substr(id.size() - s.size()) == s)
            return s;
    return {};
}

} // namespace

std::string muscleOf(std::string_view structureId)
{
    const std::string_view side = sideSuffix(structureId);
    for (std::string_view m : kMultiPartMuscles)
        if (structureId.size() > m.size() && structureId.substr(0, m.size()) == m && structureId[m.size()] == '-')
            return std::string(m) + std::string(side);
    return std::string(structureId);
}

std::optional<SnapResult> snapToTriggerPoint(std::string_view structure, const glm::vec3& position,
                                             std::span<const TriggerPointCandidate> candidates, float radius)
{
    if (!(radius >= 0.0f) || !std::isfinite(position.x) || !std::isfinite(position.y) || !std::isfinite(position.z))
        return std::nullopt;
    const std::string muscle = muscleOf(structure);
    const TriggerPointCandidate* best = nullptr;
    float bestDistance = 0.0f;
    for (const auto& c : candidates) {
        if (c.structure != structure && muscleOf(c.structure) != muscle)
            continue;
        const float d = glm::length(c.position - position);
        if (!(d <= radius))
            continue;
        const bool better = !best || d < bestDistance ||
                            (d == bestDistance && c.structure == structure && best->structure != structure);
        if (better) {
            best = &c;
            bestDistance = d;
        }
    }
    if (!best)
        return std::nullopt;
    return SnapResult{best->id, bestDistance};
}

} // namespace ta::core
