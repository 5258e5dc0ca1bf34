// Tendons and aponeuroses inside a muscle (`Mesh::tendon`, `_TENDON`): the share the specification's bands
// give a point of the sheet, and where the committed model has them: the trapezius's aponeurosis over C7,
// widest there and gone by T3, the sternal tendon of the SCM, fleshy bellies between.
#include "core/anatomy/muscle_spec.h"
#include "core/anatomy/muscle_tendon.h"
#include "io/gltf_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

namespace fs = std::filesystem;
using namespace ta;
using core::anatomy::MuscleTendon;
using core::anatomy::tendonShare;

namespace {

MuscleTendon band(MuscleTendon::End end, float length, float from = 0.0f, float to = 1.0f, float peak = -1.0f)
{
    MuscleTendon t;
    t.end = end;
    t.length = length;
    t.from = from;
    t.to = to;
    t.peak = peak;
    return t;
}

const core::AnatomyModel& committed()
{
    static const core::AnatomyModel m = io::loadModel(fs::path(TA_TEST_DIR) / ".." / "assets/models/neck-shoulder.glb");
    return m;
}

/// The tendon share at the vertex of `structure` nearest `p`.
float shareNear(const std::string& structure, glm::vec3 p)
{
    const core::Structure* s = committed().get(committed().find(structure));
    if (!s || s->mesh.tendon.size() != s->mesh.positions.size()) {
        ADD_FAILURE() << structure << " has no tendon attribute";
        return -1.0f;
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < s->mesh.positions.size(); ++i)
        if (glm::distance(s->mesh.positions[i], p) < glm::distance(s->mesh.positions[best], p))
            best = i;
    return s->mesh.tendon[best];
}

glm::vec3 landmark(const char* id)
{
    const core::Landmark* l = committed().landmark(id);
    if (!l)
        ADD_FAILURE() << "no landmark " << id;
    return l ? l->position : glm::vec3(0.0f);
}

} // namespace

TEST(MuscleTendon, FullAtItsEndFadingWithinAFewMillimetresOfItsReach)
{
    const std::vector<MuscleTendon> origin{band(MuscleTendon::End::Origin, 0.2f)};
    const float length = 0.10f; // a 10 cm muscle: the soft edge is 3 mm, 0.03 of it
    EXPECT_FLOAT_EQ(tendonShare(origin, 0.0f, 0.5f, length), 1.0f);
    EXPECT_FLOAT_EQ(tendonShare(origin, 0.15f, 0.5f, length), 1.0f);
    EXPECT_NEAR(tendonShare(origin, 0.2f, 0.5f, length), 0.5f, 0.01f) << "half way through the edge at the reach";
    EXPECT_FLOAT_EQ(tendonShare(origin, 0.25f, 0.5f, length), 0.0f);
    EXPECT_FLOAT_EQ(tendonShare(origin, 1.0f, 0.5f, length), 0.0f);
    float last = 1.0f;
    for (int k = 0; k <= 100; ++k) {
        const float a = 0.01f * static_cast<float>(k);
        const float s = tendonShare(origin, a, 0.3f, length);
        EXPECT_LE(s, last + 1e-6f) << "never rises away from its end, at " << a;
        last = s;
    }
    // The same band at the insertion is its mirror along the muscle.
    const std::vector<MuscleTendon> insertion{band(MuscleTendon::End::Insertion, 0.2f)};
    for (float a : {0.0f, 0.1f, 0.19f, 0.22f, 0.5f})
        EXPECT_FLOAT_EQ(tendonShare(insertion, 1.0f - a, 0.5f, length), tendonShare(origin, a, 0.5f, length)) << a;
    EXPECT_FLOAT_EQ(tendonShare({}, 0.0f, 0.5f, length), 0.0f) << "no bands: fleshy throughout";
}

TEST(MuscleTendon, APeakedBandTapersToNothingAtItsSidesAndAPartialOneStaysInItsSpan)
{
    // The trapezius's diamond: reaches furthest at the peak, less toward the sides, not at all outside.
    const std::vector<MuscleTendon> diamond{band(MuscleTendon::End::Origin, 0.2f, 0.25f, 1.0f, 1.0f)};
    const float length = 0.2f;
    EXPECT_FLOAT_EQ(tendonShare(diamond, 0.15f, 1.0f, length), 1.0f);
    EXPECT_FLOAT_EQ(tendonShare(diamond, 0.15f, 0.5f, length), 0.0f) << "two thirds of the way out it reaches 0.11";
    EXPECT_FLOAT_EQ(tendonShare(diamond, 0.03f, 0.5f, length), 1.0f);
    EXPECT_FLOAT_EQ(tendonShare(diamond, 0.0f, 0.1f, length), 0.0f) << "outside its span";
    // A flat band over part of the width: soft at its inner edge, full inside.
    const std::vector<MuscleTendon> part{band(MuscleTendon::End::Insertion, 0.1f, 0.0f, 0.4f)};
    EXPECT_FLOAT_EQ(tendonShare(part, 0.97f, 0.1f, length), 1.0f);
    EXPECT_FLOAT_EQ(tendonShare(part, 0.97f, 0.8f, length), 0.0f);
    // At its inner edge it reaches half as far: half tendon at half its length from the end, full inside.
    EXPECT_FLOAT_EQ(tendonShare(part, 0.95f, 0.2f, length), 1.0f);
    EXPECT_NEAR(tendonShare(part, 0.95f, 0.4f, length), 0.5f, 0.02f);
    // Overlapping bands: the larger share wins.
    const std::vector<MuscleTendon> both{band(MuscleTendon::End::Origin, 0.05f),
                                         band(MuscleTendon::End::Origin, 0.3f, 0.0f, 0.5f)};
    EXPECT_FLOAT_EQ(tendonShare(both, 0.2f, 0.2f, length), 1.0f);
    EXPECT_FLOAT_EQ(tendonShare(both, 0.2f, 0.9f, length), 0.0f);
}

TEST(MuscleTendon, CommittedModelHasTheTrapeziusAponeurosisTheSternalTendonAndFleshyBellies)
{
    // The aponeurosis over C7: tendon at the spinous process, in both the descending and transverse parts.
    for (const char* side : {"left", "right"}) {
        const std::string s(side);
        const glm::vec3 c7 = landmark("c7-spinous");
        EXPECT_GT(shareNear("trapezius-descending-" + s, c7), 0.8f) << s;
        EXPECT_GT(shareNear("trapezius-transverse-" + s, c7), 0.8f) << s;
        // The diamond narrows: at T3 the transverse part arises fleshy.
        EXPECT_LT(shareNear("trapezius-transverse-" + s, landmark("t3-spinous")), 0.2f) << s;
        // The middle of the upper trapezius (where TrP1 is) is muscle.
        const glm::vec3 acromion = landmark(("acromion-" + s).c_str());
        EXPECT_LT(shareNear("trapezius-descending-" + s, 0.5f * (c7 + acromion)), 0.1f) << s;
        // The SCM's sternal head arises by a tendon from the manubrium; its middle is fleshy.
        const glm::vec3 notch = landmark("sternal-notch");
        const glm::vec3 mastoid = landmark(("mastoid-tip-" + s).c_str());
        EXPECT_GT(shareNear("sternocleidomastoid-sternal-" + s, notch), 0.8f) << s;
        EXPECT_LT(shareNear("sternocleidomastoid-sternal-" + s, 0.5f * (notch + mastoid)), 0.1f) << s;
        // The temporalis ends in its tendon on the coronoid process.
        EXPECT_GT(shareNear("temporalis-" + s, landmark(("coronoid-process-" + s).c_str())), 0.8f) << s;
    }
    // Every value is a share; muscles the spec gives no tendon stay without the attribute.
    int withTendon = 0;
    for (const core::Structure& s : committed().structures) {
        if (s.kind != core::Kind::Muscle) {
            EXPECT_TRUE(s.mesh.tendon.empty()) << s.id;
            continue;
        }
        if (s.mesh.tendon.empty())
            continue;
        ++withTendon;
        ASSERT_EQ(s.mesh.tendon.size(), s.mesh.positions.size()) << s.id;
        for (float t : s.mesh.tendon) {
            ASSERT_GE(t, 0.0f) << s.id;
            ASSERT_LE(t, 1.0f) << s.id;
        }
    }
    EXPECT_GE(withTendon, 40) << "most muscles have a tendinous end";
    EXPECT_TRUE(committed().get(committed().find("orbicularis-oculi-left"))->mesh.tendon.empty());
}
