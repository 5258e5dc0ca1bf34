// The command line's error paths: run the built trigger-atlas with bad values and check that it exits
// non-zero with exactly one line naming the value or file and the reason (no GL context needed: values are
// checked before any rendering starts).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {

struct AppRun {
    int code = -1;
    std::string out;
    std::string err;
};

std::filesystem::path scratch()
{
    const std::filesystem::path dir = std::filesystem::path(TA_BUILD_DIR) / "cli-test";
    std::filesystem::create_directories(dir);
    return dir;
}

std::string slurp(const std::filesystem::path& p)
{
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

AppRun runApp(const std::string& args)
{
    const std::filesystem::path out = scratch() / "stdout.txt";
    const std::filesystem::path err = scratch() / "stderr.txt";
    const std::string command = std::string("\"") + TA_APP_EXE + "\" " + args + " > \"" + out.string() +
                                "\" 2> \"" + err.string() + "\" < /dev/null";
    const int status = std::system(command.c_str());
    AppRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

std::size_t lineCount(const std::string& s)
{
    std::size_t n = 0;
    for (char c : s)
        n += c == '\n';
    return n;
}

void expectOneLineError(const AppRun& r, std::initializer_list<const char*> mustContain)
{
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.code, -1) << "crashed";
    EXPECT_EQ(lineCount(r.err), 1u) << "stderr: " << r.err;
    for (const char* s : mustContain)
        EXPECT_NE(r.err.find(s), std::string::npos) << "missing '" << s << "' in: " << r.err;
}

} // namespace

TEST(CliTest, HelpListsTheOffscreenOptions)
{
    const AppRun r = runApp("--help");
    EXPECT_EQ(r.code, 0);
    for (const char* s : {"--screenshot", "--view", "--size", "--model", "--bench"})
        EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST(CliTest, VersionPrintsTheVersion)
{
    const AppRun r = runApp("--version");
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find(std::string("trigger-atlas ") + TA_VERSION), std::string::npos) << r.out;
}

TEST(CliTest, UnknownViewNamesItAndSuggestsTheClosest)
{
    const AppRun r = runApp("--screenshot x.png --view posteror");
    expectOneLineError(r, {"'posteror'", "did you mean 'posterior'"});
}

TEST(CliTest, MalformedSizeIsNamed)
{
    for (const char* bad : {"1600", "1600x", "x1000", "16OOx1000", "1600x1000x3", "0x100", "99999x100"}) {
        const AppRun r = runApp(std::string("--screenshot x.png --size ") + bad);
        SCOPED_TRACE(bad);
        expectOneLineError(r, {"malformed size", bad});
    }
}

TEST(CliTest, MissingModelFileIsNamed)
{
    const std::filesystem::path missing = scratch() / "no-such-model.glb";
    const AppRun r = runApp("--screenshot x.png --model \"" + missing.string() + "\"");
    expectOneLineError(r, {"no-such-model.glb", "not found"});
}

TEST(CliTest, CorruptModelFileIsNamed)
{
    const std::filesystem::path corrupt = scratch() / "corrupt.glb";
    {
        std::ofstream out(corrupt, std::ios::binary);
        out << "glTF this is not a binary glTF at all";
    }
    const AppRun r = runApp("--screenshot x.png --model \"" + corrupt.string() + "\"");
    expectOneLineError(r, {"corrupt.glb"});
    EXPECT_FALSE(std::filesystem::exists("x.png"));
}

TEST(CliTest, BadSamplesValueIsRejected)
{
    expectOneLineError(runApp("--screenshot x.png --samples 0"), {"--samples"});
    expectOneLineError(runApp("--no-such-option"), {"--no-such-option"});
}
