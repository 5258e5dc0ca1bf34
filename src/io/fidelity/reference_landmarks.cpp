#include "io/fidelity/reference_landmarks.h"

#include "core/geometry/closest_point_tree.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>

namespace ta::io {

namespace {

// Model frame: +X subject's left, +Y up, +Z anterior.
const glm::vec3 kUp(0, 1, 0), kDown(0, -1, 0), kAnterior(0, 0, 1), kPosterior(0, 0, -1), kLeft(1, 0, 0),
    kRight(-1, 0, 0);

using Filter = std::function<bool(const glm::vec3&)>;

/// The extreme of a mesh in direction `dir` among vertices passing `filter`: the mean of the vertices
/// within `band` metres of the most extreme one (steadier than a single vertex on a blunt tip).
std::optional<glm::vec3> extreme(const core::Mesh& mesh, glm::vec3 dir, const Filter& filter = {},
                                 float band = 0.001f)
{
    dir = glm::normalize(dir);
    float best = -std::numeric_limits<float>::max();
    for (const auto& p : mesh.positions)
        if (!filter || filter(p))
            best = std::max(best, glm::dot(p, dir));
    if (best == -std::numeric_limits<float>::max())
        return std::nullopt;
    glm::dvec3 sum(0.0);
    int n = 0;
    for (const auto& p : mesh.positions)
        if ((!filter || filter(p)) && glm::dot(p, dir) >= best - band) {
            sum += glm::dvec3(p);
            ++n;
        }
    return glm::vec3(sum / double(n));
}

glm::vec3 centroid(const core::Mesh& mesh, const Filter& filter = {})
{
    glm::dvec3 sum(0.0);
    int n = 0;
    for (const auto& p : mesh.positions)
        if (!filter || filter(p)) {
            sum += glm::dvec3(p);
            ++n;
        }
    return n ? glm::vec3(sum / double(n)) : glm::vec3(0.0f);
}

Filter nearMidline(float halfWidth)
{
    return [halfWidth](const glm::vec3& p) { return std::abs(p.x) <= halfWidth; };
}

} // namespace

std::vector<ReferenceLandmark> computeReferenceLandmarks(ReferenceSet& ref)
{
    std::vector<ReferenceLandmark> out;
    auto add = [&](const std::string& id, std::optional<glm::vec3> p, const std::string& rule) {
        if (p)
            out.push_back({id, *p, rule});
    };
    struct SideInfo {
        const char* suffix;
        float sign; // +1 = left (+X)
        const char* temporal;
        const char* zygomatic;
        const char* nasal;
        const char* clavicle;
    };
    const SideInfo sides[] = {{"left", 1.0f, "FMA52739", "FMA52893", "FMA53648", "FMA13323"},
                              {"right", -1.0f, "FMA52738", "FMA52892", "FMA53647", "FMA13322"}};

    // Cranium.
    const core::Mesh* skull = ref.unionOf(skullReferenceFmas());
    if (skull)
        add("vertex", extreme(*skull, kUp), "highest point of the skull bones");
    if (const auto* occ = ref.mesh("FMA52735")) {
        // The protuberance points backwards and a little down; the midline occipital's extreme in that
        // direction sits on it rather than on the higher opisthocranion.
        add("inion", extreme(*occ, glm::vec3(0, -0.5f, -1), nearMidline(0.005f)),
            "extreme of the occipital bone within 5 mm of the midline, towards posterior and 27 deg down");
    }
    const core::Mesh* nasalL = ref.mesh("FMA53648");
    const core::Mesh* nasalR = ref.mesh("FMA53647");
    if (nasalL && nasalR) {
        const auto a = extreme(*nasalL, kUp), b = extreme(*nasalR, kUp);
        if (a && b)
            add("nasion", (*a + *b) * 0.5f, "midpoint of the top ends of the two nasal bones");
    }
    if (const auto* frontal = ref.mesh("FMA52734"); frontal && nasalL && nasalR) {
        const float nasionY = std::max(extreme(*nasalL, kUp)->y, extreme(*nasalR, kUp)->y);
        add("glabella",
            extreme(*frontal, kAnterior,
                    [&](const glm::vec3& p) { return std::abs(p.x) <= 0.005f && p.y > nasionY; }),
            "most anterior point of the frontal bone within 5 mm of the midline, above the nasion");
    }
    if (const auto* mandible = ref.mesh("FMA52748")) {
        add("menton", extreme(*mandible, kDown, nearMidline(0.005f)),
            "lowest point of the mandible within 5 mm of the midline");
        const glm::vec3 mid = centroid(*mandible);
        for (const auto& s : sides) {
            const float sg = s.sign;
            add(std::string("gonion-") + s.suffix,
                extreme(*mandible, glm::vec3(0, -1, -1), [&](const glm::vec3& p) { return p.x * sg > 0.02f; }),
                "extreme of the mandible's half towards down-and-back (45 deg)");
            add(std::string("tmj-") + s.suffix,
                extreme(*mandible, kUp, [&](const glm::vec3& p) { return p.x * sg > 0.02f && p.z < mid.z; }),
                "top of the mandibular condyle (highest point of the mandible's posterior half)");
        }
    }
    if (const auto* hyoid = ref.mesh("FMA52749"))
        add("hyoid-body", extreme(*hyoid, kAnterior, nearMidline(0.005f)),
            "most anterior point of the hyoid within 5 mm of the midline");

    for (const auto& s : sides) {
        const float sg = s.sign;
        const std::string sfx = s.suffix;
        if (const auto* temporal = ref.mesh(s.temporal)) {
            // The styloid process reaches lower than the mastoid but lies medial and anterior: keep the
            // lateral, posterior part of the bone.
            const glm::vec3 c = centroid(*temporal);
            add("mastoid-tip-" + sfx,
                extreme(*temporal, kDown,
                        [&](const glm::vec3& p) { return p.z < c.z && std::abs(p.x) > std::abs(c.x) - 0.005f; }),
                "lowest point of the temporal bone's posterior-lateral part (excludes the styloid process)");
        }
        const core::Mesh* zyg = ref.mesh(s.zygomatic);
        const core::Mesh* temporal = ref.mesh(s.temporal);
        const core::Mesh* mandible = ref.mesh("FMA52748");
        if (zyg && temporal && mandible) {
            // The arch runs from the zygomatic bone's lateral bulge back to the temporal bone's articular
            // tubercle (just in front of the condyle). Mid arch: the most lateral point of the two bones
            // half-way along, at the bulge's height (+-10 mm).
            const glm::vec3 outward = s.sign > 0 ? kLeft : kRight;
            const auto bulge = extreme(*zyg, outward);
            const glm::vec3 midMandible = centroid(*mandible);
            const auto condyle =
                extreme(*mandible, kUp, [&](const glm::vec3& p) { return p.x * sg > 0.02f && p.z < midMandible.z; });
            if (bulge && condyle) {
                const float zMid = 0.5f * (bulge->z + condyle->z);
                const Filter slab = [&](const glm::vec3& p) {
                    return std::abs(p.z - zMid) < 0.003f && std::abs(p.y - bulge->y) < 0.01f && p.x * sg > 0.0f;
                };
                auto a = extreme(*zyg, outward, slab), b = extreme(*temporal, outward, slab);
                std::optional<glm::vec3> best = a;
                if (b && (!a || glm::dot(*b, outward) > glm::dot(*a, outward)))
                    best = b;
                add("zygomatic-arch-" + sfx, best,
                    "most lateral point of the zygomatic arch half-way between the zygomatic bone's lateral bulge and "
                    "the mandibular condyle");
            }
        }
        if (const auto* clav = ref.mesh(s.clavicle)) {
            add("sternoclavicular-" + sfx, extreme(*clav, s.sign > 0 ? kRight : kLeft, {}, 0.002f),
                "medial end of the clavicle");
            add("acromioclavicular-" + sfx, extreme(*clav, s.sign > 0 ? kLeft : kRight, {}, 0.002f),
                "lateral end of the clavicle");
        }
        if (const auto* c1 = ref.mesh("FMA12519"))
            add("c1-transverse-" + sfx, extreme(*c1, s.sign > 0 ? kLeft : kRight),
                "lateral tip of the atlas's transverse process");
        (void)sg;
    }
    // Orbits: the centre of the orbital opening is the point of greatest clearance from the skull bones in
    // a coronal plane 12 mm behind the nasion (inside the rim), searched over the orbit's window.
    const auto nasion = std::find_if(out.begin(), out.end(), [](const auto& l) { return l.id == "nasion"; });
    const core::Mesh* frontal = ref.mesh("FMA52734");
    if (skull && frontal && nasion != out.end()) {
        const core::ClosestPointTree tree(*skull);
        const glm::vec3 n = nasion->position;
        for (const auto& s : sides) {
            struct Candidate {
                glm::vec3 p;
                float clearance;
            };
            std::vector<Candidate> candidates;
            for (float x = 0.008f; x <= 0.055f; x += 0.001f)
                for (float y = n.y - 0.045f; y <= n.y + 0.01f; y += 0.001f) {
                    const glm::vec3 p(x * s.sign, y, n.z - 0.012f);
                    if (const auto hit = tree.closestWithin(p, 0.03f))
                        candidates.push_back({p, hit->distance});
                }
            std::sort(candidates.begin(), candidates.end(),
                      [](const Candidate& a, const Candidate& b) { return a.clearance > b.clearance; });
            // Enclosed by the rim: bone above, below, medial and lateral within 30 mm (and within 15 mm of
            // the plane's depth); open space beside the face fails this.
            auto enclosed = [&](const glm::vec3& p) {
                bool up = false, down = false, in = false, outside = false;
                for (const auto& v : skull->positions) {
                    if (std::abs(v.z - p.z) > 0.015f)
                        continue;
                    const glm::vec3 d = v - p;
                    if (std::abs(d.x) < 0.003f && d.y > 0 && d.y < 0.03f) up = true;
                    if (std::abs(d.x) < 0.003f && d.y < 0 && d.y > -0.03f) down = true;
                    if (std::abs(d.y) < 0.003f && d.x * s.sign < 0 && d.x * s.sign > -0.03f) in = true;
                    if (std::abs(d.y) < 0.003f && d.x * s.sign > 0 && d.x * s.sign < 0.03f) outside = true;
                }
                return up && down && in && outside;
            };
            std::optional<glm::vec3> best;
            for (std::size_t i = 0; i < candidates.size() && i < 200 && !best; ++i)
                if (enclosed(candidates[i].p))
                    best = candidates[i].p;
            if (!best)
                continue;
            const std::string sfx = s.suffix;
            add("orbit-centre-" + sfx, *best,
                "centre of the orbital opening: greatest clearance from the skull bones in the coronal plane 12 mm "
                "behind the nasion");
            add("supraorbital-" + sfx,
                extreme(*frontal, kAnterior,
                        [&](const glm::vec3& p) {
                            return std::abs(p.x - best->x) < 0.003f && p.y > best->y && p.y < best->y + 0.035f;
                        }),
                "most anterior point of the frontal bone straight above the orbit centre (+-3 mm), within 35 mm");
        }
    }
    if (const auto* c1 = ref.mesh("FMA12519"))
        add("c1-posterior-tubercle", extreme(*c1, kPosterior), "most posterior point of the atlas");
    const std::pair<const char*, const char*> spines[] = {{"c2-spinous", "FMA12520"}, {"c3-spinous", "FMA12521"},
                                                          {"c4-spinous", "FMA12522"}, {"c5-spinous", "FMA12523"},
                                                          {"c6-spinous", "FMA12524"}, {"c7-spinous", "FMA12525"},
                                                          {"t1-spinous", "FMA9165"},  {"t2-spinous", "FMA9187"},
                                                          {"t3-spinous", "FMA9209"},  {"t4-spinous", "FMA9248"}};
    for (const auto& [id, fma] : spines)
        if (const auto* v = ref.mesh(fma))
            add(id, extreme(*v, glm::vec3(0, -0.3f, -1), {}, 0.002f),
                "tip of the spinous process: extreme of the vertebra towards posterior and 17 deg down");
    if (const auto* man = ref.mesh("FMA7486"))
        add("sternal-notch", extreme(*man, kUp, nearMidline(0.003f)),
            "highest point of the manubrium within 3 mm of the midline (floor of the jugular notch)");
    return out;
}

} // namespace ta::io
