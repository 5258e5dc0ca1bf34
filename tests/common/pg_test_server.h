#pragma once
// The PostgreSQL server of the pg tests. CTest starts one for the whole run (the fixture in
// tests/CMakeLists.txt runs tests/tools/pg_test_server.sh and passes its directory in TA_TEST_PG_DIR); a
// test binary run by hand without it starts its own and stops it at exit. Either way it is a throwaway
// cluster on a Unix socket and 127.0.0.1 only, superuser "ta_owner".
//
// Each test makes its own clinic database (freshClinic) and its own therapist logins (logins are
// cluster-wide, so they carry a random suffix).
#include "io/records/pg_connection.h"
#include "io/records/pg_schema.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace ta::testing_pg {

class PgTestServer {
public:
    static PgTestServer& shared()
    {
        static PgTestServer server;
        return server;
    }

    const std::string& dir() const { return m_dir; }
    const std::string& port() const { return m_port; }

    /// A libpq key/value string for `db` as `user` over the Unix socket.
    std::string conninfo(const std::string& db, const std::string& user = "ta_owner") const
    {
        return "host=" + m_dir + " port=" + m_port + " dbname=" + db + " user=" + user;
    }
    /// The same as a URI over TCP on 127.0.0.1 (asks for a password).
    std::string tcpUri(const std::string& db, const std::string& user) const
    {
        return "postgresql://" + user + "@127.0.0.1:" + m_port + "/" + db + "?sslmode=disable";
    }

    /// A random lower-case suffix for names that must not collide between tests.
    static std::string suffix()
    {
        static std::mt19937_64 rng{std::random_device{}()};
        return std::to_string(rng() % 100000000);
    }

    /// Creates an empty database with the clinic schema (as the owner) and returns its name.
    std::string freshClinic()
    {
        const std::string name = "clinic_" + suffix();
        {
            io::records::PgConnection admin(conninfo("postgres"));
            admin.exec("CREATE DATABASE " + name);
        }
        io::records::PgConnection owner(conninfo(name));
        io::records::initClinic(owner);
        return name;
    }

    /// Runs tests/tools/pg_test_server.sh `what` (crash, resume) on this server.
    void control(const std::string& what) const
    {
        const std::string cmd = std::string(TA_PG_SERVER_SCRIPT) + " " + what + " " + m_dir;
        if (std::system(cmd.c_str()) != 0)
            throw std::runtime_error("pg test server: " + cmd + " failed");
    }

    /// Stops the server as a power cut would (pg_ctl stop -m immediate) until the returned guard's
    /// resume() or its end, so the tests after one that fails still find a server.
    class Outage {
    public:
        explicit Outage(const PgTestServer& server) : m_server(server) { m_server.control("crash"); }
        Outage(const Outage&) = delete;
        Outage& operator=(const Outage&) = delete;
        ~Outage() { resume(); }
        void resume()
        {
            if (m_down)
                m_server.control("resume");
            m_down = false;
        }

    private:
        const PgTestServer& m_server;
        bool m_down = true;
    };
    [[nodiscard]] Outage crash() const { return Outage(*this); }

    /// psql as `user` on `db`, one SQL string; returns its output (unaligned, tuples only) and exit status.
    std::pair<int, std::string> psql(const std::string& db, const std::string& user, const std::string& sql) const
    {
        const auto out = std::filesystem::temp_directory_path() / ("ta-psql-" + suffix() + ".txt");
        const auto in = std::filesystem::temp_directory_path() / ("ta-psql-" + suffix() + ".sql");
        std::ofstream(in) << sql;
        const std::string cmd = "psql -X -q -At -v ON_ERROR_STOP=1 -h " + m_dir + " -p " + m_port + " -U " + user + " -d " +
                                db + " -f " + in.string() + " > " + out.string() + " 2>&1";
        const int rc = std::system(cmd.c_str());
        std::ifstream f(out);
        std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        std::filesystem::remove(out);
        std::filesystem::remove(in);
        return {rc, text};
    }

private:
    PgTestServer()
    {
        if (const char* d = std::getenv("TA_TEST_PG_DIR"); d && *d) {
            m_dir = d;
        } else {
            m_dir = (std::filesystem::temp_directory_path() / ("ta-pg-" + suffix())).string();
            const std::string cmd = std::string(TA_PG_SERVER_SCRIPT) + " start " + m_dir;
            if (std::system(cmd.c_str()) != 0)
                throw std::runtime_error("could not start a PostgreSQL test server: " + cmd);
            m_own = true;
        }
        std::ifstream p(m_dir + "/port");
        p >> m_port;
        if (m_port.empty())
            throw std::runtime_error("pg test server in " + m_dir + " has no port file");
    }
    ~PgTestServer()
    {
        if (m_own) {
            const std::string cmd = std::string(TA_PG_SERVER_SCRIPT) + " stop " + m_dir;
            [[maybe_unused]] const int rc = std::system(cmd.c_str());
        }
    }

    std::string m_dir;
    std::string m_port;
    bool m_own = false;
};

} // namespace ta::testing_pg
