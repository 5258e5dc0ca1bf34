// AppSession: the trigger point being explained, its referral overlay and its caption.
#include "session/app_session.h"

namespace ta::session {

void AppSession::showTriggerPoint(std::optional<core::TriggerPointId> id, bool frameMuscle)
{
    if (id && (!m_catalog.loaded() || id->value >= m_catalog.size()))
        id.reset();
    m_shownTriggerPoint = id;
    if (id) {
        const core::StructureId muscle = m_catalog.instance(*id).structure;
        if (m_model.get(muscle))
            setSelected(muscle);
        if (frameMuscle)
            frameShownTriggerPoint();
    }
    refreshReferral();
}

void AppSession::frameShownTriggerPoint()
{
    if (!m_shownTriggerPoint || !m_catalog.loaded())
        return;
    core::Aabb box = m_catalog.explainBounds(*m_shownTriggerPoint);
    if (const core::Structure* s = m_model.get(m_catalog.instance(*m_shownTriggerPoint).structure))
        box.expand(s->mesh.bounds());
    if (!box.valid())
        return;
    core::ScreenStrip strip;
    const TriggerPointSheet* sheet = m_display.presentation ? shownSheet() : nullptr;
    if (sheet && !plainWords(*sheet).empty()) {
        // The text goes beyond the framed part, on its side away from the body's middle: there it covers
        // the background rather than the rest of the body (a left-sided pattern seen from the front lies
        // right of the body's middle on screen, so its text goes in the right-hand corner).
        const float room = 1.0f - kPresentationTextShare - 0.05f; // the text's box, with its margins
        const glm::vec3 right{std::cos(m_camera.goal().yaw), 0.0f, -std::sin(m_camera.goal().yaw)};
        const bool textOnLeft = glm::dot(box.centre() - homeBounds().centre(), right) < 0.0f;
        strip = textOnLeft ? core::ScreenStrip{1.0f - room, 1.0f} : core::ScreenStrip{0.0f, room};
        // A client looks at the whole face: some room round the pattern, so the nose or the crown is not cut.
        box = core::Aabb{box.min - glm::vec3(0.015f), box.max + glm::vec3(0.015f)};
    }
    m_camera.frameInto(box, strip);
}

void AppSession::stepTriggerPoint(int delta)
{
    const core::Structure* s = m_model.get(m_selected);
    if (!m_catalog.loaded() || !s)
        return;
    const auto tps = m_catalog.triggerPointsOf(*s);
    if (tps.empty()) {
        notify(s->name + " has no documented trigger points");
        return;
    }
    std::optional<std::size_t> at;
    for (std::size_t k = 0; k < tps.size(); ++k)
        if (m_shownTriggerPoint && tps[k] == *m_shownTriggerPoint)
            at = k;
    const int n = static_cast<int>(tps.size());
    const int next = !at ? (delta >= 0 ? 0 : n - 1) : ((static_cast<int>(*at) + delta) % n + n) % n;
    showTriggerPoint(tps[static_cast<std::size_t>(next)]);
}

std::string AppSession::caption() const
{
    if (m_shownTriggerPoint && m_catalog.loaded())
        return m_catalog.caption(*m_shownTriggerPoint);
    if (m_model.get(m_selected))
        return labelName(*m_selected); // "Upper trapezius", not "Descending part of left trapezius"
    return {};
}

void AppSession::visibleSkinAndBones(std::vector<core::StructureId>& skin, std::vector<core::StructureId>& bones) const
{
    for (std::uint32_t i = 0; i < m_model.structures.size(); ++i) {
        const core::StructureId id{i};
        const core::Kind kind = m_model.structures[i].kind;
        if (kind == core::Kind::Skin && isVisible(id))
            skin.push_back(id);
        else if (kind == core::Kind::Bone && isVisible(id))
            bones.push_back(id);
    }
}

std::vector<core::StructureId> AppSession::referralTargets() const
{
    std::vector<core::StructureId> skin, bones;
    visibleSkinAndBones(skin, bones);
    if (!skin.empty())
        return skin; // on the skin, as the charts draw it
    // On the bones when the skin is hidden: only those the zones reach (projecting onto every bone of
    // the model would cost time for nothing).
    if (!m_shownTriggerPoint || !m_catalog.loaded())
        return bones;
    const core::Aabb zones = m_catalog.zoneBounds(*m_shownTriggerPoint);
    std::vector<core::StructureId> reached;
    for (core::StructureId id : bones) {
        const core::Aabb b = m_model.structures[id.value].mesh.bounds();
        if (zones.valid() && glm::all(glm::lessThanEqual(b.min, zones.max)) && glm::all(glm::lessThanEqual(zones.min, b.max)))
            reached.push_back(id);
    }
    return reached;
}

std::vector<core::StructureId> AppSession::painTargets() const
{
    std::vector<core::StructureId> skin, bones;
    visibleSkinAndBones(skin, bones);
    return skin.empty() ? bones : skin;
}

void AppSession::refreshReferral()
{
    if (!m_shownTriggerPoint || !m_catalog.loaded()) {
        m_zoneCentres.clear();
        m_overlays.referral.clear();
        m_referralTargets.clear();
        return;
    }
    m_referralTargets = referralTargets();
    m_overlays.referral.assign(m_catalog.referralWeights(*m_shownTriggerPoint, m_referralTargets));
    m_zoneCentres = m_catalog.essentialCentres(*m_shownTriggerPoint, m_referralTargets);
}

} // namespace ta::session
