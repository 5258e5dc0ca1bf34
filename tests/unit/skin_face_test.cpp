// The face of the committed model's skin (assets/models/neck-shoulder.glb): ears at the right height with a
// concha, a nose that projects and has two nostrils, lips with a groove between them and a philtrum, and
// normals that agree over the face (no blotches). Measured on the mesh by casting rays at it; the figures
// are millimetres in the model frame (+x the subject's left, +y up, +z anterior).
#include "committed_model.h"
#include "mesh_ray.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

using namespace ta;

namespace {

const core::AnatomyModel& model() { return test::committedModel(); }

const core::Mesh& skin() { return test::committedMesh("skin"); }

glm::vec3 landmarkMm(const std::string& id)
{
    const auto* l = model().landmark(id);
    if (!l)
        ADD_FAILURE() << "missing landmark " << id;
    return l ? l->position * 1000.0f : glm::vec3(0.0f);
}

/// Distance (mm) along `dir` from `origin` (mm) to the first skin triangle it meets.
std::optional<float> firstHit(glm::vec3 origin, glm::vec3 dir) { return test::firstHitMm(skin(), origin, dir); }

/// The skin's x (mm) met by a ray coming from the subject's left at height y, depth z.
float lateralSurface(float y, float z)
{
    const auto d = firstHit({200.0f, y, z}, {-1.0f, 0.0f, 0.0f});
    return d ? 200.0f - *d : -1.0f;
}

/// The skin's z (mm) met by a ray coming from in front at (x, y).
float frontSurface(float x, float y)
{
    const auto d = firstHit({x, y, 400.0f}, {0.0f, 0.0f, -1.0f});
    return d ? 400.0f - *d : -1.0f;
}

/// The left ear: skin vertices beside the head whose normal faces the head (the back of the pinna, which
/// nothing else there does). Millimetres.
std::vector<glm::vec3> leftEarBack()
{
    std::vector<glm::vec3> out;
    const core::Mesh& m = skin();
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        const glm::vec3 p = m.positions[i] * 1000.0f;
        if (p.x > 72.0f && p.y > 1460.0f && p.y < 1600.0f && p.z > 40.0f && p.z < 130.0f && m.normals[i].x < -0.3f)
            out.push_back(p);
    }
    return out;
}

/// The lowest point (mm) of the nose: the skin in front of the upper lip and the cheeks, near the midline.
float noseBase()
{
    float lowest = 2000.0f;
    const float lip = frontSurface(0.0f, 1478.0f);
    for (const auto& q : skin().positions) {
        const glm::vec3 p = q * 1000.0f;
        if (std::abs(p.x) < 12.0f && p.y > 1480.0f && p.y < 1550.0f && p.z > lip + 4.0f)
            lowest = std::min(lowest, p.y);
    }
    return lowest;
}

} // namespace

TEST(SkinFace, EarReachesFromTheBrowLineToTheNoseBase)
{
    const auto ear = leftEarBack();
    ASSERT_GT(ear.size(), 30u) << "no pinna standing off the head";
    float top = -1e9f, bottom = 1e9f;
    for (const auto& p : ear) {
        top = std::max(top, p.y);
        bottom = std::min(bottom, p.y);
    }
    const float brow = landmarkMm("supraorbital-left").y, base = noseBase();
    std::printf("ear back %zu vertices, top %.1f bottom %.1f; brow %.1f nose base %.1f\n", ear.size(), top, bottom,
                brow, base);
    EXPECT_NEAR(top, brow, 10.0f) << "the top of the ear lies at the brow line";
    EXPECT_NEAR(bottom, base, 10.0f) << "the lobe ends near the height of the nose's base";
    EXPECT_GT(top - bottom, 52.0f) << "an adult ear is about 60 mm tall";
}

TEST(SkinFace, EarHasAConchaBehindTheTragusInsideItsRim)
{
    // Rays from the side at the height of the tragus: the concha behind the tragus lies well medial of the
    // rim (antihelix, helix) behind it and of the tragus in front of it.
    const glm::vec3 tragus = landmarkMm("tragus-left");
    float concha = 1e9f;
    for (int dz = -14; dz <= -6; ++dz)
        concha = std::min(concha, lateralSurface(tragus.y + 1.0f, tragus.z + static_cast<float>(dz)));
    float rim = -1e9f;
    for (int dz = -32; dz <= -20; ++dz)
        rim = std::max(rim, lateralSurface(tragus.y + 1.0f, tragus.z + static_cast<float>(dz)));
    const float front = lateralSurface(tragus.y + 1.0f, tragus.z + 1.0f);
    std::printf("concha %.1f rim %.1f tragus %.1f\n", concha, rim, front);
    EXPECT_GT(rim - concha, 4.0f) << "the concha is a hollow inside the rim";
    EXPECT_GT(front - concha, 0.0f) << "the tragus stands at least level with the concha's floor";
}

TEST(SkinFace, NoseProjectsAndHasTwoNostrils)
{
    float tip = -1e9f;
    for (int y = 1480; y <= 1545; ++y)
        tip = std::max(tip, frontSurface(0.0f, static_cast<float>(y)));
    const float cheek = std::max(frontSurface(30.0f, 1500.0f), frontSurface(-30.0f, 1500.0f));
    std::printf("nose tip %.1f cheek %.1f\n", tip, cheek);
    EXPECT_GT(tip - cheek, 18.0f) << "the nose projects beyond the face";

    // From just in front of the upper lip, below the nose, rays go up: beside the columella they enter the
    // nostrils and meet skin well above where the columella stops them.
    const float z = frontSurface(0.0f, 1484.0f) + 3.0f;
    const auto hitAt = [&](float x) {
        const auto d = firstHit({x, 1484.0f, z}, {0.0f, 1.0f, 0.0f});
        return d ? 1484.0f + *d : 1e9f;
    };
    const float columella = hitAt(0.0f), left = hitAt(6.0f), right = hitAt(-6.0f);
    std::printf("underside at z %.1f: columella %.1f nostrils %.1f %.1f\n", z, columella, left, right);
    EXPECT_GT(left - columella, 1.5f) << "left nostril";
    EXPECT_GT(right - columella, 1.5f) << "right nostril";
    EXPECT_LT(left, 1520.0f);
    EXPECT_LT(right, 1520.0f);
}

TEST(SkinFace, LipsProjectWithAGrooveBetweenThemAndAPhiltrumAbove)
{
    const glm::vec3 mouth = landmarkMm("mouth-angle-left");
    float upper = -1e9f, lower = -1e9f, groove = 1e9f;
    for (int step = -24; step <= 20; ++step) {
        const float y = mouth.y + 0.5f * static_cast<float>(step);
        const float z = frontSurface(0.0f, y);
        if (y > mouth.y + 1.5f)
            upper = std::max(upper, z);
        else if (y < mouth.y - 1.5f)
            lower = std::max(lower, z);
        else
            groove = std::min(groove, z);
    }
    const float chin = frontSurface(0.0f, landmarkMm("menton").y + 12.0f);
    std::printf("upper lip %.1f lower lip %.1f groove %.1f chin %.1f\n", upper, lower, groove, chin);
    EXPECT_GT(upper - groove, 1.0f);
    EXPECT_GT(lower - groove, 1.0f);
    EXPECT_GT(upper - mouth.z, 2.0f) << "the lips project beyond the mouth's angles";
    EXPECT_GT(lower - chin, 0.0f) << "the lower lip lies in front of the chin";
    // The philtrum: a groove in the upper lip between two ridges.
    const float y = mouth.y + 9.0f;
    const float mid = frontSurface(0.0f, y), ridge = std::min(frontSurface(4.5f, y), frontSurface(-4.5f, y));
    std::printf("philtrum %.1f ridges %.1f\n", mid, ridge);
    EXPECT_GT(ridge - mid, 0.3f);
}

TEST(SkinFace, NormalsAgreeWithTheirNeighboursOverTheFace)
{
    // A vertex whose normal strays from the mean of its neighbours' shades as a blotch.
    const core::Mesh& m = skin();
    std::vector<glm::vec3> mean(m.positions.size(), glm::vec3(0.0f));
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k)
            for (int j = 1; j < 3; ++j)
                mean[m.indices[t + k]] += m.normals[m.indices[t + (k + j) % 3]];
    std::size_t face = 0, stray = 0;
    float worst = 0.0f;
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        const glm::vec3 p = m.positions[i] * 1000.0f;
        if (std::abs(p.x) > 75.0f || p.y < 1440.0f || p.y > 1580.0f || p.z < 120.0f)
            continue;
        ++face;
        const float len = glm::length(mean[i]);
        if (len <= 0.0f)
            continue;
        const float angle = glm::degrees(std::acos(std::clamp(glm::dot(m.normals[i], mean[i] / len), -1.0f, 1.0f)));
        worst = std::max(worst, angle);
        if (angle > 25.0f)
            ++stray;
    }
    std::printf("face vertices %zu, straying > 25 deg %zu, worst %.1f deg\n", face, stray, worst);
    ASSERT_GT(face, 1000u);
    EXPECT_LT(stray, face / 500) << "normals that stray from their neighbours' shade as blotches";
}
