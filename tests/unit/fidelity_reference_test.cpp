// The fidelity computation against the BodyParts3D reference folder (../shared/reference/bodyparts3d),
// on synthetic models built in memory from the reference itself (known answers) and on the committed
// model. Skips with a message when the reference folder (or the committed model) is absent. The
// project's targets are NOT asserted here: docs/FIDELITY.md reports pass/fail honestly.
#include "core/error.h"
#include "io/fidelity/fidelity_report.h"
#include "io/gltf_reader.h"
#include "io/bodyparts3d.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace {

namespace fs = std::filesystem;

fs::path referenceDir() { return fs::path(TA_TEST_DIR) / ".." / ".." / "shared" / "reference" / "bodyparts3d"; }
fs::path committedModel() { return fs::path(TA_TEST_DIR) / ".." / "assets" / "models" / "neck-shoulder.glb"; }

#define REQUIRE_REFERENCE(ref)                                                                                 \
    if (!(ref).available())                                                                                    \
    GTEST_SKIP() << "reference folder " << referenceDir() << " is absent: fidelity against real anatomy not checked"

ta::core::Mesh shifted(ta::core::Mesh m, glm::vec3 by)
{
    for (auto& p : m.positions)
        p += by;
    return m;
}

TEST(FidelityReference, SkullBonesAndMasseterMapping)
{
    EXPECT_EQ(ta::io::skullReferenceFmas().size(), 21u);
    EXPECT_EQ(ta::io::referenceFmasFor("FMA46565").size(), 21u);
    EXPECT_EQ(ta::io::referenceFmasFor("FMA12525"), std::vector<std::string>{"FMA12525"});
    EXPECT_EQ(ta::io::referenceFmasFor("FMA49002"), std::vector<std::string>{"FMA49005"});
    EXPECT_TRUE(ta::io::referenceFmasFor("").empty());
}

TEST(FidelityReference, LandmarksLieWhereAnatomySaysTheyDo)
{
    ta::io::ReferenceSet ref(referenceDir());
    REQUIRE_REFERENCE(ref);
    std::map<std::string, glm::vec3> lm;
    for (const auto& l : ta::io::computeReferenceLandmarks(ref))
        lm[l.id] = l.position;
    for (const char* id : {"vertex", "inion", "nasion", "menton", "mastoid-tip-left", "mastoid-tip-right",
                           "c1-transverse-left", "c2-spinous", "c7-spinous", "t4-spinous", "sternal-notch",
                           "sternoclavicular-left", "acromioclavicular-right", "gonion-left", "hyoid-body"})
        ASSERT_TRUE(lm.count(id)) << id;
    // Sides: the subject's left is +X.
    EXPECT_GT(lm["mastoid-tip-left"].x, 0.03f);
    EXPECT_LT(lm["mastoid-tip-right"].x, -0.03f);
    EXPECT_GT(lm["acromioclavicular-left"].x, lm["sternoclavicular-left"].x + 0.1f);
    // Up and down: vertex highest, spinous tips descend from C2 to T4, the notch is below C7's tip.
    EXPECT_GT(lm["vertex"].y, 1.55f);
    EXPECT_GT(lm["c2-spinous"].y, lm["c7-spinous"].y);
    EXPECT_GT(lm["c7-spinous"].y, lm["t4-spinous"].y);
    EXPECT_GT(lm["mastoid-tip-left"].y, lm["c1-transverse-left"].y);
    // Front and back (+Z anterior): nasion and menton in front, inion and spines behind.
    EXPECT_GT(lm["nasion"].z, lm["inion"].z + 0.15f);
    EXPECT_GT(lm["sternal-notch"].z, lm["c7-spinous"].z + 0.08f);
    EXPECT_NEAR(lm["c7-spinous"].x, 0.0f, 0.005f);
}

TEST(FidelityReference, SyntheticModelGivesKnownDistancesAndLandmarkErrors)
{
    ta::io::ReferenceSet ref(referenceDir());
    REQUIRE_REFERENCE(ref);
    ta::core::AnatomyModel model;
    auto add = [&](std::string id, std::string fma, ta::core::Kind kind, ta::core::Mesh mesh) {
        ta::core::Structure s;
        s.id = std::move(id);
        s.fma = std::move(fma);
        s.kind = kind;
        s.mesh = std::move(mesh);
        model.structures.push_back(std::move(s));
    };
    // C7 moved 2 mm to the left: no sample can be more than 2 mm away; most are well away from 0.
    add("c7", "FMA12525", ta::core::Kind::Bone, shifted(*ref.mesh("FMA12525"), {0.002f, 0, 0}));
    // The skull as the union of its bones, exactly: ~0 both ways.
    add("skull", "FMA46565", ta::core::Kind::Bone, *ref.unionOf(ta::io::skullReferenceFmas()));
    // Our superficial left masseter must be compared with the file labelled "deep" (FMA49005).
    add("masseter-superficial-left", "FMA49002", ta::core::Kind::Muscle, *ref.mesh("FMA49005"));
    // Two parts sharing one FMA id (like the heads of the sternocleidomastoid): the halves of C2, whose
    // union is exactly the reference. Each half lies on the reference (ours->ref ~0), and the reference is
    // covered by the union (ref->ours ~0), though each half alone covers only part of it.
    ta::core::Mesh c2a = *ref.mesh("FMA12520"), c2b;
    {
        const ta::core::Mesh whole = c2a;
        c2a.indices.clear();
        c2b.positions = whole.positions;
        for (std::size_t t = 0; t < whole.triangleCount(); ++t) {
            auto& dst = whole.positions[whole.indices[3 * t]].x < 0.0f ? c2a : c2b;
            dst.indices.insert(dst.indices.end(), whole.indices.begin() + 3 * t, whole.indices.begin() + 3 * t + 3);
        }
    }
    add("c2-right-half", "FMA12520", ta::core::Kind::Bone, c2a);
    add("c2-left-half", "FMA12520", ta::core::Kind::Bone, c2b);
    // No counterpart: the temporalis file is missing from the reference; no FMA id at all.
    add("temporalis-left", "FMA49008", ta::core::Kind::Muscle, shifted(*ref.mesh("FMA12525"), {0, 0.1f, 0}));
    add("skin", "", ta::core::Kind::Skin, *ref.mesh("FMA12525"));
    const auto truth = ta::io::computeReferenceLandmarks(ref);
    const auto c7 = std::find_if(truth.begin(), truth.end(), [](const auto& l) { return l.id == "c7-spinous"; });
    ASSERT_NE(c7, truth.end());
    model.landmarks.push_back({"c7-spinous", "C7", c7->position + glm::vec3(0, 0.003f, -0.004f)});

    ta::io::FidelityOptions options;
    options.samplesPerSide = 3000;
    const auto report = ta::io::computeFidelity(model, ref, options);
    ASSERT_EQ(report.structures.size(), 7u);
    std::map<std::string, ta::io::StructureFidelity> by;
    for (const auto& s : report.structures)
        by[s.id] = s;
    ASSERT_TRUE(by["c7"].hasReference);
    EXPECT_LE(by["c7"].distance.aToB.max, 0.002 + 1e-5);
    EXPECT_LE(by["c7"].distance.bToA.max, 0.002 + 1e-5);
    EXPECT_GT(by["c7"].oursToRefMedianMm(), 0.3);
    EXPECT_TRUE(by["c7"].pass());
    EXPECT_NEAR(by["c7"].centroidShift.x, 0.002f, 1e-5f);
    EXPECT_NEAR(by["c7"].centroidShift.y, 0.0f, 1e-5f);
    EXPECT_NEAR(by["c7"].oursSize.x, by["c7"].referenceSize.x, 1e-5f);
    EXPECT_LT(by["skull"].oursToRefP90Mm(), 1e-3);
    EXPECT_LT(by["skull"].refToOursP90Mm(), 1e-3);
    EXPECT_LT(by["masseter-superficial-left"].oursToRefP90Mm(), 1e-3);
    for (const char* half : {"c2-right-half", "c2-left-half"}) {
        EXPECT_LT(by[half].oursToRefP90Mm(), 1e-3) << half;
        EXPECT_LT(by[half].refToOursP90Mm(), 1e-3) << half;
        EXPECT_NE(by[half].note.find("c2-right-half + c2-left-half"), std::string::npos) << by[half].note;
        EXPECT_NEAR(by[half].centroidShift.x, 0.0f, 1e-5f);
    }
    EXPECT_FALSE(by["temporalis-left"].hasReference);
    EXPECT_NE(by["temporalis-left"].note.find("FMA49008"), std::string::npos);
    EXPECT_FALSE(by["skin"].hasReference);
    // Structures without reference come last; among the rest the worst (c7) comes first.
    EXPECT_EQ(report.structures.front().id, "c7");
    EXPECT_FALSE(report.structures.back().hasReference);
    ASSERT_EQ(report.landmarks.size(), 1u);
    EXPECT_NEAR(report.landmarks[0].errorMm(), 5.0, 1e-3);
    EXPECT_FALSE(report.landmarksMissingInModel.empty());

    const std::string md = ta::io::formatFidelityMarkdown(report, {"ta-fidelity", "test", "today", "m.glb", "ref", 1.0});
    EXPECT_NE(md.find("| temporalis-left | FMA49008 | muscle | - | - | - | - | - | no reference | - | - |"), std::string::npos);
    EXPECT_NE(md.find("| c7-spinous | 5.0 |"), std::string::npos);
    // The side-by-side sheet: each reference render beside our picture from the same side.
    for (const char* view : {"anterior", "lateral-right", "posterior"})
        EXPECT_NE(md.find(std::string("bodyparts3d/renders/") + view + ".png) | ![TriggerAtlas, " + view +
                          "](images/fidelity-" + view + ".png) |"),
                  std::string::npos)
            << view;
}

TEST(FidelityReference, CommittedModel)
{
    ta::io::ReferenceSet ref(referenceDir());
    REQUIRE_REFERENCE(ref);
    if (!fs::exists(committedModel()))
        GTEST_SKIP() << "committed model " << committedModel() << " is absent: nothing to measure";
    const auto model = ta::io::loadModel(committedModel());
    ta::io::FidelityOptions options;
    options.samplesPerSide = 2000;
    const auto report = ta::io::computeFidelity(model, ref, options);
    ASSERT_EQ(report.structures.size(), model.structures.size());
    std::size_t mapped = 0;
    for (const auto& f : report.structures) {
        const auto* s = model.get(model.find(f.id));
        ASSERT_NE(s, nullptr) << f.id;
        // Every structure whose FMA id has a reference file (all of them, for the skull) is measured.
        bool allFiles = !f.reference.empty();
        for (const auto& fma : f.reference)
            allFiles = allFiles && ref.has(fma);
        if (allFiles && !s->mesh.empty()) {
            EXPECT_TRUE(f.hasReference) << f.id;
        }
        if (!f.hasReference)
            continue;
        ++mapped;
        for (double v : {f.distance.aToB.median, f.distance.aToB.p90, f.distance.bToA.median, f.distance.bToA.p90}) {
            EXPECT_TRUE(std::isfinite(v)) << f.id;
            EXPECT_GE(v, 0.0) << f.id;
            EXPECT_LT(v, 1.0) << f.id << ": a metre away means a frame or unit mix-up";
        }
        EXPECT_EQ(f.distance.aToB.samples, 2000u) << f.id;
        EXPECT_EQ(f.distance.bToA.samples, 2000u) << f.id;
    }
    // The skull and the cervical vertebrae always have a counterpart when the model carries them.
    for (const char* id : {"skull", "mandible", "c1", "c7", "clavicle-left"})
        if (model.find(id)) {
            const auto it = std::find_if(report.structures.begin(), report.structures.end(),
                                         [&](const auto& f) { return f.id == id; });
            ASSERT_NE(it, report.structures.end());
            EXPECT_TRUE(it->hasReference) << id << " (fma '" << it->fma << "') found no reference";
        }
    EXPECT_GT(mapped, 0u);
    for (const auto& l : report.landmarks)
        EXPECT_TRUE(std::isfinite(l.errorMm())) << l.id;
}

} // namespace
