// The proportions of the committed model's head (assets/models/neck-shoulder.glb): how thick the soft tissue
// is between the skin and the skull. A scalp or forehead twice as thick as an adult's makes the cranium too
// big for the face, and the head reads as a baby's or a mannequin's. Measured by casting rays at the meshes
// from outside; millimetres in the model frame (+x the subject's left, +y up, +z anterior).
#include "core/anatomy_model.h"
#include "io/gltf_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>

namespace fs = std::filesystem;
using namespace ta;

namespace {

const fs::path kModel = fs::path(TA_TEST_DIR) / ".." / "assets/models/neck-shoulder.glb";

const core::AnatomyModel& model()
{
    static const core::AnatomyModel m = io::loadModel(kModel);
    return m;
}

const core::Mesh& mesh(const std::string& id)
{
    const auto* s = model().get(model().find(id));
    if (!s) {
        ADD_FAILURE() << "no " << id;
        static const core::Mesh none;
        return none;
    }
    return s->mesh;
}

/// Distance (mm) along `dir` from `origin` (mm) to the first triangle of `m` it meets (Moeller-Trumbore).
std::optional<float> firstHit(const core::Mesh& m, glm::vec3 origin, glm::vec3 dir)
{
    float best = std::numeric_limits<float>::max();
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]] * 1000.0f, b = m.positions[m.indices[t + 1]] * 1000.0f,
                        c = m.positions[m.indices[t + 2]] * 1000.0f;
        const glm::vec3 e1 = b - a, e2 = c - a, p = glm::cross(dir, e2);
        const float det = glm::dot(e1, p);
        if (std::abs(det) < 1e-9f)
            continue;
        const glm::vec3 s = origin - a;
        const float u = glm::dot(s, p) / det;
        if (u < 0.0f || u > 1.0f)
            continue;
        const glm::vec3 q = glm::cross(s, e1);
        const float v = glm::dot(dir, q) / det;
        if (v < 0.0f || u + v > 1.0f)
            continue;
        const float d = glm::dot(e2, q) / det;
        if (d > 0.0f && d < best)
            best = d;
    }
    if (best == std::numeric_limits<float>::max())
        return std::nullopt;
    return best;
}

/// The soft tissue (mm) over the skull met by a ray coming in from outside towards `centre` along `dir`
/// (pointing outward): the skull's outer surface less the skin's, both from the same far point.
float tissueOver(glm::vec3 centre, glm::vec3 dir)
{
    dir = glm::normalize(dir);
    const glm::vec3 from = centre + 400.0f * dir;
    const auto skin = firstHit(mesh("skin"), from, -dir);
    const auto bone = firstHit(mesh("skull"), from, -dir);
    if (!skin || !bone) {
        ADD_FAILURE() << "a ray from the head's centre misses the skin or the skull";
        return -1.0f;
    }
    return *bone - *skin;
}

} // namespace

// An adult's scalp (skin, subcutaneous tissue, galea and loose areolar tissue) is about 5-7 mm thick over the
// vault. The directions miss the ears and the temporalis, which lies between the skull and the skin at the
// side of the head.
TEST(SkinProportions, TheScalpIsAnAdultsThicknessOverTheVault)
{
    const glm::vec3 centre(0.0f, 1552.0f, 80.0f);
    struct Way {
        const char* name;
        float azimuth, elevation; // degrees: azimuth 0 = anterior, 90 = the subject's left
    };
    for (const Way& w : {Way{"forehead", 0, 30}, Way{"front of the vault", 0, 50}, Way{"vertex", 0, 90},
                         Way{"back of the vault", 180, 45}, Way{"occiput", 180, 15}, Way{"left parietal", 60, 45},
                         Way{"right parietal", -60, 45}}) {
        const float a = glm::radians(w.azimuth), e = glm::radians(w.elevation);
        const glm::vec3 dir(std::sin(a) * std::cos(e), std::sin(e), std::cos(a) * std::cos(e));
        const float scalp = tissueOver(centre, dir);
        EXPECT_GT(scalp, 3.0f) << w.name;
        EXPECT_LT(scalp, 10.0f) << w.name << ": a scalp this thick makes the cranium too big for the face";
    }
}

// Soft tissue at the glabella is about 5-6 mm in adults (forensic facial-reconstruction tables); the brows
// and the nose's root are shaped on top of it, not on a forehead pushed forward.
TEST(SkinProportions, TheForeheadLiesAFewMillimetresOverTheBone)
{
    for (float y : {1575.0f, 1590.0f}) {
        const float t = tissueOver({0.0f, y, 80.0f}, {0.0f, 0.0f, 1.0f});
        EXPECT_GT(t, 2.5f) << "at y " << y;
        EXPECT_LT(t, 10.0f) << "at y " << y;
    }
}
