// AppSession: what a click or a hover lands on.
#include "session/app_session.h"

#include <algorithm>
#include <limits>

namespace ta::session {
namespace {

/// Never accept a hit closer than this past the chord's middle: the skin is a few millimetres off the
/// midline of a thin neck, and rounding must not refuse a click on the near side.
constexpr float kMiddleSlack = 0.002f; // metres
/// A chord shorter than this is one surface met from both sides (an opening), not the body.
constexpr float kMinimumChord = 0.01f; // metres

core::PickFilter skinOnly(const core::AnatomyModel& model)
{
    return core::PickFilter::from(model, [&](core::StructureId id) { return model.structures[id.value].kind == core::Kind::Skin; });
}

} // namespace

std::optional<std::pair<float, float>> AppSession::skinChord(const core::Ray& ray) const
{
    const core::PickFilter skin = skinOnly(m_model);
    if (!skin.acceptsAny() || glm::length(ray.direction) <= 0.0f)
        return std::nullopt;
    const auto in = bvh().raycast(ray, skin);
    if (!in)
        return std::nullopt;
    // The exit: the first skin hit seen from beyond the model, looking back along the ray.
    const glm::vec3 dir = glm::normalize(ray.direction);
    const core::Aabb box = bvh().bounds();
    const float across = box.valid() ? glm::length(box.size()) : 10.0f;
    const float far = in->distance + 2.0f * across;
    const auto out = bvh().raycast(core::Ray{ray.origin + far * dir, -dir}, skin);
    // The same surface seen from both ends: the ray leaves through an opening of the skin (it is cut off
    // below the shoulders), so there is no far side to guard.
    if (!out || far - out->distance <= in->distance + kMinimumChord)
        return std::nullopt;
    return std::make_pair(in->distance, far - out->distance);
}

bool AppSession::onNearSide(const glm::vec3& point) const
{
    const glm::vec3 eye = m_camera.eye();
    const glm::vec3 d = point - eye;
    const float dist = glm::length(d);
    if (dist <= 0.0f)
        return true;
    const auto chord = skinChord(core::Ray{eye, d});
    if (!chord)
        return true;
    return dist <= 0.5f * (chord->first + chord->second) + kMiddleSlack;
}

std::optional<core::PickHit> AppSession::pickNear(const core::Ray& ray, const core::PickFilter& filter) const
{
    // Only while the skin is drawn (solid or x-rayed): the body is then seen from outside, and a ray slipping
    // through a gap between muscles to the far side lands on something the user is not looking at. With the
    // skin peeled away the user may well be looking at the inside of the far side, and may click it.
    bool skinShown = false;
    for (std::uint32_t i = 0; i < m_model.structures.size() && !skinShown; ++i)
        skinShown = m_model.structures[i].kind == core::Kind::Skin && isVisible(core::StructureId{i});
    if (!skinShown)
        return bvh().raycast(ray, filter);
    const auto chord = skinChord(ray);
    const float limit = chord ? 0.5f * (chord->first + chord->second) + kMiddleSlack
                              : std::numeric_limits<float>::infinity();
    return bvh().raycast(ray, filter, limit);
}

const core::Bvh& AppSession::bvh() const
{
    if (!m_bvhBuilt) {
        m_bvh = core::Bvh(m_model);
        m_bvhBuilt = true;
    }
    return m_bvh;
}

std::optional<core::PickHit> AppSession::pick(glm::vec2 pixel) const { return pickRay(m_camera.rayFromPixel(pixel)); }

std::optional<core::PickHit> AppSession::pickRay(const core::PixelRay& r) const
{
    return pickNear(core::Ray{r.origin, r.direction}, m_visibility.pickFilter(m_model, m_selected));
}

std::optional<core::PickHit> AppSession::pickUnderSkin(glm::vec2 pixel) const
{
    return pickUnderSkinRay(m_camera.rayFromPixel(pixel));
}

std::optional<core::PickHit> AppSession::pickUnderSkinRay(const core::PixelRay& r) const
{
    core::PickFilter filter = m_visibility.pickFilter(m_model, m_selected);
    for (std::uint32_t i = 0; i < m_model.structures.size(); ++i)
        if (m_model.structures[i].kind == core::Kind::Skin)
            filter.set(core::StructureId{i}, false);
    return pickNear(core::Ray{r.origin, r.direction}, filter);
}

std::optional<PickableMarker> AppSession::pickMarker(glm::vec2 pixel, float radiusPixels) const
{
    std::optional<PickableMarker> best;
    float bestDistance = radiusPixels;
    const core::PickFilter filter = m_visibility.pickFilter(m_model, m_selected);
    const glm::vec3 eye = m_camera.eye();
    for (const auto& m : m_pickable) {
        const auto p = m_camera.project(m.position);
        if (!p)
            continue;
        const float d = glm::length(glm::vec2(p->x, p->y) - pixel);
        if (d > bestDistance)
            continue;
        // Behind an opaque surface and not drawn on top: not clickable.
        if (!m.onTop) {
            const glm::vec3 toMarker = m.position - eye;
            const float dist = glm::length(toMarker);
            if (bvh().raycast(core::Ray{eye, toMarker}, filter, dist - 0.004f))
                continue;
        }
        best = m;
        bestDistance = d;
    }
    return best;
}

} // namespace ta::session
