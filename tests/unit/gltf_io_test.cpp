// Round trip through our glTF writer and reader, and the reader's error paths on files the test writes.
#include "core/error.h"
#include "io/gltf_reader.h"
#include "io/gltf_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace ta;

namespace {

fs::path tempDir()
{
    auto d = fs::temp_directory_path() / ("ta-gltf-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::create_directories(d);
    return d;
}

core::Structure tetrahedron(const std::string& id, glm::vec3 offset)
{
    core::Structure s;
    s.id = id;
    s.name = "Test " + id;
    s.latin = "Musculus " + id;
    s.fma = "FMA1";
    s.side = core::Side::Left;
    s.layer = core::Layer::Deep;
    s.kind = core::Kind::Muscle;
    s.mesh.positions = {offset + glm::vec3(0, 0, 0), offset + glm::vec3(1, 0, 0), offset + glm::vec3(0, 1, 0),
                        offset + glm::vec3(0, 0, 1)};
    s.mesh.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
    s.mesh.fibres.assign(4, glm::vec3(0, 1, 0));
    s.mesh.computeNormals();
    return s;
}

void writeText(const fs::path& p, const std::string& text)
{
    std::ofstream(p, std::ios::binary) << text;
}

} // namespace

TEST(GltfIo, RoundTripKeepsMetadataGeometryAndLandmarks)
{
    core::AnatomyModel m;
    m.structures.push_back(tetrahedron("alpha", {0, 1, 0}));
    m.structures.push_back(tetrahedron("beta", {2, 0, 0}));
    m.structures[1].side = core::Side::Right;
    m.structures[1].kind = core::Kind::Bone;
    m.structures[1].layer = core::Layer::Bone;
    m.structures[1].mesh.fibres.clear();
    m.landmarks.push_back({"c7-spinous", "Spinous process of C7", {0.0f, 1.39f, -0.07f}});
    const auto file = tempDir() / "round.glb";
    io::saveModel(m, file);

    const auto back = io::loadModel(file);
    ASSERT_EQ(back.structures.size(), 2u);
    const auto& a = back.structures[0];
    EXPECT_EQ(a.id, "alpha");
    EXPECT_EQ(a.latin, "Musculus alpha");
    EXPECT_EQ(a.fma, "FMA1");
    EXPECT_EQ(a.side, core::Side::Left);
    EXPECT_EQ(a.layer, core::Layer::Deep);
    EXPECT_EQ(a.kind, core::Kind::Muscle);
    EXPECT_EQ(a.mesh.indices, m.structures[0].mesh.indices);
    EXPECT_EQ(a.mesh.positions[3], glm::vec3(0, 1, 1));
    ASSERT_EQ(a.mesh.fibres.size(), 4u);
    EXPECT_TRUE(back.structures[1].mesh.fibres.empty());
    EXPECT_EQ(back.structures[1].side, core::Side::Right);
    ASSERT_EQ(back.landmarks.size(), 1u);
    EXPECT_EQ(back.landmarks[0].id, "c7-spinous");
    EXPECT_NEAR(back.landmarks[0].position.y, 1.39f, 1e-6f);
    EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
}

TEST(GltfIo, SameModelGivesSameBytes)
{
    core::AnatomyModel m;
    m.structures.push_back(tetrahedron("alpha", {0, 0, 0}));
    const auto d = tempDir();
    io::saveModel(m, d / "a.glb");
    io::saveModel(m, d / "b.glb");
    std::ifstream fa(d / "a.glb", std::ios::binary), fb(d / "b.glb", std::ios::binary);
    const std::string sa((std::istreambuf_iterator<char>(fa)), {}), sb((std::istreambuf_iterator<char>(fb)), {});
    EXPECT_FALSE(sa.empty());
    EXPECT_EQ(sa, sb);
}

TEST(GltfIo, MissingFileIsAnIoErrorNamingTheFile)
{
    try {
        io::loadModel("/nonexistent/dir/model.glb");
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/model.glb"), std::string::npos);
    }
}

TEST(GltfIo, GarbageIsAParseErrorNamingTheFile)
{
    const auto file = tempDir() / "garbage.glb";
    writeText(file, "this is not a glb file at all");
    try {
        io::loadModel(file);
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_NE(std::string(e.what()).find("garbage.glb"), std::string::npos);
    }
}

TEST(GltfIo, TruncatedGlbIsAnError)
{
    core::AnatomyModel m;
    m.structures.push_back(tetrahedron("alpha", {0, 0, 0}));
    const auto d = tempDir();
    io::saveModel(m, d / "full.glb");
    std::ifstream f(d / "full.glb", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), {});
    writeText(d / "cut.glb", bytes.substr(0, bytes.size() / 2));
    EXPECT_THROW(io::loadModel(d / "cut.glb"), ta::Error);
}

TEST(GltfIo, IndexOutOfRangeIsAValidationErrorNamingTheNode)
{
    // A hand-written .gltf: one triangle whose third index (7) points past the 3 vertices.
    // Buffer: 3 float vec3 positions (36 bytes) + 3 uint16 indices (6 bytes, padded to 8).
    const std::string b64 =
        "AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAAAAABAAcAAAA=";
    const std::string json = R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"scene":0,
      "nodes":[{"name":"bad-node","mesh":0}],
      "meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}],
      "buffers":[{"byteLength":44,"uri":"data:application/octet-stream;base64,)" + b64 + R"("}],
      "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":6}],
      "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
                   {"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"}]})";
    const auto file = tempDir() / "badindex.gltf";
    writeText(file, json);
    try {
        io::loadModel(file);
        FAIL() << "expected ValidationError";
    } catch (const ValidationError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("bad-node"), std::string::npos) << what;
        EXPECT_NE(what.find("out of range"), std::string::npos) << what;
    }
}
