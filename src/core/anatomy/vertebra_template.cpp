#include "core/anatomy/vertebra_template.h"

#include <algorithm>

namespace ta::core::anatomy {

namespace {

Primitive tube(std::vector<glm::vec3> pts, std::vector<float> radii, bool symmetric, float blend)
{
    Primitive p;
    p.type = PrimitiveType::Tube;
    p.points = std::move(pts);
    p.pointRadii = std::move(radii);
    p.mirrored = symmetric;
    p.blend = blend;
    return p;
}

} // namespace

std::vector<Primitive> vertebraPrimitives(const VertebraParams& v)
{
    std::vector<Primitive> out;
    const glm::vec3 c = v.centre;
    const float hw = v.body.x, hh = v.body.y, hd = v.body.z;
    const float r = v.processRadius;

    Primitive body;
    body.type = PrimitiveType::Box;
    body.centre = c;
    body.radii = v.body;
    body.rounding = 0.8f * std::min(hw, hd);
    out.push_back(body);

    // The neural arch: pedicles from the back of the body round the canal to the midline, two tiers so
    // the laminae have height.
    const float back = c.z - hd;
    const float canalZ = back - v.canal.y;
    const float archBack = back - 2.0f * v.canal.y;
    for (float dy : {-0.45f * hh, 0.45f * hh}) {
        const float y = c.y + dy;
        out.push_back(tube({{0.6f * hw, y, back + 2.0f}, {v.canal.x + 0.5f * r, y, canalZ + 1.0f},
                            {0.6f * v.canal.x, y, archBack + 1.0f}, {0.0f, y, archBack - 0.5f * r}},
                           {r, 1.1f * r, r, r}, true, 2.0f));
    }
    // Articular pillars at the sides of the canal.
    Primitive pillar;
    pillar.type = PrimitiveType::Box;
    pillar.centre = {v.canal.x + 1.2f * r, c.y, canalZ};
    pillar.radii = {1.4f * r, 1.15f * hh, 1.8f * r};
    pillar.rounding = 1.2f * r;
    pillar.mirrored = true;
    pillar.blend = 2.0f;
    out.push_back(pillar);
    // Transverse processes: an anterior bar from the body and a posterior bar from the pillar.
    const glm::vec3 tip = v.transverseTip;
    out.push_back(tube({{0.8f * hw, c.y, c.z - 0.3f * hd}, tip}, {r, 0.8f * r}, true, 2.0f));
    out.push_back(tube({pillar.centre, tip}, {r, 0.8f * r}, true, 2.0f));
    // Spinous process from the junction of the laminae.
    const glm::vec3 root{0.0f, c.y, archBack - 0.5f * r};
    const glm::vec3 stip{0.0f, v.spinousTip.y, v.spinousTip.z};
    if (v.bifid) {
        const glm::vec3 fork = root + 0.7f * (stip - root);
        out.push_back(tube({root, fork}, {1.1f * r, 0.9f * r}, false, 2.0f));
        out.push_back(tube({fork, stip + glm::vec3(0.9f * r, 0.0f, 0.0f)}, {0.9f * r, 0.8f * r}, true, 1.5f));
    } else {
        out.push_back(tube({root, stip}, {1.1f * r, 0.9f * r}, false, 2.0f));
        Primitive knob; // the rounded tubercle at the tip (C7, thoracic)
        knob.type = PrimitiveType::Ellipsoid;
        knob.centre = stip;
        knob.radii = {1.3f * r, 1.1f * r, 1.1f * r};
        knob.blend = 2.0f;
        out.push_back(knob);
    }
    return out;
}

} // namespace ta::core::anatomy
