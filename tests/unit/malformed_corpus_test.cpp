// The malformed-input corpus (tests/corpus/, made by tests/corpus/make_corpus.py) through the real
// loaders and the command line: every case is refused with one line that names the file, nothing
// crashes, and the user's data (the file itself, the record database) is unchanged. Also a directory,
// a FIFO and an unreadable file where each loader expects a file.
#include "core/anatomy/anatomy_spec.h"
#include "core/bodymap/body_map_json.h"
#include "core/error.h"
#include "core/read_file.h"
#include "core/records/client_exchange.h"
#include "core/records/sqlite_record_store.h"
#include "core/referral/referral_data.h"
#include "io/gltf_reader.h"
#include "io/mesh_import.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace ta;

namespace {

const fs::path kCorpus = fs::path(TA_TEST_DIR) / "corpus";
const fs::path kRoot = fs::path(TA_TEST_DIR).parent_path();

/// expected.tsv: corpus-relative path -> a part of the message the case must get (its reason).
const std::map<std::string, std::string>& expectedParts()
{
    static const std::map<std::string, std::string> parts = [] {
        std::map<std::string, std::string> m;
        std::istringstream in(core::readTextFile(kCorpus / "expected.tsv"));
        for (std::string line; std::getline(in, line);) {
            const auto tab = line.find('\t');
            if (!line.empty() && line[0] != '#' && tab != std::string::npos)
                m[line.substr(0, tab)] = line.substr(tab + 1);
        }
        return m;
    }();
    return parts;
}

/// The part of the message expected for corpus file `c`; fails the test when the case has none.
std::string partFor(const fs::path& c)
{
    const std::string rel = fs::relative(c, kCorpus).string();
    const auto it = expectedParts().find(rel);
    if (it == expectedParts().end()) {
        ADD_FAILURE() << rel << " has no line in tests/corpus/expected.tsv (run make_corpus.py)";
        return "";
    }
    return it->second;
}

std::vector<fs::path> casesIn(const fs::path& dir)
{
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file())
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

class Corpus : public ::testing::Test {
protected:
    fs::path work;
    void SetUp() override
    {
        work = fs::temp_directory_path() / ("ta-corpus-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(work);
        fs::create_directories(work);
    }
    void TearDown() override { fs::remove_all(work); }

    /// `load(file)` must throw a ta::Error of one line starting with `named` ("FILE: ") and containing
    /// `part`, and leave the file's bytes as they were.
    static void expectRefused(const fs::path& file, const fs::path& named, const std::function<void()>& load,
                              const std::string& part = "")
    {
        std::string before;
        if (fs::is_regular_file(file))
            before = core::readTextFile(file);
        try {
            load();
            ADD_FAILURE() << file << " was accepted";
        } catch (const Error& e) {
            const std::string what = e.what();
            EXPECT_EQ(what.rfind(named.string() + ":", 0), 0u) << file << ": " << what;
            EXPECT_NE(what.find(part), std::string::npos) << file << ": expected \"" << part << "\" in: " << what;
            EXPECT_EQ(what.find('\n'), std::string::npos) << file << ": " << what;
            EXPECT_LT(what.size(), 600u) << file << ": the message is not one clear line";
        } catch (const std::exception& e) {
            ADD_FAILURE() << file << ": not a ta::Error: " << e.what();
        }
        if (fs::is_regular_file(file)) {
            EXPECT_EQ(core::readTextFile(file), before) << file << " was changed";
        }
    }

    /// Copies `from` (a folder of the assets) to work/<name> and replaces `file` in it by `with`.
    fs::path assetsWith(const fs::path& from, const std::string& name, const std::string& file, const fs::path& with)
    {
        fs::path dir = work / name;
        fs::remove_all(dir);
        fs::copy(from, dir, fs::copy_options::recursive);
        fs::copy_file(with, dir / file, fs::copy_options::overwrite_existing);
        return dir;
    }

    /// The places where a file is expected but something else is: a directory, a FIFO.
    std::vector<fs::path> nonFiles(const std::string& name)
    {
        const fs::path folder = work / ("folder-" + name);
        fs::create_directories(folder);
        const fs::path fifo = work / ("fifo-" + name);
        EXPECT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
        return {folder, fifo};
    }
};

struct CliResult {
    int code = 0;
    std::string err;
};

CliResult runApp(const std::string& args)
{
    const std::string errFile = (fs::temp_directory_path() / ("ta-corpus-err-" + std::to_string(::getpid()))).string();
    const std::string cmd = std::string("'") + TA_APP_EXE + "' " + args + " >/dev/null 2>'" + errFile + "' </dev/null";
    const int status = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.err = core::readTextFile(errFile);
    fs::remove(errFile);
    return r;
}

} // namespace

// The controls: the valid files every case is a mutation of load, so a case fails for its own reason.
TEST_F(Corpus, TheValidBasesLoad)
{
    EXPECT_EQ(io::loadModel(kCorpus / "valid/triangle.glb").structures.size(), 1u);
    EXPECT_EQ(io::loadModel(kCorpus / "valid/triangle.gltf").structures.size(), 1u);
    EXPECT_EQ(core::loadBodyMap(kCorpus / "valid/body-map.json").sessions.size(), 1u);
    namespace rec = core::records;
    rec::SqliteStoreOptions o;
    o.dailyBackup = false;
    rec::SqliteRecordStore store(work / "records.db", o);
    rec::importClientFile(store, kCorpus / "valid/client.json");
    ASSERT_EQ(store.listClients().size(), 1u);
    EXPECT_EQ(store.listSessions(store.listClients()[0].id).size(), 1u);
    EXPECT_EQ(expectedParts().size(), 70u) << "tests/corpus/expected.tsv: one line per case";
}

TEST_F(Corpus, EveryModelCaseIsOneLineNamingTheFile)
{
    int n = 0;
    for (const char* kind : {"glb", "gltf"})
        for (const auto& c : casesIn(kCorpus / kind)) {
            const fs::path copy = work / c.filename();
            fs::copy_file(c, copy, fs::copy_options::overwrite_existing);
            expectRefused(
                copy, copy, [&] { io::loadModel(copy); }, partFor(c));
            ++n;
        }
    for (const auto& p : nonFiles("model.glb"))
        expectRefused(p, p, [&] { io::loadModel(p); });
    EXPECT_GE(n, 25);
}

// Mesh files for the model importer: refused before Assimp, which hangs on some of them.
TEST_F(Corpus, EveryMeshCaseIsRefusedBeforeAssimpHangs)
{
    for (const auto& c : casesIn(kCorpus / "mesh"))
        expectRefused(
            c, c, [&] { io::importMeshFile(c); }, partFor(c));
}

TEST_F(Corpus, EveryBodyMapCaseIsOneLineNamingTheFile)
{
    int n = 0;
    for (const auto& c : casesIn(kCorpus / "bodymap")) {
        expectRefused(
            c, c, [&] { core::loadBodyMap(c); }, partFor(c));
        ++n;
    }
    for (const auto& p : nonFiles("map.json"))
        expectRefused(p, p, [&] { core::loadBodyMap(p); });
    EXPECT_GE(n, 10);
}

TEST_F(Corpus, EveryClientFileCaseChangesNothingInTheStore)
{
    namespace rec = core::records;
    rec::SqliteStoreOptions o;
    o.dailyBackup = false;
    rec::SqliteRecordStore store(work / "records.db", o);
    rec::Client jane;
    jane.name = "Jane Doe";
    store.addClient(jane);
    for (const auto& c : casesIn(kCorpus / "client"))
        expectRefused(
            c, c, [&] { rec::importClientFile(store, c); }, partFor(c));
    for (const auto& c : casesIn(kCorpus / "bodymap")) // not client files: refused, whatever the reason
        expectRefused(c, c, [&] { rec::importClientFile(store, c); });
    for (const auto& p : nonFiles("client.json"))
        expectRefused(p, p, [&] { rec::importClientFile(store, p); });
    const auto clients = store.listClients();
    ASSERT_EQ(clients.size(), 1u);
    EXPECT_EQ(clients[0].name, "Jane Doe");
    EXPECT_TRUE(store.listSessions(clients[0].id).empty());
}

TEST_F(Corpus, EverySpecificationCaseNamesTheReplacedFile)
{
    int n = 0;
    for (const auto& fileDir : fs::directory_iterator(kCorpus / "anatomy")) {
        const std::string file = fileDir.path().filename().string() + ".json";
        for (const auto& c : casesIn(fileDir.path())) {
            const fs::path dir = assetsWith(kRoot / "assets/anatomy", "anatomy", file, c);
            expectRefused(
                dir / file, dir / file, [&] { core::anatomy::AnatomySpec::load(dir); }, partFor(c));
            ++n;
        }
    }
    EXPECT_GE(n, 5);
    fs::remove_all(work / "anatomy");
    fs::copy(kRoot / "assets/anatomy", work / "anatomy", fs::copy_options::recursive);
    fs::remove(work / "anatomy/landmarks.json");
    ASSERT_EQ(::mkfifo((work / "anatomy/landmarks.json").c_str(), 0600), 0);
    expectRefused(work / "anatomy/landmarks.json", work / "anatomy/landmarks.json",
                  [&] { core::anatomy::AnatomySpec::load(work / "anatomy"); });
}

TEST_F(Corpus, EveryTriggerPointDataCaseNamesTheReplacedFile)
{
    int n = 0;
    for (const auto& fileDir : fs::directory_iterator(kCorpus / "data")) {
        const std::string file = fileDir.path().filename().string() + ".json";
        for (const auto& c : casesIn(fileDir.path())) {
            const fs::path dir = assetsWith(kRoot / "assets/data", "data", file, c);
            expectRefused(
                dir / file, dir / file, [&] { core::ReferralData::load(dir); }, partFor(c));
            ++n;
        }
    }
    EXPECT_GE(n, 4);
    fs::remove_all(work / "data");
    fs::copy(kRoot / "assets/data", work / "data", fs::copy_options::recursive);
    fs::remove_all(work / "data/trigger-points.json");
    fs::create_directories(work / "data/trigger-points.json");
    expectRefused(work / "data/trigger-points.json", work / "data/trigger-points.json",
                  [&] { core::ReferralData::load(work / "data"); });
}

TEST_F(Corpus, AnUnreadableFileIsOneLineNamingIt)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "running as root: permissions do not stop root from reading; case not checked";
    const fs::path map = work / "locked.json";
    fs::copy_file(kCorpus / "bodymap/truncated.json", map);
    ::chmod(map.c_str(), 0);
    expectRefused(map, map, [&] { core::loadBodyMap(map); });
    const fs::path model = work / "locked.glb";
    fs::copy_file(kCorpus / "glb/truncated.glb", model);
    ::chmod(model.c_str(), 0);
    expectRefused(model, model, [&] { io::loadModel(model); });
}

// The same through the command line: exit status 1, one line on stderr naming the file, nothing else.
TEST_F(Corpus, TheCommandLineRefusesEachCaseInOneLine)
{
    std::vector<std::pair<fs::path, std::string>> runs; // file, arguments
    for (const auto& c : casesIn(kCorpus / "bodymap"))
        runs.emplace_back(c, "lookup --tags '" + c.string() + "'");
    const fs::path db = work / "cli.db";
    for (const auto& c : casesIn(kCorpus / "client"))
        runs.emplace_back(c, "import --db '" + db.string() + "' '" + c.string() + "'");
    const fs::path fifo = work / "fifo.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    runs.emplace_back(fifo, "lookup --tags '" + fifo.string() + "'");
    runs.emplace_back(work, "import --db '" + db.string() + "' '" + work.string() + "'");
    int n = 0;
    for (const auto& [file, args] : runs) {
        const std::string before = fs::is_regular_file(file) ? core::readTextFile(file) : "";
        const CliResult r = runApp(args);
        EXPECT_EQ(r.code, 1) << args << ": " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
        EXPECT_NE(r.err.find(file.string() + ":"), std::string::npos) << args << ": " << r.err;
        EXPECT_EQ(r.err.find("unexpected error"), std::string::npos) << args << ": " << r.err;
        if (fs::is_regular_file(file)) {
            EXPECT_EQ(core::readTextFile(file), before) << file;
        }
        ++n;
    }
    EXPECT_GE(n, 20);
}

TEST_F(Corpus, TheCommandLineRefusesBrokenModelsAndOversizedImagesInOneLine)
{
    core::BodyMap map;
    map.addPainMark("2026-11-22",
                    {.structure = "skin", .position = {0.06f, 1.68f, 0.05f}, .radius = 0.03f, .intensity = 6});
    const fs::path good = work / "good.json";
    core::saveBodyMap(map, good);
    for (const auto& c : casesIn(kCorpus / "glb")) {
        const CliResult r = runApp("lookup --tags '" + good.string() + "' --model '" + c.string() + "'");
        EXPECT_EQ(r.code, 1) << c << ": " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c << ": " << r.err;
        EXPECT_NE(r.err.find(c.string() + ":"), std::string::npos) << c << ": " << r.err;
    }
    // --size is checked before anything is rendered: 8192x8192 used to take 7.6 GB, then fail.
    const CliResult big = runApp("--screenshot '" + (work / "big.png").string() + "' --size 8192x8192");
    EXPECT_NE(big.code, 0);
    EXPECT_NE(big.err.find("8192x8192"), std::string::npos) << big.err;
    EXPECT_NE(big.err.find("at most 16777216 pixels"), std::string::npos) << big.err;
    EXPECT_FALSE(fs::exists(work / "big.png"));
    // --screenshot onto a device or a FIFO is refused before rendering, and the node stays.
    const fs::path fifo = work / "shot.png";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const CliResult onFifo = runApp("--screenshot '" + fifo.string() + "' --size 64x64");
    EXPECT_NE(onFifo.code, 0);
    EXPECT_NE(onFifo.err.find(fifo.string() + ": is a FIFO, not replaced"), std::string::npos) << onFifo.err;
    EXPECT_TRUE(fs::is_fifo(fifo));
}
