#include "core/bodymap/tag_placement.h"

namespace ta::core {

std::optional<TriggerPointTag> tagAt(const AnatomyModel& model, const PickHit& hit,
                                     std::span<const TriggerPointCandidate> candidates, float snapRadius)
{
    TriggerPointTag tag;
    if (!moveTag(tag, model, hit, candidates, snapRadius))
        return std::nullopt;
    return tag;
}

bool moveTag(TriggerPointTag& tag, const AnatomyModel& model, const PickHit& hit,
             std::span<const TriggerPointCandidate> candidates, float snapRadius)
{
    const Structure* s = model.get(hit.structure);
    if (!s || (s->kind != Kind::Muscle && s->kind != Kind::Tendon))
        return false;
    tag.structure = s->id;
    tag.position = hit.point;
    const auto snap = snapToTriggerPoint(s->id, hit.point, candidates, snapRadius);
    tag.triggerPoint = snap ? std::optional<std::string>(snap->triggerPoint) : std::nullopt;
    return true;
}

} // namespace ta::core
