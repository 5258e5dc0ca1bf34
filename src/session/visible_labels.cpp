#include "session/visible_labels.h"

#include <algorithm>

namespace ta::session {

std::vector<ViewLabel> labelEverythingVisible(const AppSession& s, std::size_t limit, float minScreenFraction)
{
    struct Candidate {
        ViewLabel label;
        float extent; // on screen, pixels
    };
    std::vector<Candidate> found;
    const core::AnatomyModel& model = s.model();
    const core::OrbitCamera& cam = s.camera();
    const glm::vec3 eye = cam.eye();
    const core::PickFilter seen = s.visibility().pickFilter(model, s.selected());
    const float minExtent = minScreenFraction * static_cast<float>(cam.height());
    for (std::uint32_t i = 0; i < model.structures.size(); ++i) {
        const core::StructureId id{i};
        const core::Structure& st = model.structures[i];
        if (st.kind == core::Kind::Skin || !seen.accepts(id))
            continue;
        const core::Aabb b = st.mesh.bounds();
        // How big it is on screen: the projected box.
        glm::vec2 lo{1e9f}, hi{-1e9f};
        for (int c = 0; c < 8; ++c) {
            const glm::vec3 corner{c & 1 ? b.max.x : b.min.x, c & 2 ? b.max.y : b.min.y, c & 4 ? b.max.z : b.min.z};
            if (const auto p = cam.project(corner)) {
                lo = glm::min(lo, glm::vec2(p->x, p->y));
                hi = glm::max(hi, glm::vec2(p->x, p->y));
            }
        }
        const float extent = std::max(hi.x - lo.x, hi.y - lo.y);
        if (!(extent >= minExtent))
            continue;
        const auto hit = s.pickRay(core::PixelRay{eye, glm::normalize(b.centre() - eye)});
        if (!hit || hit->structure != id)
            continue; // behind something else, or on the far side
        const auto p = cam.project(hit->point);
        if (!p || p->x < 0 || p->y < 0 || p->x > cam.width() || p->y > cam.height())
            continue;
        found.push_back({{ViewLabel::Kind::Structure, s.labelName(id), hit->point, id}, extent});
    }
    std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.extent > b.extent; });
    std::vector<ViewLabel> out;
    for (std::size_t k = 0; k < found.size() && out.size() < limit; ++k)
        out.push_back(std::move(found[k].label));
    return out;
}

} // namespace ta::session
