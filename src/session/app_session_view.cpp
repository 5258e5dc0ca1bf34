// AppSession: selection, framing, layers, peeling and isolation.
#include "session/app_session.h"

#include <algorithm>

namespace ta::session {

void AppSession::setSelected(std::optional<core::StructureId> id)
{
    if (id != m_selected)
        ++m_selectionRevision;
    m_selected = id;
}

void AppSession::select(std::optional<core::StructureId> id, bool frameIt)
{
    if (id && !m_model.get(*id))
        id.reset();
    setSelected(id);
    if (m_shownTriggerPoint && m_catalog.loaded()) {
        // Keep the referral while the selection is the trigger point's own muscle.
        const core::Structure* sel = m_model.get(id);
        const auto tps = sel ? m_catalog.triggerPointsOf(*sel) : std::vector<core::TriggerPointId>{};
        if (std::find(tps.begin(), tps.end(), *m_shownTriggerPoint) == tps.end())
            showTriggerPoint(std::nullopt);
    }
    if (id && frameIt)
        frame(*id);
}

void AppSession::frame(core::StructureId id)
{
    const core::Structure* s = m_model.get(id);
    if (!s)
        return;
    // Some surroundings in view, so one sees where the structure sits: a box 1.8 times as large, at
    // least 12 cm across.
    const core::Aabb b = s->mesh.bounds();
    const glm::vec3 half = glm::max(0.9f * b.size(), glm::vec3(0.06f));
    m_camera.frame(core::Aabb{b.centre() - half, b.centre() + half});
}

void AppSession::frameSelection()
{
    if (m_selected)
        frame(*m_selected);
    else
        frameAll();
}

void AppSession::frameAll() { m_camera.frame(homeBounds()); }

std::optional<core::Layer> AppSession::peel()
{
    const auto l = m_visibility.peel();
    if (l)
        notify(std::string("Peeled: ") + layerLabel(*l));
    else
        notify("Only one layer is left to see");
    return l;
}

std::optional<core::Layer> AppSession::restore()
{
    const auto l = m_visibility.restore();
    if (l)
        notify(std::string("Restored: ") + layerLabel(*l));
    return l;
}

void AppSession::hideSelection()
{
    const core::Structure* s = m_model.get(m_selected);
    if (!s)
        return;
    m_visibility.hide(*m_selected);
    notify("Hidden: " + s->name + " (Shift+H shows all)");
    select(std::nullopt);
}

void AppSession::isolate(core::StructureId id)
{
    const core::Structure* target = m_model.get(id);
    if (!target)
        return;
    m_visibility.isolate(m_model, id);
    select(id);
    notify("Isolated: " + target->name + " (Shift+H shows all)");
}

void AppSession::isolateSelection()
{
    if (m_selected)
        isolate(*m_selected);
    else
        notify("Select a structure first (click it, or Ctrl+F)");
}

void AppSession::showAll() { m_visibility.showAll(); }

} // namespace ta::session
