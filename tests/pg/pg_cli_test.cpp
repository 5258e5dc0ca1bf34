// The clinic commands end to end, as a clinic sets itself up: one command for the server side, one for
// each therapist, then sharing, the audit trail and copying a laptop's records onto the server.
#include "core/records/sqlite_schema.h"
#include "pg_test_server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>

using ta::testing_pg::PgTestServer;

namespace {

struct CommandResult {
    int rc;
    std::string out;
};

CommandResult run(const std::string& args, const std::string& input = {})
{
    const std::string cmd = (input.empty() ? std::string() : "printf '%s\\n' '" + input + "' | ") + TA_APP_EXE + " " +
                            args + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
    std::string out;
    std::array<char, 512> buf{};
    while (pipe && std::fgets(buf.data(), buf.size(), pipe.get()))
        out += buf.data();
    const int status = ::pclose(pipe.release());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string lastWord(const std::string& s)
{
    std::istringstream in(s);
    std::string w, last;
    while (in >> w)
        last = w;
    return last;
}

} // namespace

TEST(ClinicCommands, SetUpTherapistsShareAuditAndCopy)
{
    auto& server = PgTestServer::shared();
    const std::string db = "clinic_cli_" + PgTestServer::suffix();
    server.psql("postgres", "ta_owner", "CREATE DATABASE " + db + ";");
    const std::string at = "host=" + server.dir() + " port=" + server.port() + " dbname=" + db;
    auto as = [&](const std::string& user) { return "--db '" + at + " user=" + user + "'"; };

    CommandResult r = run("clinic init " + as("ta_owner"));
    ASSERT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(r.out.find("version " + std::to_string(ta::core::records::kSchemaVersion)), std::string::npos) << r.out;
    EXPECT_NE(run("clinic init " + as("ta_owner")).out.find("already"), std::string::npos);

    const std::string anna = "anna_" + PgTestServer::suffix(), ben = "ben_" + PgTestServer::suffix();
    r = run("clinic add-therapist " + as("ta_owner") + " --login " + anna + " --name 'Anna Adler' --password-stdin",
            "first-Secret-1");
    ASSERT_EQ(r.rc, 0) << r.out;
    r = run("clinic add-therapist " + as("ta_owner") + " --login " + ben + " --name 'Ben Berg' --no-password");
    ASSERT_EQ(r.rc, 0) << r.out;
    r = run("clinic therapists " + as(anna));
    EXPECT_NE(r.out.find(anna + "\tAnna Adler\ttherapist"), std::string::npos) << r.out;
    // A therapist cannot add therapists: the server refuses.
    r = run("clinic add-therapist " + as(anna) + " --login mallory --name Mallory --no-password");
    EXPECT_NE(r.rc, 0);
    EXPECT_NE(r.out.find("only the clinic's owner or an admin"), std::string::npos) << r.out;

    r = run("client add " + as(anna) + " --name 'Carla Client'");
    ASSERT_EQ(r.rc, 0) << r.out;
    const std::string client = lastWord(r.out);
    EXPECT_EQ(run("client list " + as(ben)).out, "");
    r = run("client share " + as(anna) + " --client " + client + " --with " + ben);
    ASSERT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(run("client list " + as(ben)).out.find("Carla Client"), std::string::npos);
    r = run("client unshare " + as(anna) + " --client " + client + " --with " + ben);
    EXPECT_NE(r.out.find("no longer shared"), std::string::npos) << r.out;
    EXPECT_EQ(run("client list " + as(ben)).out, "");

    r = run("audit " + as(anna) + " --client " + client);
    ASSERT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(r.out.find("\t" + anna + "\tlocal\tcreate\tclients\t" + client), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\t" + ben + "\tlocal\tread\tclients"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\tunshare\tclient_shares\t" + ben), std::string::npos) << r.out;

    // A laptop's file onto the server, twice: the second copy changes nothing.
    const auto file = std::filesystem::temp_directory_path() / ("ta-laptop-" + PgTestServer::suffix() + ".db");
    r = run("client add --db " + file.string() + " --name 'Dora Datei'");
    ASSERT_EQ(r.rc, 0) << r.out;
    r = run("records copy --from " + file.string() + " --to '" + at + " user=" + anna + "'");
    ASSERT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(r.out.find("copied\t"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 of 1 clients copied"), std::string::npos) << r.out;
    r = run("records copy --from " + file.string() + " --to '" + at + " user=" + anna + "'");
    EXPECT_NE(r.out.find("unchanged\t"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("0 of 1 clients copied"), std::string::npos) << r.out;
    EXPECT_NE(run("client list " + as(anna)).out.find("Dora Datei"), std::string::npos);
    std::filesystem::remove(file);

    // A server that is not there: one line naming it, no password in it.
    r = run("client list --db 'host=" + server.dir() + " port=1 dbname=" + db + " user=" + anna + "'");
    EXPECT_NE(r.rc, 0);
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
    EXPECT_NE(r.out.find("cannot connect"), std::string::npos) << r.out;
}
