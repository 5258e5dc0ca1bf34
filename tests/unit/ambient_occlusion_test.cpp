// Baked ambient occlusion: open surfaces stay light, corners and hollows darken, outer layers never darken
// what they cover, the result is deterministic, survives the glb, and on the committed model the orbit is
// darker than the forehead.
#include "core/geometry/ambient_occlusion.h"
#include "io/gltf_reader.h"
#include "io/gltf_writer.h"
#include "uv_sphere.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <numeric>
#include <random>
#include <string>

namespace fs = std::filesystem;
using namespace ta;

namespace {

/// A flat square grid in the y = 0 plane facing +y, `half` metres from the centre to each edge.
core::Mesh floorGrid(float half, int cells)
{
    core::Mesh m;
    for (int j = 0; j <= cells; ++j)
        for (int i = 0; i <= cells; ++i) {
            m.positions.emplace_back(-half + 2.0f * half * static_cast<float>(i) / static_cast<float>(cells), 0.0f,
                                     -half + 2.0f * half * static_cast<float>(j) / static_cast<float>(cells));
            m.normals.emplace_back(0.0f, 1.0f, 0.0f);
        }
    const auto at = [&](int i, int j) { return static_cast<std::uint32_t>(j * (cells + 1) + i); };
    for (int j = 0; j < cells; ++j)
        for (int i = 0; i < cells; ++i)
            m.indices.insert(m.indices.end(),
                             {at(i, j), at(i, j + 1), at(i + 1, j), at(i + 1, j), at(i, j + 1), at(i + 1, j + 1)});
    return m;
}

core::Structure structure(std::string id, core::Layer layer, core::Mesh mesh)
{
    core::Structure s;
    s.id = std::move(id);
    s.layer = layer;
    s.kind = layer == core::Layer::Skin ? core::Kind::Skin : core::Kind::Muscle;
    s.mesh = std::move(mesh);
    return s;
}

/// A floor with a ball resting on it near (0, 0, 0).
core::AnatomyModel floorAndBall(core::Layer ballLayer, core::Layer floorLayer = core::Layer::Superficial)
{
    core::AnatomyModel m;
    m.structures.push_back(structure("floor", floorLayer, floorGrid(0.05f, 40)));
    m.structures.push_back(
        structure("ball", ballLayer, ta::testing::uvSphere({0.0f, 0.0102f, 0.0f}, glm::vec3(0.01f))));
    return m;
}

/// Occlusion of the floor vertex nearest to (x, 0, z).
float floorAt(const core::AnatomyModel& m, float x, float z)
{
    const core::Mesh& floor = m.structures[0].mesh;
    std::size_t best = 0;
    for (std::size_t i = 1; i < floor.positions.size(); ++i)
        if (glm::length(floor.positions[i] - glm::vec3(x, 0, z)) <
            glm::length(floor.positions[best] - glm::vec3(x, 0, z)))
            best = i;
    return floor.occlusion[best];
}

} // namespace

TEST(AmbientOcclusion, OpenSurfacesStayOpenAndABallDarkensTheFloorBesideIt)
{
    core::AnatomyModel m = floorAndBall(core::Layer::Superficial);
    core::bakeAmbientOcclusion(m);
    for (const auto& s : m.structures) {
        ASSERT_EQ(s.mesh.occlusion.size(), s.mesh.positions.size()) << s.id;
        for (float o : s.mesh.occlusion) {
            EXPECT_GE(o, 0.0f);
            EXPECT_LE(o, 1.0f);
        }
    }
    EXPECT_GT(floorAt(m, 0.045f, 0.045f), 0.99f) << "far from the ball the floor sees the whole sky";
    EXPECT_LT(floorAt(m, 0.011f, 0.0f), 0.75f) << "beside the ball, in the crease between ball and floor";
    EXPECT_LT(floorAt(m, 0.011f, 0.0f), floorAt(m, 0.025f, 0.0f));
    EXPECT_LT(floorAt(m, 0.025f, 0.0f), floorAt(m, 0.045f, 0.0f));
    // The ball's top is open, its underside faces the floor.
    const core::Mesh& ball = m.structures[1].mesh;
    float top = 0.0f, bottom = 1.0f;
    for (std::size_t i = 0; i < ball.positions.size(); ++i) {
        if (ball.positions[i].y > 0.0200f)
            top = std::max(top, ball.occlusion[i]);
        if (ball.positions[i].y < 0.0010f)
            bottom = std::min(bottom, ball.occlusion[i]);
    }
    EXPECT_GT(top, 0.95f);
    EXPECT_LT(bottom, 0.5f);
}

TEST(AmbientOcclusion, AnOuterLayerDoesNotDarkenWhatItCovers)
{
    // The ball is superficial, the floor deep: with the ball peeled away the floor is drawn alone, so the
    // ball must not darken it; the floor, drawn with the ball, still darkens the ball.
    core::AnatomyModel m = floorAndBall(core::Layer::Superficial, core::Layer::Deep);
    core::bakeAmbientOcclusion(m);
    EXPECT_GT(floorAt(m, 0.011f, 0.0f), 0.99f);
    const core::Mesh& ball = m.structures[1].mesh;
    EXPECT_LT(*std::min_element(ball.occlusion.begin(), ball.occlusion.end()), 0.5f);
    // The skin is darkened by the skin alone: everything else lies beneath it.
    core::AnatomyModel skin = floorAndBall(core::Layer::Skin);
    core::bakeAmbientOcclusion(skin);
    EXPECT_GT(floorAt(skin, 0.011f, 0.0f), 0.99f);
    const core::Mesh& skinBall = skin.structures[1].mesh;
    EXPECT_GT(*std::min_element(skinBall.occlusion.begin(), skinBall.occlusion.end()), 0.99f);
}

TEST(AmbientOcclusion, TheSameWhateverTheThreadCount)
{
    core::AnatomyModel a = floorAndBall(core::Layer::Superficial);
    core::AnatomyModel b = a;
    core::AmbientOcclusionOptions one;
    one.threads = 1;
    core::AmbientOcclusionOptions three;
    three.threads = 3;
    core::bakeAmbientOcclusion(a, one);
    core::bakeAmbientOcclusion(b, three);
    for (std::size_t s = 0; s < a.structures.size(); ++s)
        EXPECT_EQ(a.structures[s].mesh.occlusion, b.structures[s].mesh.occlusion) << a.structures[s].id;
}

TEST(AmbientOcclusion, OnlyTheChosenStructuresAreBakedTheOthersKeepTheirs)
{
    core::AnatomyModel full = floorAndBall(core::Layer::Superficial);
    core::bakeAmbientOcclusion(full);
    core::AnatomyModel some = floorAndBall(core::Layer::Superficial);
    const std::vector<float> kept(some.structures[0].mesh.positions.size(), 0.25f);
    some.structures[0].mesh.occlusion = kept;
    core::AmbientOcclusionOptions options;
    options.bake = [](const core::Structure& s) { return s.id != "floor"; };
    ASSERT_EQ(some.structures[0].id, "floor");
    core::bakeAmbientOcclusion(some, options);
    EXPECT_EQ(some.structures[0].mesh.occlusion, kept) << "the floor was not chosen: its values stay";
    // The ball is baked as in a full bake, the floor still occluding it.
    EXPECT_EQ(some.structures[1].mesh.occlusion, full.structures[1].mesh.occlusion);
}

TEST(AmbientOcclusion, SurvivesTheGlbAndAnAlienAttributeOfTheNameIsIgnored)
{
    core::AnatomyModel m = floorAndBall(core::Layer::Superficial);
    core::bakeAmbientOcclusion(m);
    std::random_device rd;
    const fs::path file = fs::temp_directory_path() / ("ta-ao-" + std::to_string(rd()) + ".glb");
    io::saveModel(m, file);
    const core::AnatomyModel back = io::loadModel(file);
    fs::remove(file);
    ASSERT_EQ(back.structures.size(), m.structures.size());
    for (std::size_t s = 0; s < m.structures.size(); ++s)
        EXPECT_EQ(back.structures[s].mesh.occlusion, m.structures[s].mesh.occlusion) << m.structures[s].id;
    // Without occlusion nothing is written and nothing comes back.
    core::AnatomyModel plain = floorAndBall(core::Layer::Superficial);
    io::saveModel(plain, file);
    EXPECT_TRUE(io::loadModel(file).structures[0].mesh.occlusion.empty());
    fs::remove(file);
}

TEST(AmbientOcclusion, CommittedModelIsDarkerInTheOrbitThanOnTheForehead)
{
    const core::AnatomyModel model = io::loadModel(fs::path(TA_TEST_DIR) / ".." / "assets/models/neck-shoulder.glb");
    for (const auto& s : model.structures)
        EXPECT_EQ(s.mesh.occlusion.size(), s.mesh.positions.size()) << s.id << " has no baked occlusion";
    const auto id = model.find("skin");
    ASSERT_TRUE(id);
    const core::Mesh& skin = model.get(*id)->mesh;
    ASSERT_EQ(skin.occlusion.size(), skin.positions.size());
    // The skin's front surface within `radius` (x and y) of a landmark seen from the front.
    const auto frontMean = [&](const std::string& landmark, float radius) {
        const auto* l = model.landmark(landmark);
        EXPECT_NE(l, nullptr) << landmark;
        if (!l)
            return 1.0f;
        float frontZ = -1.0f;
        for (const glm::vec3& p : skin.positions)
            if (std::abs(p.x - l->position.x) < radius && std::abs(p.y - l->position.y) < radius)
                frontZ = std::max(frontZ, p.z);
        double sum = 0.0;
        int count = 0;
        for (std::size_t i = 0; i < skin.positions.size(); ++i) {
            const glm::vec3 p = skin.positions[i];
            if (std::abs(p.x - l->position.x) < radius && std::abs(p.y - l->position.y) < radius &&
                p.z > frontZ - 0.006f && p.z > l->position.z) {
                sum += skin.occlusion[i];
                ++count;
            }
        }
        EXPECT_GT(count, 3) << "no skin in front of " << landmark;
        return count > 0 ? static_cast<float>(sum / count) : 1.0f;
    };
    for (const char* side : {"left", "right"}) {
        const float orbit = frontMean(std::string("orbit-centre-") + side, 0.006f);
        // The forehead is smooth, so the simplifier leaves it coarse (edges up to 8 mm): a patch 24 mm across
        // holds enough of its vertices to average.
        const float forehead = frontMean(std::string("frontal-eminence-") + side, 0.012f);
        EXPECT_GT(forehead, 0.95f) << side << ": the forehead is open";
        EXPECT_LT(orbit, forehead - 0.04f) << side << ": orbit " << orbit << ", forehead " << forehead;
    }
}
