// The committed model, assets/models/neck-shoulder.glb: what the generator makes, valid glTF, closed
// outward meshes, skin over the bones, and landmarks where anatomy puts them.
#include "core/anatomy_model.h"
#include "core/picking/bvh.h"
#include "io/gltf_reader.h"
#include "io/model_baker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace ta;

namespace {

const fs::path kRoot = fs::path(TA_TEST_DIR) / "..";
const fs::path kModel = kRoot / "assets/models/neck-shoulder.glb";

const core::AnatomyModel& model()
{
    static const core::AnatomyModel m = io::loadModel(kModel);
    return m;
}

glm::vec3 lm(const std::string& id)
{
    const auto* l = model().landmark(id);
    if (!l)
        ADD_FAILURE() << "missing landmark " << id;
    return l ? l->position : glm::vec3(0.0f);
}

std::string readBytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

float pointTriangleDistance(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c)
{
    // Closest point on triangle (Ericson, Real-Time Collision Detection 5.1.5).
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return glm::length(p - a);
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return glm::length(p - b);
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return glm::length(p - c);
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
        return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
    const float den = 1.0f / (va + vb + vc);
    return glm::length(p - (a + ab * (vb * den) + ac * (vc * den)));
}

float distanceToMesh(glm::vec3 p, const core::Mesh& m)
{
    float best = 1e9f;
    for (std::size_t t = 0; t < m.indices.size(); t += 3)
        best = std::min(best, pointTriangleDistance(p, m.positions[m.indices[t]], m.positions[m.indices[t + 1]],
                                                    m.positions[m.indices[t + 2]]));
    return best;
}

/// Parity of crossings of a ray from p along +x (slightly tilted to avoid edges).
bool insideMesh(glm::vec3 p, const core::Mesh& m)
{
    const glm::vec3 dir = glm::normalize(glm::vec3(1.0f, 0.0012345f, 0.0023456f));
    int crossings = 0;
    for (std::size_t t = 0; t < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        const glm::vec3 e1 = b - a, e2 = c - a, h = glm::cross(dir, e2);
        const float det = glm::dot(e1, h);
        if (std::abs(det) < 1e-12f) continue;
        const float f = 1.0f / det;
        const glm::vec3 s = p - a;
        const float u = f * glm::dot(s, h);
        if (u < 0 || u > 1) continue;
        const glm::vec3 q = glm::cross(s, e1);
        const float v = f * glm::dot(dir, q);
        if (v < 0 || u + v > 1) continue;
        if (f * glm::dot(e2, q) > 0) ++crossings;
    }
    return crossings % 2 == 1;
}

} // namespace

TEST(ModelCommitted, IsWhatTheGeneratorMakes)
{
    ASSERT_TRUE(fs::exists(kModel)) << kModel;
    const fs::path fresh = fs::temp_directory_path() / "ta-model-fresh-bake.glb";
    const std::string cmd = std::string(TA_APP_EXE) + " bake --quiet --out " + fresh.string() + " > /dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    const std::string a = readBytes(kModel), b = readBytes(fresh);
    fs::remove(fresh);
    EXPECT_EQ(a.size(), b.size());
    EXPECT_TRUE(a == b) << "assets/models/neck-shoulder.glb differs from a fresh `trigger-atlas bake`; re-bake and commit";
}

TEST(ModelCommitted, KhronosValidatorReportsNoErrors)
{
    const fs::path script = kRoot / "tools/validate-gltf.mjs";
    const std::string cmd = "node " + script.string() + " " + kModel.string() + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buf[512];
    while (fgets(buf, sizeof buf, pipe))
        out += buf;
    const int status = pclose(pipe);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    ASSERT_NE(code, 2) << "the glTF validator is not available (run tools/test or `npm install --prefix build/npm "
                          "gltf-validator@2.0.0-dev.3.10`): "
                       << out;
    EXPECT_EQ(code, 0) << out;
    EXPECT_NE(out.find(": 0 errors"), std::string::npos) << out;
}

TEST(ModelCommitted, WithinSizeAndTriangleBudget)
{
    EXPECT_LE(fs::file_size(kModel), 25u * 1000u * 1000u);
    EXPECT_LE(model().triangleCount(), 1'200'000u);
    EXPECT_GT(model().structures.size(), 40u);
}

TEST(ModelCommitted, EveryMeshIsClosedAndOutwardWound)
{
    for (const auto& s : model().structures) {
        EXPECT_TRUE(io::isClosedManifold(s.mesh)) << s.id;
        EXPECT_GT(s.mesh.signedVolume(), 0.0) << s.id;
        EXPECT_EQ(s.mesh.normals.size(), s.mesh.positions.size()) << s.id;
    }
}

TEST(ModelCommitted, NodesCarryIdentity)
{
    const auto* skull = model().get(model().find("skull"));
    ASSERT_NE(skull, nullptr);
    EXPECT_EQ(skull->fma, "FMA46565");
    EXPECT_EQ(skull->layer, core::Layer::Bone);
    const auto* skin = model().get(model().find("skin"));
    ASSERT_NE(skin, nullptr);
    EXPECT_EQ(skin->kind, core::Kind::Skin);
    const auto* clav = model().get(model().find("clavicle-left"));
    ASSERT_NE(clav, nullptr);
    EXPECT_EQ(clav->side, core::Side::Left);
    EXPECT_GT(clav->mesh.bounds().centre().x, 0.05f);
}

// A triangle folded over its neighbours faces into the body and shades as a dark sliver on the skin.
TEST(ModelCommitted, NoSkinTriangleFacesAgainstItsNormals)
{
    const auto* skin = model().get(model().find("skin"));
    ASSERT_NE(skin, nullptr);
    const auto& m = skin->mesh;
    ASSERT_EQ(m.normals.size(), m.positions.size());
    std::size_t folded = 0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        if (io::facesAgainstItsNormals(m, &m.indices[t])) {
            ++folded;
            ADD_FAILURE() << "skin triangle " << t / 3 << " at (" << (a.x + b.x + c.x) / 3 << ", " << (a.y + b.y + c.y) / 3
                          << ", " << (a.z + b.z + c.z) / 3 << ") faces against its corners' normals";
            if (folded >= 5)
                break;
        }
    }
    EXPECT_EQ(folded, 0u);
}

TEST(ModelCommitted, SkinCoversEveryBone)
{
    const auto* skin = model().get(model().find("skin"));
    ASSERT_NE(skin, nullptr);
    for (const auto& s : model().structures) {
        if (s.layer == core::Layer::Skin)
            continue;
        // A spread of vertices of each structure: inside the skin and at least 2 mm from it.
        const std::size_t step = std::max<std::size_t>(1, s.mesh.positions.size() / 40);
        for (std::size_t i = 0; i < s.mesh.positions.size(); i += step) {
            const glm::vec3 p = s.mesh.positions[i];
            EXPECT_TRUE(insideMesh(p, skin->mesh)) << s.id << " vertex " << i << " lies outside the skin";
            EXPECT_GT(distanceToMesh(p, skin->mesh), 0.002f) << s.id << " vertex " << i << " is too close to the skin";
        }
    }
}

TEST(ModelCommitted, LandmarksSitWhereAnatomySays)
{
    // Mastoid tip below and behind the tragus.
    for (const char* side : {"left", "right"}) {
        const std::string s = side;
        EXPECT_LT(lm("mastoid-tip-" + s).y, lm("tragus-" + s).y) << s;
        EXPECT_LT(lm("mastoid-tip-" + s).z, lm("tragus-" + s).z) << s;
        // Acromion lateral to the acromioclavicular joint, which is lateral to the sternoclavicular joint.
        EXPECT_GT(std::abs(lm("acromion-" + s).x), std::abs(lm("acromioclavicular-" + s).x)) << s;
        EXPECT_GT(std::abs(lm("acromioclavicular-" + s).x), std::abs(lm("sternoclavicular-" + s).x)) << s;
        // Superior angle above the spine root above the inferior angle.
        EXPECT_GT(lm("scapula-superior-angle-" + s).y, lm("scapular-spine-root-" + s).y) << s;
        EXPECT_GT(lm("scapular-spine-root-" + s).y, lm("scapula-inferior-angle-" + s).y) << s;
        // Gonion below the TMJ; the fingertips below the wrist.
        EXPECT_LT(lm("gonion-" + s).y, lm("tmj-" + s).y) << s;
        EXPECT_LT(lm("index-tip-" + s).y, lm("wrist-radial-" + s).y) << s;
    }
    // C7 spinous process: the most posterior (smallest z) of the cervical spinous processes.
    for (const char* id : {"c2-spinous", "c3-spinous", "c4-spinous", "c5-spinous", "c6-spinous"})
        EXPECT_LT(lm("c7-spinous").z, lm(id).z) << id;
    // Spinous processes descend in order.
    const char* chain[] = {"c2-spinous", "c3-spinous", "c4-spinous", "c5-spinous", "c6-spinous", "c7-spinous",
                           "t1-spinous", "t2-spinous", "t3-spinous", "t4-spinous", "t5-spinous", "t6-spinous"};
    for (std::size_t i = 0; i + 1 < std::size(chain); ++i)
        EXPECT_GT(lm(chain[i]).y, lm(chain[i + 1]).y) << chain[i];
    // Inion behind and below the vertex; nasion in front.
    EXPECT_LT(lm("inion").z, lm("vertex").z);
    EXPECT_LT(lm("inion").y, lm("vertex").y);
    EXPECT_GT(lm("nasion").z, lm("tragus-left").z);
    // Left landmarks at +X, mirrored on the right.
    for (const auto& l : model().landmarks) {
        const auto n = l.id.size();
        if (l.id.ends_with("-left")) {
            EXPECT_GT(l.position.x, 0.0f) << l.id;
            const glm::vec3 r = lm(l.id.substr(0, n - 5) + "-right");
            EXPECT_NEAR(r.x, -l.position.x, 1e-5f) << l.id;
            EXPECT_NEAR(r.y, l.position.y, 1e-5f) << l.id;
        } else if (l.id.ends_with("-right")) {
            EXPECT_LT(l.position.x, 0.0f) << l.id;
        }
    }
}

TEST(ModelCommitted, BonyLandmarksLieOnTheirBone)
{
    const std::map<std::string, std::string> onBone = {
        {"vertex", "skull"}, {"inion", "skull"}, {"nasion", "skull"}, {"mastoid-tip-left", "skull"},
        {"zygomatic-arch-right", "skull"}, {"menton", "mandible"}, {"gonion-left", "mandible"},
        {"hyoid-body", "hyoid"}, {"c1-transverse-left", "c1"}, {"c1-posterior-tubercle", "c1"},
        {"c2-spinous", "c2"}, {"c7-spinous", "c7"}, {"t1-spinous", "t1"}, {"t6-spinous", "t6"},
        {"acromion-left", "scapula-left"}, {"coracoid-right", "scapula-right"},
        {"scapula-inferior-angle-left", "scapula-left"}, {"scapula-superior-angle-right", "scapula-right"},
        {"scapular-spine-root-left", "scapula-left"}, {"greater-tubercle-left", "humerus-left"},
        {"lateral-epicondyle-right", "humerus-right"}, {"sternal-notch", "manubrium"}};
    for (const auto& [landmark, bone] : onBone) {
        const auto* s = model().get(model().find(bone));
        ASSERT_NE(s, nullptr) << bone;
        EXPECT_LT(distanceToMesh(lm(landmark), s->mesh), 0.004f) << landmark << " is not on " << bone;
    }
}

TEST(ModelCommitted, TheRamusHasANotchBetweenCondyleAndCoronoid)
{
    // The top of the ramus seen from the side: the condyle behind, the coronoid process in front, the
    // mandibular notch between them (BodyParts3D: 19 mm below the condyle's top, 8 mm below the coronoid's).
    const auto* mandible = model().get(model().find("mandible"));
    ASSERT_NE(mandible, nullptr);
    for (const char* side : {"left", "right"}) {
        const std::string s = side;
        const glm::vec3 condyle = lm("tmj-" + s), coronoid = lm("coronoid-process-" + s);
        EXPECT_GT(coronoid.z - condyle.z, 0.025f) << "the coronoid lies well in front of the condyle, " << s;
        EXPECT_LT(distanceToMesh(coronoid, mandible->mesh), 0.004f) << "the coronoid landmark is off the bone, " << s;
        // Highest point of the ramus in 2 mm slices along z, on this side only.
        auto topAt = [&](float z) {
            float top = -1.0f;
            for (const auto& p : mandible->mesh.positions)
                if ((p.x > 0.0f) == (s == "left") && std::abs(p.x) > 0.02f && std::abs(p.z - z) < 0.001f)
                    top = std::max(top, p.y);
            return top;
        };
        const float condyleTop = topAt(condyle.z), coronoidTop = topAt(coronoid.z);
        float notch = 1e9f;
        for (float z = condyle.z + 0.008f; z < coronoid.z - 0.006f; z += 0.002f)
            notch = std::min(notch, topAt(z));
        EXPECT_GT(condyleTop - notch, 0.010f) << s << ": notch " << notch << ", condyle " << condyleTop;
        EXPECT_GT(coronoidTop - notch, 0.005f) << s << ": notch " << notch << ", coronoid " << coronoidTop;
    }
}

namespace {

// How many notches a silhouette line has: rises of at least `depth` between two falls of at least `depth`
// (hysteresis, so the mesh's fine grain is not counted).
int notches(const std::vector<float>& line, float depth)
{
    int count = 0;
    bool seekingPeak = false; // a notch is a peak of the line
    float lo = line.front(), hi = line.front();
    for (float v : line) {
        if (seekingPeak) {
            hi = std::max(hi, v);
            if (v < hi - depth) {
                ++count;
                seekingPeak = false;
                lo = v;
            }
        } else {
            lo = std::min(lo, v);
            if (v > lo + depth) {
                seekingPeak = true;
                hi = v;
            }
        }
    }
    return count;
}

} // namespace

TEST(ModelCommitted, TheJawsCloseOnRowsOfTeeth)
{
    // Seen from the front, the upper jaw ends below in the incisal edges of separate crowns, with a notch
    // between neighbours, where a bare alveolar ridge ends in one smooth line; the same for the lower jaw
    // from above. And the upper incisors close in front of the lower ones and over their edges.
    const core::Bvh bvh(model());
    const auto skull = model().find("skull"), mandible = model().find("mandible");
    ASSERT_TRUE(skull && mandible);
    auto only = [&](core::StructureId id) {
        return core::PickFilter::from(model(), [id](core::StructureId s) { return s == id; });
    };
    const core::PickFilter upper = only(*skull), lower = only(*mandible);
    auto hitsFromTheFront = [&](const core::PickFilter& f, float x, float y) {
        return bvh.raycast({{x, y, 0.4f}, {0.0f, 0.0f, -1.0f}}, f, 0.3f);
    };
    // The silhouette's edge at each x: the lowest height a ray from the front still meets the skull at,
    // the highest it meets the mandible at (0.1 mm steps between 1.455 and 1.480 m).
    std::vector<float> upperEdge, lowerEdge;
    for (float x = -0.016f; x <= 0.016f; x += 0.00025f) {
        float y = 1.455f;
        while (y < 1.480f && !hitsFromTheFront(upper, x, y))
            y += 0.0001f;
        upperEdge.push_back(y);
        y = 1.480f;
        while (y > 1.455f && !hitsFromTheFront(lower, x, y))
            y -= 0.0001f;
        lowerEdge.push_back(y);
    }
    // Upper: between the central incisors, central and lateral, lateral and canine on each side.
    EXPECT_GE(notches(upperEdge, 0.0005f), 3);
    // Lower, seen from above: a notch is where the edge dips, so count the peaks of the line turned over.
    std::vector<float> lowerTurned;
    for (float v : lowerEdge)
        lowerTurned.push_back(-v);
    EXPECT_GE(notches(lowerTurned, 0.0005f), 3);
    // The bite at the central incisors (the middle 8 mm): the upper ones reach below the lower ones' edges
    // (overbite) and lie in front of them (overjet).
    float upperTip = 1.0e9f, lowerTip = -1.0e9f;
    for (std::size_t i = 0; i < upperEdge.size(); ++i) {
        if (std::abs(-0.016f + 0.00025f * static_cast<float>(i)) <= 0.004f) {
            upperTip = std::min(upperTip, upperEdge[i]);
            lowerTip = std::max(lowerTip, lowerEdge[i]);
        }
    }
    EXPECT_LT(upperTip, lowerTip);
    EXPECT_GT(upperTip, lowerTip - 0.006f) << "an overbite of a few millimetres, not a jaw shut past the teeth";
    const auto upperFront = hitsFromTheFront(upper, 0.003f, upperTip + 0.002f);
    const auto lowerFront = hitsFromTheFront(lower, 0.003f, lowerTip - 0.002f);
    ASSERT_TRUE(upperFront && lowerFront);
    EXPECT_GT(upperFront->point.z, lowerFront->point.z + 0.002f);
}
