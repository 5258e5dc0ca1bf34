// Loading the anatomy specification: the committed files load, and broken input names file and key.
#include "core/anatomy/anatomy_spec.h"
#include "core/error.h"

#include <gtest/gtest.h>

#include <string>

using namespace ta;
using ta::core::anatomy::AnatomySpec;

namespace {

const std::string kSpecDir = std::string(TA_TEST_DIR) + "/../assets/anatomy";

std::string structuresDoc(const std::string& shapeItem, const std::string& extra = "")
{
    return R"({"schema": "trigger-atlas/structures", "version": 1, "structures": [
        {"id": "thing", "name": "Thing", "latin": "Res", "fma": "", "layer": "bone", "kind": "bone", )" +
           extra + R"( "shape": [)" + shapeItem + "]}]}";
}

/// The message of the error `fn` throws, or "" if it throws none of ours.
template <class E, class F>
std::string messageOf(F fn)
{
    try {
        fn();
    } catch (const E& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(AnatomySpec, CommittedSpecLoadsWithEveryStructureAndLandmarkOfTheBrief)
{
    const auto spec = AnatomySpec::load(kSpecDir);
    std::vector<std::string> ids;
    for (const auto& s : spec.structures)
        ids.push_back(s.id);
    for (const char* id : {"skull", "mandible", "hyoid", "c1", "c2", "c7", "t1", "t6", "clavicle-left", "clavicle-right",
                           "scapula-left", "humerus-right", "rib1-left", "rib4-right", "costal-cartilage1-left",
                           "costal-cartilage4-right", "manubrium", "sternum-body", "skin"})
        EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
    for (const char* id : {"vertex", "inion", "nasion", "glabella", "menton", "hyoid-body", "orbit-centre-left",
                           "supraorbital-right", "zygomatic-arch-left", "tmj-right", "tragus-left", "gonion-right",
                           "mastoid-tip-left", "superior-nuchal-line-right", "inferior-nuchal-line-left",
                           "c1-transverse-right", "c1-posterior-tubercle", "c2-spinous", "c7-spinous", "t6-spinous",
                           "sternal-notch", "sternoclavicular-left", "acromioclavicular-right", "acromion-left",
                           "scapular-spine-root-right", "scapula-superior-angle-left", "scapula-inferior-angle-right",
                           "coracoid-left", "greater-tubercle-right", "lateral-epicondyle-left", "wrist-radial-right",
                           "thumb-tip-left", "index-tip-right"}) {
        bool found = false;
        for (const auto& l : spec.landmarks)
            found = found || l.id == id;
        EXPECT_TRUE(found) << id;
    }
    const auto* skull = &spec.structures.front();
    EXPECT_EQ(skull->fma, "FMA46565");
    EXPECT_EQ(skull->latin, "Cranium");
}

TEST(AnatomySpec, PairedEntriesAreMirroredWithSidedNames)
{
    const auto spec = AnatomySpec::load(kSpecDir);
    const core::anatomy::StructureSpec *left = nullptr, *right = nullptr;
    for (const auto& s : spec.structures) {
        if (s.id == "clavicle-left")
            left = &s;
        if (s.id == "clavicle-right")
            right = &s;
    }
    ASSERT_TRUE(left && right);
    EXPECT_EQ(left->name, "Left clavicle");
    EXPECT_EQ(right->fma, "FMA13322");
    EXPECT_EQ(left->side, core::Side::Left);
    EXPECT_GT(left->shape.bounds().centre().x, 0.0f);
    EXPECT_NEAR(left->shape.bounds().centre().x, -right->shape.bounds().centre().x, 1e-3f);
}

TEST(AnatomySpec, BadJsonIsAParseErrorNamingTheFile)
{
    AnatomySpec spec;
    const auto msg = messageOf<ParseError>([&] { spec.parseStructures("{ not json", "bones.json"); });
    EXPECT_NE(msg.find("bones.json"), std::string::npos) << msg;
}

TEST(AnatomySpec, WrongVersionNamesTheKey)
{
    AnatomySpec spec;
    const auto msg = messageOf<ValidationError>([&] {
        spec.parseLandmarks(R"({"schema": "trigger-atlas/landmarks", "version": 7, "landmarks": []})", "landmarks.json");
    });
    EXPECT_NE(msg.find("landmarks.json: version"), std::string::npos) << msg;
}

TEST(AnatomySpec, MissingKeyIsNamedWithItsPath)
{
    AnatomySpec spec;
    const auto msg = messageOf<ValidationError>(
        [&] { spec.parseStructures(structuresDoc(R"({"type": "ellipsoid", "centre": [0, 0, 0]})"), "bones.json"); });
    EXPECT_NE(msg.find("bones.json: structures[0].shape[0].radii: missing"), std::string::npos) << msg;
}

TEST(AnatomySpec, BadValuesAreNamedWithTheirPath)
{
    AnatomySpec spec;
    auto msg = messageOf<ValidationError>([&] {
        spec.parseStructures(structuresDoc(R"({"type": "ellipsoid", "centre": [0, 0], "radii": [1, 1, 1]})"), "b.json");
    });
    EXPECT_NE(msg.find("b.json: structures[0].shape[0].centre: expected an array of 3 numbers"), std::string::npos) << msg;
    msg = messageOf<ValidationError>([&] {
        spec.parseStructures(structuresDoc(R"({"type": "blob", "centre": [0, 0, 0]})"), "b.json");
    });
    EXPECT_NE(msg.find("structures[0].shape[0].type: unknown type \"blob\""), std::string::npos) << msg;
    msg = messageOf<ValidationError>([&] {
        spec.parseStructures(structuresDoc(R"({"type": "tube", "points": [[0,0,0],[1,1,1]], "radius": [1]})"), "b.json");
    });
    EXPECT_NE(msg.find("structures[0].shape[0].radius: expected one radius per point"), std::string::npos) << msg;
    msg = messageOf<ValidationError>([&] {
        spec.parseStructures(structuresDoc(R"({"type": "ellipsoid", "centre": [0,0,0], "radii": [1,1,1]})",
                                           R"("voxel": -1,)"),
                             "b.json");
    });
    EXPECT_NE(msg.find("structures[0].voxel: expected a positive number"), std::string::npos) << msg;
}

TEST(AnatomySpec, AFaceRegionIsReadAndItsBadValuesAreNamed)
{
    const std::string ball = R"({"type": "ellipsoid", "centre": [0,0,0], "radii": [9,9,9]})";
    auto face = [](const std::string& body) { return R"("clearance": 4, "face": {)" + body + "},"; };
    AnatomySpec spec;
    spec.parseStructures(structuresDoc(ball, face(R"("min": [-5,-6,-7], "max": [5,6,7], "fade": 2,
                                                   "clearance": 1.5, "blend": 3)")),
                         "skin.json");
    ASSERT_EQ(spec.structures.size(), 1u);
    const auto& s = spec.structures[0];
    ASSERT_TRUE(s.faceBox.valid());
    EXPECT_EQ(s.faceBox.min, glm::vec3(-5, -6, -7));
    EXPECT_EQ(s.faceBox.max, glm::vec3(5, 6, 7));
    EXPECT_EQ(s.faceFade, 2.0f);
    EXPECT_EQ(s.faceClearance, 1.5f);
    EXPECT_EQ(s.faceBlend, 3.0f);

    auto refused = [&](const std::string& extra) {
        AnatomySpec other;
        return messageOf<ValidationError>([&] { other.parseStructures(structuresDoc(ball, extra), "skin.json"); });
    };
    auto msg = refused(R"("face": {"min": [-5,-5,-5], "max": [5,5,5], "fade": 1, "clearance": 1, "blend": 1},)");
    EXPECT_NE(msg.find("skin.json: structures[0].face: a face region belongs to a skin"), std::string::npos) << msg;
    msg = refused(face(R"("min": [-5,-5,-5], "max": [5,5,5], "fade": 6, "clearance": 1, "blend": 1)"));
    EXPECT_NE(msg.find("structures[0].face.fade: the fade is wider than half the box"), std::string::npos) << msg;
    msg = refused(face(R"("min": [-5,-5,-5], "max": [5,5,5], "fade": 1, "clearance": 6, "blend": 1)"));
    EXPECT_NE(msg.find("structures[0].face.clearance: the face's clearance is larger"), std::string::npos) << msg;
    msg = refused(face(R"("min": [5,-5,-5], "max": [-5,5,5], "fade": 1, "clearance": 1, "blend": 1)"));
    EXPECT_NE(msg.find("structures[0].face: min must lie below max"), std::string::npos) << msg;
    msg = refused(face(R"("min": [-5,-5,-5], "max": [5,5,5], "fade": 1, "clearance": 1)"));
    EXPECT_NE(msg.find("structures[0].face.blend: missing"), std::string::npos) << msg;
}

TEST(AnatomySpec, MissingFileIsAnIoErrorNamingIt)
{
    const auto msg = messageOf<IoError>([&] { AnatomySpec::load("/nonexistent/anatomy"); });
    EXPECT_NE(msg.find("/nonexistent/anatomy/bones.json"), std::string::npos) << msg;
}

TEST(AnatomySpec, DuplicateIdsAreRejected)
{
    AnatomySpec spec;
    const std::string doc = R"({"schema": "trigger-atlas/landmarks", "version": 1, "landmarks": [
        {"id": "a", "name": "A", "position": [0, 0, 0]}, {"id": "a", "name": "A", "position": [1, 0, 0]}]})";
    const auto msg = messageOf<ValidationError>([&] { spec.parseLandmarks(doc, "landmarks.json"); });
    EXPECT_NE(msg.find("landmarks.json: landmarks[1].id: duplicate landmark id \"a\""), std::string::npos) << msg;
}
