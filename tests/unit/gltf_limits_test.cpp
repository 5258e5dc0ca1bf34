// The glTF reader's limits (io/gltf_limits.h), one test per finding of issue 15: each file used to
// crash, hang, exhaust memory or load silently wrong; now each is one error naming the file.
#include "core/error.h"
#include "io/gltf_limits.h"
#include "io/gltf_reader.h"

#include "glb_builder.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

namespace fs = std::filesystem;
using namespace ta;
using nlohmann::json;

namespace {

class GltfLimits : public ::testing::Test {
protected:
    fs::path dir;
    void SetUp() override
    {
        dir = fs::temp_directory_path() / ("ta-gltf-limits-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    fs::path write(const std::string& name, const std::string& bytes)
    {
        fs::path p = dir / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }

    /// Loads `file`, expects an ta::Error of one line that names the file and contains `part`.
    void expectRefused(const fs::path& file, const std::string& part)
    {
        try {
            io::loadModel(file);
            ADD_FAILURE() << file << " loaded; expected an error containing \"" << part << "\"";
        } catch (const Error& e) {
            const std::string what = e.what();
            EXPECT_EQ(what.rfind(file.string() + ": ", 0), 0u) << what;
            EXPECT_NE(what.find(part), std::string::npos) << what;
            EXPECT_EQ(what.find('\n'), std::string::npos) << what;
        }
    }
};

std::string withPositions(const float (&p)[9])
{
    std::string bin = test::triangleBin();
    std::memcpy(bin.data(), p, sizeof p);
    return test::makeGlb(test::triangleGltf().dump(), bin);
}

} // namespace

TEST_F(GltfLimits, TheValidTriangleLoads)
{
    const auto model = io::loadModel(write("ok.glb", test::triangleGlb()));
    ASSERT_EQ(model.structures.size(), 1u);
    EXPECT_EQ(model.structures[0].mesh.positions.size(), 3u);
}

TEST_F(GltfLimits, AByteOffsetThatWrapsAroundIsRefused)
{
    json j = test::triangleGltf();
    j["bufferViews"][0]["byteOffset"] = std::numeric_limits<std::uint64_t>::max() - 7; // + length wraps to 28
    expectRefused(write("wrap.glb", test::makeGlb(j.dump(), test::triangleBin())), "");
    json k = test::triangleGltf();
    k["accessors"][0]["byteOffset"] = std::numeric_limits<std::uint64_t>::max() - 3;
    expectRefused(write("wrap-accessor.glb", test::makeGlb(k.dump(), test::triangleBin())), "");
    json m = test::triangleGltf();
    m["accessors"][0]["byteOffset"] = 28; // inside the view, but the elements run past its end
    expectRefused(write("past-view.glb", test::makeGlb(m.dump(), test::triangleBin())), "past the end");
}

TEST_F(GltfLimits, AHugeAccessorCountIsRefusedBeforeAllocating)
{
    json j = test::triangleGltf();
    j["accessors"][0]["count"] = 600000000;
    expectRefused(write("count.glb", test::makeGlb(j.dump(), test::triangleBin())), "");
}

TEST_F(GltfLimits, NonFiniteAndFarAwayPositionsAreRefused)
{
    const float inf = std::numeric_limits<float>::infinity();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    expectRefused(write("nan.glb", withPositions({0, nan, 0, 1, 0, 0, 0, 1, 0})), "not a finite number");
    expectRefused(write("inf.glb", withPositions({0, 0, 0, inf, 0, 0, 0, 1, 0})), "not a finite number");
    expectRefused(write("far.glb", withPositions({0, 0, 0, 3e38f, 0, 0, 0, 1, 0})), "beyond");
    json j = test::triangleGltf();
    j["nodes"][0]["scale"] = {1e38, 1e38, 1e38};
    expectRefused(write("scaled.glb", test::makeGlb(j.dump(), test::triangleBin())), "beyond");
}

TEST_F(GltfLimits, DeepExtrasAreRefusedBeforeTinygltfRecurses)
{
    std::string deep(20000, '[');
    deep += std::string(20000, ']');
    std::string text = test::triangleGltf().dump();
    text.insert(text.size() - 1, ",\"extras\":" + deep);
    expectRefused(write("deep.glb", test::makeGlb(text, test::triangleBin())), "nested deeper than 64");
    expectRefused(write("deep.gltf", text), "nested deeper than 64");
}

TEST_F(GltfLimits, GlbVersionsOtherThanTwoAreRefused)
{
    const std::string text = test::triangleGltf().dump();
    expectRefused(write("v1.glb", test::makeGlb(text, test::triangleBin(), 1)), "glb version 1");
    expectRefused(write("v3.glb", test::makeGlb(text, test::triangleBin(), 3)), "glb version 3");
}

TEST_F(GltfLimits, ABinChunkLengthIsCheckedAgainstItsHeader)
{
    // 44 bytes of data after the chunk header; a length of 48 reaches 4 bytes past the file's end
    // when the 8-byte header is forgotten (tinygltf's own check).
    const std::string text = test::triangleGltf().dump();
    expectRefused(write("bin.glb", test::makeGlb(text, test::triangleBin(), 2, 48)), "BIN chunk");
    std::string cut = test::triangleGlb();
    cut.resize(cut.size() - 10);
    expectRefused(write("cut.glb", cut), "the header says");
}

TEST_F(GltfLimits, SharedChildrenAndCyclesAreRefusedNotMultiplied)
{
    // 25 nodes, each with the next one twice as children: 2^24 paths from the root.
    json j = test::triangleGltf();
    j["nodes"] = json::array();
    for (int i = 0; i < 25; ++i) {
        json n = {{"name", std::string("n").append(std::to_string(i))}, {"mesh", 0}}; // not "n" + s: GCC 12 -Wrestrict
        if (i < 24)
            n["children"] = {i + 1, i + 1};
        j["nodes"].push_back(n);
    }
    expectRefused(write("paths.glb", test::makeGlb(j.dump(), test::triangleBin())), "reached twice");
    json c = test::triangleGltf();
    c["nodes"] = json::array({{{"name", "a"}, {"mesh", 0}, {"children", {1}}}, {{"name", "b"}, {"children", {0}}}});
    expectRefused(write("cycle.glb", test::makeGlb(c.dump(), test::triangleBin())), "reached twice");
    c.erase("scenes");
    c.erase("scene");
    c["nodes"][1].erase("children"); // no scene: the roots are the nodes nobody names as a child
    const auto model = io::loadModel(write("roots.glb", test::makeGlb(c.dump(), test::triangleBin())));
    EXPECT_EQ(model.structures.size(), 1u);
}

TEST_F(GltfLimits, TooManyNodesAreRefused)
{
    json j = test::triangleGltf();
    j["nodes"] = json::array();
    j["scenes"][0]["nodes"] = json::array();
    for (std::size_t i = 0; i < io::kMaxGltfNodes + 1; ++i) {
        j["nodes"].push_back({{"mesh", 0}});
        j["scenes"][0]["nodes"].push_back(i);
    }
    expectRefused(write("nodes.glb", test::makeGlb(j.dump(), test::triangleBin())), "nodes (at most 65536)");
}

TEST_F(GltfLimits, ABufferUriNamingAFifoIsRefusedWithoutHanging)
{
    ASSERT_EQ(::mkfifo((dir / "fifo.bin").c_str(), 0600), 0);
    json j = test::triangleGltf();
    j["buffers"][0]["uri"] = "fifo.bin";
    expectRefused(write("fifo.gltf", j.dump()), "is a FIFO");
}

TEST_F(GltfLimits, AModelFileThatIsNotARegularFileOrTooLargeIsRefusedBeforeReading)
{
    ASSERT_EQ(::mkfifo((dir / "model.glb").c_str(), 0600), 0);
    expectRefused(dir / "model.glb", "is a FIFO");
    fs::create_directories(dir / "folder.glb");
    expectRefused(dir / "folder.glb", "is a directory");
    // 4 GiB and 44 bytes, sparse: tinygltf's 32-bit length would see only the last 44 bytes.
    const fs::path big = write("big.glb", test::triangleGlb());
    ASSERT_EQ(::truncate(big.c_str(), (4LL << 30) + 44), 0);
    expectRefused(big, "too large");
}
