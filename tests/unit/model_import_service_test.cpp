// session::importModelFile, the one import service behind `import-model` and File > Import model...: it
// never replaces a file without being told to, writes nothing when the import fails or is cancelled,
// reports progress that never goes back and ends at 1; session::ModelImportJob runs it on a worker thread;
// the command line goes through it (its refusal to replace is the service's).
#include "core/error.h"
#include "io/gltf_reader.h"
#include "io/model_importer.h"
#include "mesh_fixtures.h"
#include "report_test_support.h"
#include "session/model_import_job.h"
#include "session/model_import_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using ta::session::ModelImportRequest;

const fs::path kBase = fs::path(TA_TEST_DIR) / ".." / "assets/models/neck-shoulder.glb";

std::string readAll(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> namesIn(const fs::path& dir)
{
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.insert(e.path().filename().string());
    return names;
}

// The shared runner (report_test_support.h), in the shape these tests read: output, status through `code`.
std::string run(const std::string& cmd, int* code)
{
    const ta::test::CommandResult r = ta::test::runCommand(cmd);
    *code = r.code;
    return r.out;
}

class ImportServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() /
                ("ta_import_service_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir / "bp3d");
        fs::create_directories(m_dir / "out");
        const auto base = ta::io::loadModel(kBase);
        const std::string fmaA = base.get(base.find("levator-scapulae-left"))->fma;
        const std::string fmaB = base.get(base.find("splenius-capitis-right"))->fma;
        ASSERT_FALSE(fmaA.empty());
        ASSERT_FALSE(fmaB.empty());
        // Many files, so that the reading reports progress many times.
        ta::test::writeBinaryStl(m_dir / "bp3d" / (fmaA + ".stl"), ta::test::tetra({60, 20, 1450}, 50.0f));
        ta::test::writeBinaryStl(m_dir / "bp3d" / (fmaB + ".stl"), ta::test::tetra({-60, -30, 1480}, 40.0f));
        for (int i = 0; i < 12; ++i)
            ta::test::writeBinaryStl(m_dir / "bp3d" / ("FMA99999" + std::to_string(i) + ".stl"),
                                     ta::test::tetra({0, 0, 1000.0f + static_cast<float>(i)}, 10.0f));
    }
    void TearDown() override { fs::remove_all(m_dir); }

    ModelImportRequest request(const std::string& out, bool replace = false) const
    {
        ModelImportRequest r;
        r.source = m_dir / "bp3d";
        r.output = m_dir / "out" / out;
        r.baseModel = kBase;
        r.replace = replace;
        return r;
    }

    fs::path m_dir;
};

TEST_F(ImportServiceTest, WritesAModelThatLoadsWithTheImportedStructures)
{
    const auto result = ta::session::importModelFile(request("model.glb"));
    EXPECT_EQ(result.report.mapped.size(), 2u);
    EXPECT_EQ(result.bytes, fs::file_size(m_dir / "out" / "model.glb"));
    const auto model = ta::io::loadModel(m_dir / "out" / "model.glb");
    // The 50 mm tetrahedron of the fixture, in metres, not the base model's muscle.
    EXPECT_NEAR(model.get(model.find("levator-scapulae-left"))->mesh.bounds().size().x, 0.05f, 1e-4f);
    EXPECT_EQ(model.get(model.find("levator-scapulae-left"))->mesh.triangleCount(), 4u);
    EXPECT_EQ(model.get(model.find("trapezius-descending-left"))->source, "base-model");
    EXPECT_EQ(fs::status(m_dir / "out" / "model.glb").permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write); // a new file is 0600
}

TEST_F(ImportServiceTest, RefusesToReplaceAnExistingFileUnlessTold)
{
    const fs::path out = m_dir / "out" / "model.glb";
    ta::test::writeRawFile(out, "the user's own file");
    bool progressed = false;
    EXPECT_THROW(ta::session::importModelFile(request("model.glb"),
                                              [&](double) {
                                                  progressed = true;
                                                  return true;
                                              }),
                 ta::session::OutputExistsError);
    EXPECT_FALSE(progressed) << "refused before reading anything";
    EXPECT_EQ(readAll(out), "the user's own file");
    EXPECT_EQ(namesIn(m_dir / "out"), (std::set<std::string>{"model.glb"}));

    ta::session::importModelFile(request("model.glb", /*replace=*/true));
    EXPECT_EQ(ta::io::loadModel(out).structures.size(), ta::io::loadModel(kBase).structures.size());
}

TEST_F(ImportServiceTest, AFailedImportWritesNothing)
{
    ta::test::writeRawFile(m_dir / "bp3d" / "FMA7777.stl", "solid broken\n facet normal 0 0 0\n");
    try {
        ta::session::importModelFile(request("model.glb"));
        FAIL() << "a broken file imported";
    } catch (const ta::Error& e) {
        EXPECT_NE(std::string(e.what()).find("FMA7777.stl"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::is_empty(m_dir / "out")) << "no file, no temporary";

    // Replacing: a failure leaves the old file as it was.
    ta::test::writeRawFile(m_dir / "out" / "old.glb", "old");
    EXPECT_THROW(ta::session::importModelFile(request("old.glb", true)), ta::Error);
    EXPECT_EQ(readAll(m_dir / "out" / "old.glb"), "old");
    EXPECT_EQ(namesIn(m_dir / "out"), (std::set<std::string>{"old.glb"}));
}

TEST_F(ImportServiceTest, ProgressNeverGoesBackAndEndsAtOne)
{
    std::vector<double> seen;
    ta::session::importModelFile(request("model.glb"), [&](double f) {
        seen.push_back(f);
        return true;
    });
    ASSERT_GE(seen.size(), 10u) << "the 14 files each report";
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_GE(seen.front(), 0.0);
    EXPECT_LT(seen.front(), 0.1);
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
    EXPECT_EQ(std::count(seen.begin(), seen.end(), 1.0), 1) << "1 only once the file is in place";
    EXPECT_GT(std::set<double>(seen.begin(), seen.end()).size(), 8u) << "it moves while the files are read";
}

TEST_F(ImportServiceTest, CancellingWritesNothing)
{
    int calls = 0;
    EXPECT_THROW(ta::session::importModelFile(request("model.glb"), [&](double f) { return ++calls < 4 && f < 0.5; }),
                 ta::io::ImportCancelled);
    EXPECT_TRUE(fs::is_empty(m_dir / "out"));
}

TEST_F(ImportServiceTest, BadOutputsFailBeforeAnythingIsRead)
{
    EXPECT_THROW(ta::session::checkModelImport(request("model.obj")), ta::ArgumentError);
    ModelImportRequest none = request("x.glb");
    none.output.clear();
    EXPECT_THROW(ta::session::checkModelImport(none), ta::ArgumentError);
    EXPECT_NO_THROW(ta::session::checkModelImport(request("x.glb")));
}

TEST_F(ImportServiceTest, JobRunsOnAWorkerAndReportsTheOutcome)
{
    ta::session::ModelImportJob job(request("model.glb"));
    job.wait();
    ASSERT_TRUE(job.finished());
    ASSERT_TRUE(job.result().has_value()) << job.error();
    EXPECT_EQ(job.result()->report.mapped.size(), 2u);
    EXPECT_DOUBLE_EQ(job.progress(), 1.0);
    EXPECT_TRUE(job.error().empty());
    EXPECT_FALSE(job.cancelled());
    EXPECT_TRUE(fs::exists(m_dir / "out" / "model.glb"));

    // A failure is one line naming the file, and no result.
    ta::test::writeRawFile(m_dir / "bp3d" / "FMA7777.stl", "solid broken\n");
    ta::session::ModelImportJob bad(request("bad.glb"));
    bad.wait();
    EXPECT_FALSE(bad.result().has_value());
    EXPECT_NE(bad.error().find("FMA7777.stl"), std::string::npos) << bad.error();
    EXPECT_FALSE(fs::exists(m_dir / "out" / "bad.glb"));
}

TEST_F(ImportServiceTest, JobCancelledAtOnceWritesNothing)
{
    auto job = std::make_unique<ta::session::ModelImportJob>(request("model.glb"));
    job->cancel();
    job->wait();
    // The import may have been past its last step when the cancel came; then the file is whole.
    if (job->cancelled()) {
        EXPECT_FALSE(job->result().has_value());
        EXPECT_TRUE(job->error().empty());
        EXPECT_TRUE(fs::is_empty(m_dir / "out"));
    } else {
        ASSERT_TRUE(job->result().has_value()) << job->error();
        EXPECT_NO_THROW(ta::io::loadModel(m_dir / "out" / "model.glb"));
    }
    // Destroying a job that runs cancels it and waits: nothing is left behind.
    {
        ta::session::ModelImportJob running(request("gone.glb"));
    }
    for (const auto& name : namesIn(m_dir / "out"))
        EXPECT_TRUE(name == "model.glb" || name == "gone.glb") << name << " left behind";
}

TEST_F(ImportServiceTest, CommandLineGoesThroughTheService)
{
    const fs::path out = m_dir / "out" / "cli.glb";
    const std::string cmd = std::string(TA_APP_EXE) + " import-model " + (m_dir / "bp3d").string() + " --base " +
                            kBase.string() + " --out " + out.string();
    int code = 0;
    std::string text = run(cmd, &code);
    ASSERT_EQ(code, 0) << text;
    const std::string first = readAll(out);

    // The second time the file exists: refused (the service's OutputExistsError), the file untouched.
    text = run(cmd, &code);
    EXPECT_NE(code, 0) << text;
    EXPECT_NE(text.find(out.string() + " exists; give --force to replace it"), std::string::npos) << text;
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
    EXPECT_EQ(readAll(out), first);

    // An output that is not .glb: the service's check, before anything is read.
    text = run(std::string(TA_APP_EXE) + " import-model " + (m_dir / "bp3d").string() + " --out " +
                   (m_dir / "out" / "x.obj").string(),
               &code);
    EXPECT_NE(code, 0) << text;
    EXPECT_NE(text.find("the output must be a .glb file"), std::string::npos) << text;

    text = run(cmd + " --force", &code);
    EXPECT_EQ(code, 0) << text;
    EXPECT_NE(text.find("wrote " + out.string()), std::string::npos) << text;
}

} // namespace
