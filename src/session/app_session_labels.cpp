// AppSession: what the labels say and which are drawn (only what is visible from the eye).
#include "session/app_session.h"

#include "session/far_side.h"
#include "session/structure_names.h"

#include <algorithm>
#include <utility>

namespace ta::session {
namespace {

constexpr std::size_t kAnchorTries = 24; ///< vertices tried, nearest the line of sight first

/// The vertex of `mesh` nearest the line from `eye` to `centre` that the eye sees (the first hit of a ray at
/// it, among `only`, is itself); nullopt when none of the nearest few is seen.
std::optional<glm::vec3> visibleVertexNear(const core::Bvh& bvh, const core::Mesh& mesh, const glm::vec3& eye,
                                           const glm::vec3& centre, const core::PickFilter& only)
{
    // A curved sheet (the upper trapezius from behind) has nothing at its box's centre: anchor on the
    // vertex nearest the line of sight to the centre that the eye sees, so the dot sits on the muscle.
    const glm::vec3 dir = glm::normalize(centre - eye);
    std::vector<std::pair<float, std::uint32_t>> byOffset;
    byOffset.reserve(mesh.positions.size());
    for (std::uint32_t v = 0; v < mesh.positions.size(); ++v) {
        const glm::vec3 d = mesh.positions[v] - eye;
        byOffset.emplace_back(glm::length(d - glm::dot(d, dir) * dir), v);
    }
    const std::size_t n = std::min(kAnchorTries, byOffset.size());
    std::partial_sort(byOffset.begin(), byOffset.begin() + static_cast<std::ptrdiff_t>(n), byOffset.end());
    for (std::size_t k = 0; k < n; ++k) {
        const glm::vec3& p = mesh.positions[byOffset[k].second];
        if (const auto hit = bvh.raycast(core::Ray{eye, p - eye}, only); hit && glm::length(hit->point - p) < 0.002f)
            return hit->point;
    }
    return std::nullopt;
}

} // namespace

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
        const glm::vec3 anchor = hit ? hit->point : visibleVertexNear(bvh(), s->mesh, eye, centre, only).value_or(centre);
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
