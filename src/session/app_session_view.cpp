// AppSession: selection, framing, layers, peeling and isolation.
#include "session/app_session.h"

#include "session/structure_names.h"

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
    const auto parts = partsOf(*m_selected);
    for (core::StructureId p : parts)
        m_visibility.hide(p); // the whole muscle: hiding one of the trapezius's three parts hides little
    notify("Hidden: " + labelName(*m_selected) + (parts.size() > 1 ? " and its other parts" : "") + " (Shift+H shows all)");
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

namespace ta::session {

void AppSession::viewFrom(core::ViewPreset preset)
{
    m_camera.applyPreset(preset);
    m_camera.frame(homeBounds()); // after the preset: frame() keeps the new direction
}

std::vector<core::StructureId> AppSession::partsOf(core::StructureId id) const
{
    const core::Structure* s = m_model.get(id);
    if (!s)
        return {};
    const std::string family = familyOf(s->id);
    std::vector<core::StructureId> out;
    for (std::uint32_t i = 0; i < m_model.structures.size(); ++i) {
        const core::Structure& o = m_model.structures[i];
        if (i == id.value || (o.kind == s->kind && o.side == s->side && !family.empty() && familyOf(o.id) == family))
            out.push_back(core::StructureId{i});
    }
    return out;
}

bool AppSession::selectionXrayed() const
{
    if (!m_selected)
        return false;
    const StructureState* st = m_visibility.structure(*m_selected);
    return st && st->ghost;
}

void AppSession::xraySelection()
{
    const core::Structure* s = m_model.get(m_selected);
    if (!s) {
        notify("Select a structure first, then X sees through it (click it, or Ctrl+F)");
        return;
    }
    const bool on = !selectionXrayed();
    const auto parts = partsOf(*m_selected);
    for (core::StructureId p : parts)
        if (StructureState* st = m_visibility.structure(p))
            st->ghost = on;
    const std::string name = parts.size() > 1 ? labelName(*m_selected) + " and its other parts" : labelName(*m_selected);
    notify(on ? "Seeing through " + name + ": click what lies beneath (X again to make it solid)"
              : name + " solid again");
}

void AppSession::toggleGhost()
{
    const bool on = !m_visibility.ghost();
    m_visibility.setGhost(on);
    if (!on)
        return;
    // Say why nothing changes: x-ray acts on the layers above the selection, and there may be none shown.
    if (const core::Structure* sel = m_model.get(m_selected)) {
        bool anyAbove = false;
        for (std::uint32_t i = 0; i < m_model.structures.size() && !anyAbove; ++i)
            anyAbove = m_model.structures[i].layer < sel->layer && isVisible(core::StructureId{i});
        if (!anyAbove)
            notify("X-ray: nothing is shown above " + labelName(*m_selected) +
                   " to see through; press X to see through it instead");
        else
            notify("X-ray: seeing through what lies above " + labelName(*m_selected));
    }
}

} // namespace ta::session
