// The record store across processes: two writers on one database lose nothing, and a writer killed
// with SIGKILL at random moments (200 times) leaves a sound database holding every acknowledged write.
// The writer is tests/tools/records_writer.cpp; it acknowledges a write on its stdout only after the
// committing call returned.
#include "core/records/sqlite_record_store.h"
#include "core/records/sqlite_schema.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;
using namespace ta::core::records;

namespace {

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("ta-records-proc-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

/// A running records_writer with its stdout on a pipe.
class Writer {
public:
    Writer(const fs::path& db, const std::string& prefix, int clients)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        const std::string exe = TA_RECORDS_WRITER_EXE;
        const std::string dbArg = db.string();
        const std::string countArg = std::to_string(clients);
        char* argv[] = {const_cast<char*>(exe.c_str()), const_cast<char*>(dbArg.c_str()),
                        const_cast<char*>(prefix.c_str()), const_cast<char*>(countArg.c_str()), nullptr};
        const int rc = posix_spawn(&m_pid, exe.c_str(), &actions, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        m_fd = fds[0];
        if (rc != 0)
            throw std::runtime_error("cannot start " + exe);
    }
    ~Writer()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_fd >= 0)
            ::close(m_fd);
    }
    void kill() { ::kill(m_pid, SIGKILL); }
    /// Reads stdout until `lines` complete lines have come (or 20 s passed, or the pipe closed).
    void waitForLines(std::size_t lines)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (static_cast<std::size_t>(std::count(m_out.begin(), m_out.end(), '\n')) < lines &&
               std::chrono::steady_clock::now() < deadline) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            char buf[4096];
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n == 0)
                return;
            if (n > 0)
                m_out.append(buf, static_cast<std::size_t>(n));
        }
    }
    /// Reads stdout to its end, reaps the process; returns its exit status (-signal when killed).
    int finish()
    {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n > 0)
                m_out.append(buf, static_cast<std::size_t>(n));
            else if (n == 0 || errno != EINTR)
                break;
        }
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }
    /// Complete lines only: a line cut by the kill was never acknowledged.
    std::vector<std::string> acknowledged() const
    {
        std::vector<std::string> lines;
        std::size_t start = 0;
        for (std::size_t nl; (nl = m_out.find('\n', start)) != std::string::npos; start = nl + 1)
            lines.push_back(m_out.substr(start, nl - start));
        return lines;
    }

private:
    pid_t m_pid = -1;
    int m_fd = -1;
    std::string m_out;
};

struct Acks {
    std::vector<ClientId> clients;
    std::vector<SessionId> sessions;
    std::vector<SessionId> strokes; ///< sessions whose pain stroke was acknowledged
};

void collect(const std::vector<std::string>& lines, Acks& acks)
{
    for (const auto& l : lines) {
        if (l.rfind("C ", 0) == 0)
            acks.clients.emplace_back(l.substr(2));
        else if (l.rfind("S ", 0) == 0)
            acks.sessions.emplace_back(l.substr(2));
        else if (l == "P 8" && !acks.sessions.empty())
            acks.strokes.push_back(acks.sessions.back());
        else
            ADD_FAILURE() << "unexpected line from the writer: " << l;
    }
}

void expectAllPresent(SqliteRecordStore& store, const Acks& acks)
{
    std::size_t missing = 0;
    for (const auto& c : acks.clients)
        missing += !store.client(c);
    for (const auto& s : acks.sessions)
        missing += !store.session(s);
    for (const auto& s : acks.strokes)
        missing += store.listPainMarks(s).size() != 8;
    EXPECT_EQ(missing, 0u) << "acknowledged writes lost";
}

} // namespace

TEST(RecordProcesses, TwoWritersAtOnceLoseNothing)
{
    TempDir dir;
    const fs::path db = dir.path / "records.db";
    constexpr int kEach = 60;
    Writer a(db, "alpha", kEach);
    Writer b(db, "beta", kEach);
    EXPECT_EQ(a.finish(), 0);
    EXPECT_EQ(b.finish(), 0);
    Acks acks;
    collect(a.acknowledged(), acks);
    collect(b.acknowledged(), acks);
    EXPECT_EQ(acks.clients.size(), 2u * kEach);
    EXPECT_EQ(acks.strokes.size(), 2u * kEach);

    SqliteRecordStore store(db, SqliteStoreOptions{.dailyBackup = false});
    EXPECT_EQ(store.integrityCheck(), "ok");
    EXPECT_EQ(store.listClients().size(), 2u * kEach);
    EXPECT_EQ(store.searchClients("alpha", 1000).size(), std::size_t(kEach));
    EXPECT_EQ(store.searchClients("beta", 1000).size(), std::size_t(kEach));
    expectAllPresent(store, acks);
}

TEST(RecordProcesses, KilledWriterLosesNoAcknowledgedWrite)
{
    TempDir dir;
    const fs::path db = dir.path / "records.db";
    std::mt19937 rng(20261201);
    // A quarter of the kills at a random time from the start (during open, migration and the first
    // commits); the rest at a random moment after a random number of acknowledged writes, so the
    // writer is always caught mid-stream however loaded the machine is.
    std::uniform_int_distribution<int> earlyUs(0, 15000), lateUs(0, 3000), acksBefore(1, 40), pick(0, 3);
    constexpr int kKills = 200;
    Acks acks;
    int killed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kKills; ++i) {
        Writer w(db, "kill" + std::to_string(i), 0);
        if (pick(rng) == 0) {
            std::this_thread::sleep_for(std::chrono::microseconds(earlyUs(rng)));
        } else {
            w.waitForLines(static_cast<std::size_t>(acksBefore(rng)));
            std::this_thread::sleep_for(std::chrono::microseconds(lateUs(rng)));
        }
        w.kill();
        const int status = w.finish();
        killed += status == -SIGKILL;
        ASSERT_TRUE(status == -SIGKILL) << "writer " << i << " ended on its own with " << status;
        collect(w.acknowledged(), acks);
        if (i % 50 == 49) { // check along the way too, so a loss is found near its cause
            SqliteRecordStore store(db, SqliteStoreOptions{.dailyBackup = false});
            ASSERT_EQ(store.integrityCheck(), "ok") << "after kill " << i;
            expectAllPresent(store, acks);
        }
    }
    EXPECT_EQ(killed, kKills);
    SqliteRecordStore store(db, SqliteStoreOptions{.dailyBackup = false});
    EXPECT_EQ(store.integrityCheck(), "ok");
    EXPECT_EQ(store.schemaVersion(), kSchemaVersion);
    expectAllPresent(store, acks);
    EXPECT_GE(acks.clients.size() + acks.sessions.size() + acks.strokes.size(), 100u)
        << "the writer hardly wrote: the test proves little";
    std::cout << "[ kill test ] " << kKills << " kills, " << acks.clients.size() << " clients, "
              << acks.sessions.size() << " sessions, " << acks.strokes.size() << " strokes acknowledged, "
              << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count()
              << " s\n";
}
