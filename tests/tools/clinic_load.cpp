// Load on a clinic server: N processes, each a therapist of its own, write M records each (a client, then
// sessions with a finding and a three-mark pain stroke, one call at a time) to one PostgreSQL database.
// Each call's latency is measured; every acknowledged record is checked afterwards from a fresh connection.
//
// Usage: clinic_load CONNINFO-PREFIX DB PROCESSES RECORDS
//   CONNINFO-PREFIX is a libpq key/value string without dbname/user ("host=/tmp/x port=5432"); the
//   database DB must have the clinic schema; logins load_<i> are made as its owner (ta_owner).
// Prints "ack <n> present <n> p50_ms <x> p99_ms <y> max_ms <z> wall_s <w>" and exits 0 when every
// acknowledged record is present, 1 otherwise. Used by tests/pg/pg_load_test.cpp and docs/BENCHMARKS.md.
#include "io/records/clinic_admin.h"
#include "io/records/pg_record_store.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace ta::core::records;
using ta::io::records::PgRecordStore;

namespace {

using Clock = std::chrono::steady_clock;

int child(const std::string& conninfo, int records, const std::string& out)
{
    try {
        PgRecordStore store(conninfo);
        std::ofstream ack(out);
        Client c;
        c.name = "Load client";
        const ClientId client = store.addClient(c);
        ack << "C " << client.str() << "\n" << std::flush;
        for (int i = 1; i < records; ++i) {
            const auto t0 = Clock::now();
            Session s;
            s.client = client;
            s.dateTime = "2026-11-" + std::to_string(10 + i % 18) + "T" + std::to_string(10 + i % 9) + ":00";
            s.reason = "load " + std::to_string(i);
            const SessionId sid = store.addSession(s);
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            ack << "S " << sid.str() << " " << ms << "\n" << std::flush;
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "clinic_load: %s\n", e.what());
        return 2;
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: clinic_load CONNINFO-PREFIX DB PROCESSES RECORDS\n");
        return 2;
    }
    const std::string prefix = argv[1], db = argv[2];
    const int processes = std::stoi(argv[3]), records = std::stoi(argv[4]);
    const std::string base = prefix + " dbname=" + db;
    {
        ta::io::records::PgConnection owner(base + " user=ta_owner");
        for (int i = 0; i < processes; ++i)
            ta::io::records::addTherapist(owner, "load_" + std::to_string(i), "Load " + std::to_string(i), std::nullopt, false);
    }
    const auto start = Clock::now();
    std::vector<pid_t> kids;
    const std::string tmp = "/tmp/clinic_load_" + std::to_string(::getpid()) + "_";
    for (int i = 0; i < processes; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0)
            std::_Exit(child(base + " user=load_" + std::to_string(i), records, tmp + std::to_string(i)));
        kids.push_back(pid);
    }
    int failed = 0;
    for (pid_t k : kids) {
        int status = 0;
        ::waitpid(k, &status, 0);
        failed += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> latencies;
    std::size_t acked = 0, present = 0;
    for (int i = 0; i < processes; ++i) {
        PgRecordStore check(base + " user=load_" + std::to_string(i));
        std::ifstream in(tmp + std::to_string(i));
        std::string kind, id;
        while (in >> kind >> id) {
            ++acked;
            if (kind == "C") {
                present += check.client(ClientId(id)).has_value();
            } else {
                double ms = 0;
                in >> ms;
                latencies.push_back(ms);
                present += check.session(SessionId(id)).has_value();
            }
        }
        std::remove((tmp + std::to_string(i)).c_str());
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, std::size_t(p * double(latencies.size())))];
    };
    std::printf("ack %zu present %zu p50_ms %.2f p99_ms %.2f max_ms %.2f wall_s %.2f failed_processes %d\n", acked, present,
                pct(0.50), pct(0.99), latencies.empty() ? 0.0 : latencies.back(), wall, failed);
    return acked == present && failed == 0 && acked == std::size_t(processes) * std::size_t(records) ? 0 : 1;
}
