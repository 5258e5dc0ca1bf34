// The proportions of the committed model's head (assets/models/neck-shoulder.glb): how thick the soft tissue
// is between the skin and the skull. A scalp or forehead twice as thick as an adult's makes the cranium too
// big for the face, and the head reads as a baby's or a mannequin's. Measured by casting rays at the meshes
// from outside; millimetres in the model frame (+x the subject's left, +y up, +z anterior).
#include "committed_model.h"
#include "mesh_ray.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace ta;

namespace {

const core::Mesh& mesh(const std::string& id) { return test::committedMesh(id); }

/// The soft tissue (mm) over the skull met by a ray coming in from outside towards `centre` along `dir`
/// (pointing outward): the skull's outer surface less the skin's, both from the same far point.
float tissueOver(glm::vec3 centre, glm::vec3 dir)
{
    dir = glm::normalize(dir);
    const glm::vec3 from = centre + 400.0f * dir;
    const auto skin = test::firstHitMm(mesh("skin"), from, -dir);
    const auto bone = test::firstHitMm(mesh("skull"), from, -dir);
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
