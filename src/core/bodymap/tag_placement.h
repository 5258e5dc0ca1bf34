#pragma once
// Turning a click into a trigger-point tag: only muscles (and their tendons) take tags; the tag names the
// muscle and snaps to the nearest documented trigger point on it when one lies within the snap radius.
#include "core/anatomy_model.h"
#include "core/bodymap/body_map.h"
#include "core/bodymap/tag_snapping.h"
#include "core/picking/bvh.h"

#include <optional>
#include <span>

namespace ta::core {

/// A new tag at `hit` (its id left 0 for BodyMap::addTag to fill), or nullopt when the hit structure
/// is not a muscle or tendon. Never throws.
std::optional<TriggerPointTag> tagAt(const AnatomyModel& model, const PickHit& hit,
                                     std::span<const TriggerPointCandidate> candidates,
                                     float snapRadius = kDefaultSnapRadius);

/// Moves `tag` to `hit` (which must be on a muscle or tendon) and snaps it again; false when refused.
bool moveTag(TriggerPointTag& tag, const AnatomyModel& model, const PickHit& hit,
             std::span<const TriggerPointCandidate> candidates, float snapRadius = kDefaultSnapRadius);

} // namespace ta::core
