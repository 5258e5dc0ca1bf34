// AppSession: what a click or a hover lands on.
#include "session/app_session.h"

namespace ta::session {

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
    return bvh().raycast(core::Ray{r.origin, r.direction}, m_visibility.pickFilter(m_model, m_selected));
}

std::optional<core::PickHit> AppSession::pickUnderSkin(glm::vec2 pixel) const
{
    core::PickFilter filter = m_visibility.pickFilter(m_model, m_selected);
    for (std::uint32_t i = 0; i < m_model.structures.size(); ++i)
        if (m_model.structures[i].kind == core::Kind::Skin)
            filter.set(core::StructureId{i}, false);
    const core::PixelRay r = m_camera.rayFromPixel(pixel);
    return bvh().raycast(core::Ray{r.origin, r.direction}, filter);
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
