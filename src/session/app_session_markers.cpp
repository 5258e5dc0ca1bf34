// AppSession: the markers the scene draws (documented trigger points, deep-zone glows, the client's tags)
// and which of them can be clicked.
#include "session/app_session.h"

#include "session/far_side.h"

#include <algorithm>

namespace ta::session {
namespace {

constexpr glm::vec3 kTrpColour{0.55f, 0.04f, 0.04f};
constexpr glm::vec3 kTrpSelectedMuscleColour{0.85f, 0.08f, 0.06f};
constexpr glm::vec3 kTrpShownColour{1.0f, 0.05f, 0.02f};
constexpr glm::vec3 kDeepZoneColour{1.0f, 0.08f, 0.04f};
constexpr glm::vec3 kTagActiveColour{1.0f, 0.55f, 0.05f};
constexpr glm::vec3 kTagLatentColour{0.25f, 0.55f, 1.0f};
constexpr glm::vec3 kTagSelectedColour{1.0f, 0.95f, 0.3f};

} // namespace

void AppSession::rebuildMarkers()
{
    m_markers.clear();
    m_pickable.clear();
    if (m_display.showMarkers && m_catalog.loaded()) {
        const core::Structure* sel = m_model.get(m_selected);
        const core::MuscleRecord* selMuscle = sel ? m_catalog.muscleOf(*sel) : nullptr;
        for (core::TriggerPointId id : m_catalog.all()) {
            const auto& inst = m_catalog.instance(id);
            const bool shown = m_shownTriggerPoint && *m_shownTriggerPoint == id;
            if (!shown && !isVisible(inst.structure))
                continue;
            core::Marker m;
            m.position = inst.position;
            const bool ofSelected = selMuscle && m_catalog.record(id).muscle == selMuscle->id &&
                                    (sel->side == core::Side::Midline || sel->side == inst.key.side);
            m.radius = shown        ? core::kTriggerPointShownMarkerRadius
                       : ofSelected ? core::kTriggerPointOfSelectedMarkerRadius
                                    : core::kTriggerPointMarkerRadius;
            m.colour = shown ? kTrpShownColour : ofSelected ? kTrpSelectedMuscleColour : kTrpColour;
            // Through the x-rayed layers only for the muscle being looked at; the rest stay depth-tested
            // so the view does not fill with markers.
            // Never through the body from the far side: a left trigger point seen from the right stays
            // behind the neck (depth-tested) instead of floating over the right side.
            m.onTop = (shown || (m_visibility.ghost() && ofSelected)) && !hiddenOnFarSide(*this, inst.position);
            m_markers.push_back(m);
            m_pickable.push_back({id, inst.position, m.onTop});
        }
    }
    // Deep zones of the trigger point shown: a red glow inside the head, seen through every layer.
    if (m_shownTriggerPoint && m_catalog.loaded())
        for (const core::ResolvedShape& v : m_catalog.deepVolumes(*m_shownTriggerPoint)) {
            core::Marker m;
            m.position = 0.5f * (v.a + v.b);
            const glm::vec3 half = v.kind == core::ShapeKind::Ellipsoid ? v.radii : 0.5f * glm::abs(v.b - v.a) + v.radii.x;
            m.radius = std::max(half.x, std::max(half.y, half.z));
            m.axes = half / std::max(m.radius, 1e-6f);
            m.colour = kDeepZoneColour;
            m.glow = 0.55f;
            // A glow is drawn through every layer, so one on the far side would light the near face (a left
            // temple glow on the right temple seen from the right): keep only those in the near half.
            if (hiddenOnFarSide(*this, m.position))
                continue;
            m_markers.push_back(m); // not pickable: it marks where pain is felt, not a thing to click
        }
    for (const auto& s : m_bodyMap.map().sessions)
        for (const auto& t : s.tags) {
            core::Marker m;
            m.position = t.position;
            const bool selected = m_selectedTag && *m_selectedTag == t.id;
            m.radius = selected ? 0.0065f : 0.005f;
            m.colour = selected ? kTagSelectedColour
                                : (t.state == core::TagState::Active ? kTagActiveColour : kTagLatentColour);
            // The therapist's own findings stay visible through every layer, of the near half of the body.
            m.onTop = !hiddenOnFarSide(*this, t.position);
            m_markers.push_back(m);
            m_pickable.push_back({t.id, t.position, m.onTop});
        }
}

} // namespace ta::session
