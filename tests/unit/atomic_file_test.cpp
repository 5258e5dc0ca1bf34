// The one atomic-write routine (core/atomic_file.h): modes, symlinks, refusals, backups, stale
// temporaries, and 200 random SIGKILLs of a process saving.
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/read_file.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

namespace fs = std::filesystem;
using namespace ta;

namespace {

class AtomicFileTest : public ::testing::Test {
protected:
    fs::path dir;
    void SetUp() override
    {
        dir = fs::temp_directory_path() / ("ta-atomic-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    int temporaries() const
    {
        int n = 0;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().filename().string().find(".tmp-") != std::string::npos)
                ++n;
        return n;
    }
};

mode_t modeOf(const fs::path& p)
{
    struct stat st = {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 07777;
}

std::string message(const std::function<void()>& f)
{
    try {
        f();
    } catch (const IoError& e) {
        return e.what();
    }
    return "(no IoError)";
}

/// A self-checking document: "<n>:<n copies of 'x'>:end\n". Whole means it parses and the count fits.
std::string document(int n)
{
    return std::to_string(n) + ":" + std::string(static_cast<std::size_t>(n), 'x') + ":end\n";
}

bool whole(const std::string& text)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos)
        return false;
    const int n = std::stoi(text.substr(0, colon));
    return text == document(n);
}

} // namespace

TEST_F(AtomicFileTest, NewFilesArePrivateAndExistingModesStay)
{
    const fs::path f = dir / "map.json";
    core::writeFileAtomically(f, "one");
    EXPECT_EQ(modeOf(f), 0600u);
    ::chmod(f.c_str(), 0640);
    core::writeFileAtomically(f, "two", true);
    EXPECT_EQ(modeOf(f), 0640u);
    EXPECT_EQ(core::readTextFile(f), "two");
    ::chmod(f.c_str(), 0600);
    core::writeFileAtomically(f, "three", true);
    EXPECT_EQ(modeOf(f), 0600u);
    EXPECT_EQ(core::readTextFile(f.string() + ".bak"), "two");
    EXPECT_EQ(temporaries(), 0);
}

TEST_F(AtomicFileTest, WritesThroughASymlinkToItsTarget)
{
    fs::create_directories(dir / "real");
    const fs::path real = dir / "real" / "map.json";
    core::writeFileAtomically(real, "old");
    fs::create_symlink("real/map.json", dir / "link.json");
    core::writeFileAtomically(dir / "link.json", "new", true);
    EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
    EXPECT_EQ(core::readTextFile(real), "new");
    EXPECT_EQ(core::readTextFile(dir / "real" / "map.json.bak"), "old");
    EXPECT_FALSE(fs::exists(dir / "link.json.bak"));
    // A dangling link is written through too: the file it names appears.
    fs::create_symlink("real/new.png", dir / "dangling.png");
    core::writeFileAtomically(dir / "dangling.png", "png");
    EXPECT_TRUE(fs::is_symlink(dir / "dangling.png"));
    EXPECT_EQ(core::readTextFile(dir / "real" / "new.png"), "png");
}

TEST_F(AtomicFileTest, RefusesToReplaceWhatIsNotARegularFile)
{
    fs::create_directories(dir / "folder");
    EXPECT_EQ(message([&] { core::writeFileAtomically(dir / "folder", "x"); }),
              (dir / "folder").string() + ": is a directory, not replaced");
    ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
    EXPECT_EQ(message([&] { core::writeFileAtomically(dir / "fifo", "x"); }),
              (dir / "fifo").string() + ": is a FIFO, not replaced");
    EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
    EXPECT_EQ(message([&] { core::writeFileAtomically("/dev/null", "x"); }),
              "/dev/null: is a character device, not replaced");
    fs::create_symlink("/dev/null", dir / "null-link");
    EXPECT_EQ(message([&] { core::writeFileAtomically(dir / "null-link", "x"); }),
              (dir / "null-link").string() + ": is a character device, not replaced");
    EXPECT_EQ(temporaries(), 0);
}

TEST_F(AtomicFileTest, NoReplaceRefusesAnExistingFileAndKeepsIt)
{
    const fs::path f = dir / "report.pdf";
    core::writeFileAtomically(f, "first");
    core::AtomicWriteOptions o;
    o.replace = false;
    EXPECT_EQ(message([&] { core::writeFileAtomically(f, "second", o); }), f.string() + ": exists (not replaced)");
    EXPECT_EQ(core::readTextFile(f), "first");
    core::writeFileAtomically(dir / "other.pdf", "new", o);
    EXPECT_EQ(core::readTextFile(dir / "other.pdf"), "new");
}

TEST_F(AtomicFileTest, AnUncommittedWriteLeavesTheTargetAndNoTemporary)
{
    const fs::path f = dir / "map.json";
    core::writeFileAtomically(f, "kept");
    {
        core::AtomicFile out(f);
        out.write("half");
        EXPECT_EQ(temporaries(), 1);
    }
    EXPECT_EQ(core::readTextFile(f), "kept");
    EXPECT_EQ(temporaries(), 0);
}

TEST_F(AtomicFileTest, StaleTemporariesGoOnTheNextWriteButLiveOnesStay)
{
    const fs::path f = dir / "map.json";
    for (const char* stale : {".map.json.tmp-AAAAAA", ".map.json.tmp-BBBBBB"})
        core::writeFileAtomically(dir / stale, "stale"); // unlocked: their writer is gone
    core::writeFileAtomically(dir / "other.json.tmp-CCCCCC", "not ours");
    // A live writer's temporary is locked and must survive another writer's clean-up.
    core::AtomicFile live(f);
    live.write("live");
    core::writeFileAtomically(f, "saved");
    EXPECT_FALSE(fs::exists(dir / ".map.json.tmp-AAAAAA"));
    EXPECT_FALSE(fs::exists(dir / ".map.json.tmp-BBBBBB"));
    EXPECT_TRUE(fs::exists(dir / "other.json.tmp-CCCCCC"));
    EXPECT_TRUE(fs::exists(live.tempPath()));
    live.commit();
    EXPECT_EQ(core::readTextFile(f), "live");
}

TEST_F(AtomicFileTest, ReadRefusesFifosDirectoriesAndHugeFilesBeforeReading)
{
    ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
    EXPECT_EQ(message([&] { core::readTextFile(dir / "fifo"); }),
              (dir / "fifo").string() + ": is a FIFO, not a regular file"); // and does not hang
    EXPECT_EQ(message([&] { core::readTextFile(dir); }), dir.string() + ": is a directory, not a file");
    core::writeFileAtomically(dir / "big", std::string(2000, 'a'));
    EXPECT_EQ(message([&] { core::readTextFile(dir / "big", 1000); }),
              (dir / "big").string() + ": too large (2000 bytes; the limit is 1000)");
    EXPECT_EQ(core::readTextFile(dir / "big", 2000).size(), 2000u);
}

// 200 SIGKILLs at random moments of a child saving with a backup: after each, the file and its .bak are
// whole documents, the mode stays 0640, and the next write leaves no temporary behind.
TEST_F(AtomicFileTest, TwoHundredRandomKillsNeverLeaveAHalfFileOrATemporary)
{
    const fs::path f = dir / "map.json";
    core::writeFileAtomically(f, document(1));
    core::writeFileAtomically(f, document(2), true);
    ::chmod(f.c_str(), 0640);
    std::mt19937 rng(15);
    int killedMidWrite = 0;
    for (int round = 0; round < 200; ++round) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            // Sizes up to 300 KB so that kills land inside writes, not only between them.
            for (int i = 0;; ++i) {
                try {
                    core::writeFileAtomically(f, document(1000 + (i * 7919 + round * 104729) % 300000), true);
                } catch (...) {
                    ::_exit(3);
                }
            }
        }
        ::usleep(std::uniform_int_distribution<int>(0, 20000)(rng));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the saving child stopped by itself in round " << round;
        if (temporaries() > 0)
            ++killedMidWrite;
        const std::string file = core::readTextFile(f);
        const std::string bak = core::readTextFile(f.string() + ".bak");
        ASSERT_TRUE(whole(file)) << "round " << round << ": the file is not whole (" << file.size() << " bytes)";
        ASSERT_TRUE(whole(bak)) << "round " << round << ": the .bak is not whole (" << bak.size() << " bytes)";
        ASSERT_EQ(modeOf(f), 0640u) << "round " << round;
    }
    core::writeFileAtomically(f, document(3), true);
    EXPECT_EQ(temporaries(), 0);
    EXPECT_EQ(core::readTextFile(f), document(3));
    EXPECT_GT(killedMidWrite, 0) << "no kill landed inside a write: the test proved nothing";
}

TEST_F(AtomicFileTest, ABakThatIsTheFileItselfLeavesNoTemporary)
{
    // A writer killed between making the .bak and replacing the file leaves the .bak as a second name of
    // the file itself. rename() between two names of one file succeeds and removes neither, so the next
    // save must still remove its temporary (this left one behind, now and then, in the kill test).
    const fs::path f = dir / "map.json";
    core::writeFileAtomically(f, document(1));
    ASSERT_EQ(::link(f.c_str(), (f.string() + ".bak").c_str()), 0);
    core::writeFileAtomically(f, document(2), true);
    EXPECT_EQ(temporaries(), 0);
    EXPECT_EQ(core::readTextFile(f), document(2));
    EXPECT_EQ(core::readTextFile(f.string() + ".bak"), document(1));
}
