// STL reading (binary and ASCII, written by the test itself), error paths, and the BodyParts3D frame.
#include "core/error.h"
#include "io/stl_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Tri = std::array<glm::vec3, 3>;

/// A tetrahedron with outward (counter-clockwise) faces.
std::vector<Tri> tetra(glm::vec3 o, float s)
{
    const glm::vec3 a = o, b = o + glm::vec3(s, 0, 0), c = o + glm::vec3(0, s, 0), d = o + glm::vec3(0, 0, s);
    return {Tri{a, c, b}, Tri{a, b, d}, Tri{a, d, c}, Tri{b, c, d}};
}

class StlFiles : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() /
                ("ta_stl_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path writeBinary(const std::string& name, const std::vector<Tri>& tris, const std::string& header = "binary")
    {
        std::string data(80, '\0');
        std::memcpy(data.data(), header.data(), std::min<std::size_t>(header.size(), 80));
        const auto n = static_cast<std::uint32_t>(tris.size());
        data.append(reinterpret_cast<const char*>(&n), 4);
        for (const auto& t : tris) {
            const float rec[12] = {0, 0, 0, t[0].x, t[0].y, t[0].z, t[1].x, t[1].y, t[1].z, t[2].x, t[2].y, t[2].z};
            data.append(reinterpret_cast<const char*>(rec), 48);
            data.append(2, '\0');
        }
        return writeRaw(name, data);
    }
    fs::path writeAscii(const std::string& name, const std::vector<Tri>& tris, bool withEnd = true)
    {
        std::string s = "solid test\n";
        for (const auto& t : tris) {
            s += "  facet normal 0 0 0\n    outer loop\n";
            for (const auto& v : t)
                s += "      vertex " + std::to_string(v.x) + " " + std::to_string(v.y) + " " + std::to_string(v.z) + "\n";
            s += "    endloop\n  endfacet\n";
        }
        if (withEnd)
            s += "endsolid test\n";
        return writeRaw(name, s);
    }
    fs::path writeRaw(const std::string& name, const std::string& data)
    {
        const fs::path p = m_dir / name;
        std::ofstream(p, std::ios::binary) << data;
        return p;
    }
    fs::path m_dir;
};

TEST_F(StlFiles, BinaryTetrahedronIsWeldedAndKeepsWinding)
{
    const auto m = ta::io::readStl(writeBinary("tetra.stl", tetra({1, 2, 3}, 2.0f)));
    EXPECT_EQ(m.triangleCount(), 4u);
    EXPECT_EQ(m.vertexCount(), 4u);
    EXPECT_EQ(m.normals.size(), 4u);
    EXPECT_NEAR(m.signedVolume(), 8.0 / 6.0, 1e-5);
    EXPECT_EQ(m.bounds().min, glm::vec3(1, 2, 3));
}

TEST_F(StlFiles, AsciiTetrahedronMatchesBinary)
{
    const auto m = ta::io::readStl(writeAscii("tetra_ascii.stl", tetra({1, 2, 3}, 2.0f)));
    EXPECT_EQ(m.triangleCount(), 4u);
    EXPECT_EQ(m.vertexCount(), 4u);
    EXPECT_NEAR(m.signedVolume(), 8.0 / 6.0, 1e-5);
}

TEST_F(StlFiles, BinaryWhoseHeaderSaysSolidIsStillBinary)
{
    const auto m = ta::io::readStl(writeBinary("solid_header.stl", tetra({0, 0, 0}, 1.0f), "solid exported by a CAD tool"));
    EXPECT_EQ(m.triangleCount(), 4u);
}

TEST_F(StlFiles, TruncatedBinaryIsAParseErrorNamingTheFile)
{
    const fs::path p = writeBinary("cut.stl", tetra({0, 0, 0}, 1.0f));
    fs::resize_file(p, 84 + 50 * 3 + 10);
    try {
        ta::io::readStl(p);
        FAIL() << "expected ParseError";
    } catch (const ta::ParseError& e) {
        EXPECT_NE(std::string(e.what()).find("cut.stl"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    }
    fs::resize_file(p, 40);
    EXPECT_THROW(ta::io::readStl(p), ta::ParseError);
}

TEST_F(StlFiles, TruncatedOrBrokenAsciiIsAParseErrorNamingTheFileAndLine)
{
    EXPECT_THROW(ta::io::readStl(writeAscii("noend.stl", tetra({0, 0, 0}, 1.0f), false)), ta::ParseError);
    const fs::path p = writeRaw("bad.stl", "solid x\n facet normal 0 0 0\n outer loop\n vertex 1 2\n");
    try {
        ta::io::readStl(p);
        FAIL() << "expected ParseError";
    } catch (const ta::ParseError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("bad.stl"), std::string::npos) << msg;
        EXPECT_NE(msg.find("line 4"), std::string::npos) << msg;
    }
}

TEST_F(StlFiles, MissingFileIsAnIoError)
{
    EXPECT_THROW(ta::io::readStl(m_dir / "nope.stl"), ta::IoError);
}

TEST(StlFrame, BodyParts3dMillimetresBecomeModelMetres)
{
    // +X left stays +X; +Z up becomes +Y; +Y posterior becomes -Z (we face +Z); mm -> m.
    const glm::vec3 p = ta::io::bodyParts3dToModel({10.0f, 20.0f, 1600.0f});
    EXPECT_NEAR(p.x, 0.010f, 1e-7f);
    EXPECT_NEAR(p.y, 1.600f, 1e-6f);
    EXPECT_NEAR(p.z, -0.020f, 1e-7f);
}

TEST_F(StlFiles, ConversionKeepsOutwardWindingAndDropsTinyFragments)
{
    auto tris = tetra({0, 0, 1500}, 100.0f);         // 100 mm tetrahedron
    const auto speck = tetra({300, 0, 1500}, 1.0f); // 1 mm fragment: area ratio 1e-4
    tris.insert(tris.end(), speck.begin(), speck.end());
    const auto m = ta::io::loadBodyParts3dStl(writeBinary("bp3d.stl", tris));
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

TEST(StlComponents, KeepsFragmentsAboveTheThreshold)
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
