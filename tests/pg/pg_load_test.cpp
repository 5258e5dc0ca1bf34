// Eight processes writing to one clinic server at once: every acknowledged write is there afterwards.
// (The same tool with 500 records each gives the latency figures in docs/BENCHMARKS.md; no timing here.)
#include "pg_test_server.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>

TEST(ClinicLoad, EightWritersLoseNoAcknowledgedRecord)
{
    auto& server = ta::testing_pg::PgTestServer::shared();
    const std::string db = server.freshClinic();
    const std::string cmd = std::string(TA_CLINIC_LOAD_EXE) + " 'host=" + server.dir() + " port=" + server.port() + "' " + db +
                            " 8 40 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
    ASSERT_TRUE(pipe);
    std::string out;
    std::array<char, 512> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe.get()))
        out += buf.data();
    const int rc = ::pclose(pipe.release());
    EXPECT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("ack 320 present 320"), std::string::npos) << out;
}
