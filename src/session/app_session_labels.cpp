// AppSession: what the labels say and which are drawn (only what is visible from the eye).
#include "session/app_session.h"

#include "session/far_side.h"
#include "session/structure_names.h"

namespace ta::session {

std::string AppSession::labelName(core::StructureId id) const
{
    const core::Structure* s = m_model.get(id);
    if (!s)
        return {};
    if (m_display.latinNames && !s->latin.empty())
        return s->latin;
    return commonName(*s);
}

std::vector<ViewLabel> AppSession::viewLabels() const
{
    std::vector<ViewLabel> out;
    if (!m_display.showLabels)
        return out;
    // The selection, when it is drawn at all: a peeled or hidden structure has no label pointing at
    // nothing. The anchor is where the eye sees it (the ray to its centre), else its centre.
    if (const core::Structure* s = m_model.get(m_selected); s && isVisible(*m_selected)) {
        core::PickFilter only;
        only.set(*m_selected, true);
        const glm::vec3 eye = m_camera.eye();
        const glm::vec3 centre = s->mesh.bounds().centre();
        const auto hit = bvh().raycast(core::Ray{eye, centre - eye}, only);
        const glm::vec3 anchor = hit ? hit->point : centre;
        if (!hiddenOnFarSide(*this, anchor)) // the left trapezius seen from the right: no label through the neck
            out.push_back({ViewLabel::Kind::Structure, labelName(*m_selected), anchor, *m_selected});
    }
    // The trigger point shown, when its muscle is drawn and it lies on the near side of the body.
    if (m_shownTriggerPoint && m_catalog.loaded()) {
        const auto& inst = m_catalog.instance(*m_shownTriggerPoint);
        if (isVisible(inst.structure) && !hiddenOnFarSide(*this, inst.position)) {
            std::string text = m_catalog.record(*m_shownTriggerPoint).name;
            out.push_back({ViewLabel::Kind::TriggerPoint, std::move(text), inst.position, inst.structure});
        }
    }
    return out;
}

} // namespace ta::session
