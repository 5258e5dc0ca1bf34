// session::loadStartModel and the checks of File > Open model...: the command line wins over the remembered
// model, the remembered one opens when it can, and one that is gone or damaged falls back to the built-in
// model with one line naming the file.
#include "core/error.h"
#include "io/gltf_reader.h"
#include "io/gltf_writer.h"
#include "mesh_fixtures.h"
#include "session/model_files.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using ta::session::loadStartModel;

const fs::path kBuiltIn = fs::path(TA_TEST_DIR) / ".." / "assets/models/neck-shoulder.glb";

class ModelFilesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() /
                ("ta_model_files_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        m_other = m_dir / "other.glb";
        // A second, different model: the built-in one less all but its first three structures.
        ta::core::AnatomyModel small = ta::io::loadModel(kBuiltIn);
        small.structures.resize(3);
        ta::io::saveModel(small, m_other);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path m_dir;
    fs::path m_other;
};

TEST_F(ModelFilesTest, CommandLineWinsThenTheRememberedThenTheBuiltIn)
{
    const auto builtIn = ta::io::loadModel(kBuiltIn).structures.size();
    auto start = loadStartModel(m_other.string(), kBuiltIn.string(), kBuiltIn);
    EXPECT_EQ(start.path, m_other);
    EXPECT_EQ(start.model.structures.size(), 3u);
    EXPECT_FALSE(start.builtIn);
    EXPECT_TRUE(start.message.empty());

    start = loadStartModel("", m_other.string(), kBuiltIn);
    EXPECT_EQ(start.path, m_other);
    EXPECT_EQ(start.model.structures.size(), 3u);
    EXPECT_FALSE(start.builtIn);
    EXPECT_TRUE(start.message.empty());

    start = loadStartModel("", "", kBuiltIn);
    EXPECT_EQ(start.path, kBuiltIn);
    EXPECT_EQ(start.model.structures.size(), builtIn);
    EXPECT_TRUE(start.builtIn);
    EXPECT_TRUE(start.message.empty());
}

TEST_F(ModelFilesTest, ARememberedModelThatIsGoneOrDamagedFallsBackWithOneLine)
{
    const auto builtIn = ta::io::loadModel(kBuiltIn).structures.size();
    const fs::path gone = m_dir / "gone.glb";
    auto start = loadStartModel("", gone.string(), kBuiltIn);
    EXPECT_TRUE(start.builtIn);
    EXPECT_EQ(start.path, kBuiltIn);
    EXPECT_EQ(start.model.structures.size(), builtIn);
    EXPECT_NE(start.message.find(gone.string() + ": model file not found"), std::string::npos) << start.message;
    EXPECT_NE(start.message.find("built-in model"), std::string::npos) << start.message;
    EXPECT_EQ(start.message.find('\n'), std::string::npos) << start.message;

    const fs::path damaged = m_dir / "damaged.glb";
    ta::test::writeRawFile(damaged, std::string("glTF\x02\0\0\0", 8) + "not really a model");
    start = loadStartModel("", damaged.string(), kBuiltIn);
    EXPECT_TRUE(start.builtIn);
    EXPECT_EQ(start.model.structures.size(), builtIn);
    EXPECT_NE(start.message.find(damaged.string()), std::string::npos) << start.message;
    EXPECT_EQ(start.message.find('\n'), std::string::npos) << start.message;
}

TEST_F(ModelFilesTest, ARequestedModelThatFailsIsAnErrorNamingIt)
{
    const fs::path damaged = m_dir / "damaged.glb";
    ta::test::writeRawFile(damaged, "garbage");
    try {
        loadStartModel(damaged.string(), m_other.string(), kBuiltIn);
        FAIL() << "a damaged --model opened";
    } catch (const ta::Error& e) {
        EXPECT_NE(std::string(e.what()).find(damaged.string()), std::string::npos) << e.what();
    }
    EXPECT_THROW(loadStartModel((m_dir / "none.glb").string(), "", kBuiltIn), ta::IoError);
    EXPECT_THROW(loadStartModel("", "", m_dir / "no-built-in.glb"), ta::IoError);
}

TEST_F(ModelFilesTest, OpenDialogChecksThePathBeforeReadingIt)
{
    EXPECT_FALSE(ta::session::modelFileProblem(m_other).has_value());
    EXPECT_EQ(ta::session::modelFileProblem(m_dir / "none.glb"), "not found");
    EXPECT_EQ(ta::session::modelFileProblem(m_dir), "a folder, not a model file");
    ta::test::writeRawFile(m_dir / "mesh.obj", "v 0 0 0\n");
    EXPECT_NE(ta::session::modelFileProblem(m_dir / "mesh.obj").value_or("").find("not a .glb"), std::string::npos);
    EXPECT_TRUE(ta::session::modelFileProblem("").has_value());
    EXPECT_FALSE(ta::session::importSourceProblem(m_dir).has_value());
    EXPECT_FALSE(ta::session::importSourceProblem(m_dir / "mesh.obj").has_value());
    EXPECT_EQ(ta::session::importSourceProblem(m_dir / "none"), "not found");

    const char* home = std::getenv("HOME");
    if (home && *home) {
        EXPECT_EQ(ta::session::typedPath("  ~/models/a.glb "), fs::path(home) / "models/a.glb");
    }
    EXPECT_EQ(ta::session::typedPath("/x/~/a.glb"), fs::path("/x/~/a.glb"));
    EXPECT_TRUE(ta::session::typedPath("   ").empty());
}

} // namespace
