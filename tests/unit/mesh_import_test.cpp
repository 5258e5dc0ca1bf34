// Mesh files through Assimp (io::importMeshFile), on files the test writes itself: binary and ASCII STL,
// OBJ with named objects, and the broken ones (truncated, empty, NaN, missing); then the BodyParts3D frame
// and fragment removal on top.
#include "core/error.h"
#include "io/bodyparts3d.h"
#include "io/mesh_import.h"
#include "mesh_fixtures.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

namespace {

namespace fs = std::filesystem;
using ta::test::tetra;

class MeshFiles : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() /
                ("ta_mesh_import_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    /// The ParseError/IoError message for `p`, checked to be one line naming the file.
    template <class E>
    std::string errorOf(const fs::path& p)
    {
        try {
            ta::io::importMeshFile(p);
        } catch (const E& e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find(p.filename().string()), std::string::npos) << msg;
            EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
            return msg;
        } catch (const std::exception& e) {
            ADD_FAILURE() << "wrong exception type for " << p << ": " << e.what();
            return {};
        }
        ADD_FAILURE() << "no exception for " << p;
        return {};
    }
    fs::path m_dir;
};

TEST_F(MeshFiles, BinaryStlIsWeldedAndKeepsWinding)
{
    const fs::path p = m_dir / "tetra.stl";
    ta::test::writeBinaryStl(p, tetra({1, 2, 3}, 2.0f));
    const auto pieces = ta::io::importMeshFile(p);
    ASSERT_EQ(pieces.size(), 1u);
    const auto& m = pieces.front().mesh;
    EXPECT_EQ(m.triangleCount(), 4u);
    EXPECT_EQ(m.vertexCount(), 4u); // welded despite per-facet normals
    EXPECT_EQ(m.normals.size(), 4u);
    EXPECT_NEAR(m.signedVolume(), 8.0 / 6.0, 1e-5);
    EXPECT_EQ(m.bounds().min, glm::vec3(1, 2, 3));
}

TEST_F(MeshFiles, AsciiStlMatchesBinary)
{
    const fs::path p = m_dir / "tetra_ascii.stl";
    ta::test::writeAsciiStl(p, tetra({1, 2, 3}, 2.0f));
    const auto m = ta::io::importSingleMesh(p);
    EXPECT_EQ(m.triangleCount(), 4u);
    EXPECT_EQ(m.vertexCount(), 4u);
    EXPECT_NEAR(m.signedVolume(), 8.0 / 6.0, 1e-5);
}

TEST_F(MeshFiles, ObjObjectsBecomeNamedPieces)
{
    const fs::path p = m_dir / "two.obj";
    ta::test::writeObj(p, {{"trapezius-descending-left", tetra({0, 0, 0}, 1.0f)}, {"c7", tetra({5, 0, 0}, 2.0f)}});
    const auto pieces = ta::io::importMeshFile(p);
    ASSERT_EQ(pieces.size(), 2u);
    std::vector<std::string> names;
    for (const auto& piece : pieces)
        names.push_back(piece.node.empty() ? piece.meshName : piece.node);
    EXPECT_NE(std::find(names.begin(), names.end(), "trapezius-descending-left"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "c7"), names.end());
    double volume = 0.0;
    for (const auto& piece : pieces) {
        EXPECT_EQ(piece.mesh.vertexCount(), 4u);
        volume += piece.mesh.signedVolume();
    }
    EXPECT_NEAR(volume, 1.0 / 6.0 + 8.0 / 6.0, 1e-5);
    EXPECT_EQ(ta::io::importSingleMesh(p).triangleCount(), 8u);
}

TEST_F(MeshFiles, TruncatedStlIsAParseErrorNamingTheFile)
{
    const fs::path p = m_dir / "cut.stl";
    ta::test::writeBinaryStl(p, tetra({0, 0, 0}, 1.0f));
    fs::resize_file(p, 84 + 50 * 3 + 10);
    errorOf<ta::ParseError>(p);
    fs::resize_file(p, 40);
    errorOf<ta::ParseError>(p);
}

TEST_F(MeshFiles, AbsurdTriangleCountIsAParseError)
{
    const fs::path p = m_dir / "huge.stl";
    ta::test::writeBinaryStl(p, tetra({0, 0, 0}, 1.0f));
    std::string data(84, '\0');
    const std::uint32_t n = 0xFFFFFFF0u; // claims 4 billion triangles in a 284-byte file
    std::memcpy(data.data() + 80, &n, 4);
    data.append(200, '\0');
    ta::test::writeRawFile(p, data);
    errorOf<ta::ParseError>(p);
}

TEST_F(MeshFiles, EmptyFileIsAParseError)
{
    const fs::path p = m_dir / "empty.stl";
    ta::test::writeRawFile(p, "");
    EXPECT_NE(errorOf<ta::ParseError>(p).find("empty"), std::string::npos);
    const fs::path obj = m_dir / "no_faces.obj";
    ta::test::writeRawFile(obj, "# nothing but a comment\nv 0 0 0\n");
    errorOf<ta::ParseError>(obj);
}

TEST_F(MeshFiles, NanVertexIsAParseError)
{
    auto tris = tetra({0, 0, 0}, 1.0f);
    tris[2][1].y = std::numeric_limits<float>::quiet_NaN();
    const fs::path p = m_dir / "nan.stl";
    ta::test::writeBinaryStl(p, tris);
    EXPECT_NE(errorOf<ta::ParseError>(p).find("NaN"), std::string::npos);
}

TEST_F(MeshFiles, MissingFileIsAnIoError)
{
    errorOf<ta::IoError>(m_dir / "nope.stl");
}

TEST(BodyParts3dFrame, MillimetresBecomeModelMetres)
{
    // +X left stays +X; +Z up becomes +Y; +Y posterior becomes -Z (we face +Z); mm -> m.
    const glm::vec3 p = ta::io::bodyParts3dToModel({10.0f, 20.0f, 1600.0f});
    EXPECT_NEAR(p.x, 0.010f, 1e-7f);
    EXPECT_NEAR(p.y, 1.600f, 1e-6f);
    EXPECT_NEAR(p.z, -0.020f, 1e-7f);
}

TEST_F(MeshFiles, BodyParts3dMeshKeepsOutwardWindingAndDropsTinyFragments)
{
    auto tris = tetra({0, 0, 1500}, 100.0f);         // 100 mm tetrahedron
    const auto speck = tetra({300, 0, 1500}, 1.0f); // 1 mm fragment: area ratio 1e-4
    tris.insert(tris.end(), speck.begin(), speck.end());
    const fs::path p = m_dir / "bp3d.stl";
    ta::test::writeBinaryStl(p, tris);
    std::size_t dropped = 0;
    const auto m = ta::io::loadBodyParts3dMesh(p, &dropped);
    EXPECT_EQ(dropped, 1u);
    EXPECT_EQ(m.triangleCount(), 4u);
    EXPECT_EQ(m.vertexCount(), 4u);
    EXPECT_GT(m.signedVolume(), 0.0); // still outward after the rotation
    EXPECT_NEAR(m.signedVolume(), 0.1 * 0.1 * 0.1 / 6.0, 1e-9);
    const auto b = m.bounds();
    EXPECT_NEAR(b.min.y, 1.5f, 1e-5f);
    EXPECT_NEAR(b.max.y, 1.6f, 1e-5f);
    EXPECT_NEAR(b.min.z, -0.1f, 1e-5f);
    EXPECT_NEAR(b.max.z, 0.0f, 1e-5f);
}

TEST(BodyParts3dComponents, KeepsFragmentsAboveTheThreshold)
{
    ta::core::Mesh m;
    auto addTetra = [&](glm::vec3 o, float s) {
        const auto base = static_cast<std::uint32_t>(m.positions.size());
        m.positions.insert(m.positions.end(), {o, o + glm::vec3(s, 0, 0), o + glm::vec3(0, s, 0), o + glm::vec3(0, 0, s)});
        for (std::uint32_t i : {0u, 2u, 1u, 0u, 1u, 3u, 0u, 3u, 2u, 1u, 2u, 3u})
            m.indices.push_back(base + i);
    };
    addTetra({0, 0, 0}, 10.0f);
    addTetra({50, 0, 0}, 1.0f);  // 1 % of the area: kept at a 0.1 % threshold
    addTetra({80, 0, 0}, 0.1f);  // 0.01 %: removed
    EXPECT_EQ(ta::io::removeSmallComponents(m, 0.001), 1u);
    EXPECT_EQ(m.triangleCount(), 8u);
    EXPECT_EQ(m.vertexCount(), 8u);
    EXPECT_EQ(ta::io::removeSmallComponents(m, 0.001), 0u);
}

} // namespace
