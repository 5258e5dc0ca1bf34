// The record store at practice scale: 10,000 clients with 20 sessions each (200,000 sessions, each with
// 3 findings and 5 pain marks). The database is generated once, in one transaction, and cached in
// /tmp/ta-records-bench-v<schema>.db so repeated runs start at once (delete it to regenerate).
// Aims: list all clients < 100 ms; a search as you type for a 3-letter prefix < 10 ms.
//
//   ./build/tests/benchmarks --benchmark_filter=Records
#include "core/records/sqlite_db.h"
#include "core/records/sqlite_record_store.h"
#include "core/records/sqlite_schema.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

namespace {

using namespace ta::core::records;
namespace fs = std::filesystem;

constexpr int kClients = 10000;
constexpr int kSessionsEach = 20;

const char* const kFirst[] = {"Anna", "Marta", "Markus", "Maria", "Jonas", "Lena", "Paul", "Sofia", "Felix",
                              "Emma", "Lukas", "Mia", "Ben", "Hannah", "Elias", "Lea", "Noah", "Clara",
                              "Leon", "Marie", "Finn", "Ida", "Theo", "Mara", "Karl"};
const char* const kLast[] = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
                             "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
                             "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Marx"};

fs::path benchFile() { return fs::temp_directory_path() / ("ta-records-bench-v" + std::to_string(kSchemaVersion) + ".db"); }

void generate(const fs::path& file)
{
    const auto t0 = std::chrono::steady_clock::now();
    fs::remove(file);
    fs::remove(file.string() + "-wal");
    fs::remove(file.string() + "-shm");
    { SqliteRecordStore create(file, SqliteStoreOptions{.dailyBackup = false}); }
    SqliteDb db(file, SqliteDb::Mode::ReadWriteCreate);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");
    std::mt19937 rng(11);
    SqliteTransaction tx(db);
    SqliteStatement client(db, "INSERT INTO clients (id, name, reference, contact, notes, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, '', ?5, ?5)");
    SqliteStatement session(db, "INSERT INTO sessions (id, client_id, date_time, reason, pain_before, pain_after, "
                                "subjective, objective, assessment, plan, techniques) VALUES (?1, ?2, ?3, "
                                "'neck and shoulder', ?4, ?5, 'headache after desk work', 'taut band', "
                                "'myofascial', 'stretch', '[\"compression\"]')");
    SqliteStatement finding(db, "INSERT INTO findings (id, session_id, structure, x, y, z, state, severity) "
                                "VALUES (?1, ?2, 'trapezius-descending-left', 0.07, 1.52, -0.03, 'active', ?3)");
    SqliteStatement pain(db, "INSERT INTO pain_marks (id, session_id, structure, x, y, z, radius, intensity, "
                             "quality, covered_regions) VALUES (?1, ?2, 'skin', 0.06, 1.68, 0.05, 0.02, ?3, "
                             "'aching', '[\"temple\"]')");
    for (int c = 0; c < kClients; ++c) {
        const std::string cid = newUuid();
        const std::string name = std::string(kFirst[rng() % std::size(kFirst)]) + " " +
                                 kLast[rng() % std::size(kLast)] + " " + std::to_string(c);
        client.reset();
        client.bind(1, cid).bind(2, name).bind(3, "K-" + std::to_string(100000 + c)).bind(4, "client@example.org");
        client.bind(5, "2026-01-01T00:00:00Z").run();
        for (int s = 0; s < kSessionsEach; ++s) {
            const std::string sid = newUuid();
            char when[20];
            std::snprintf(when, sizeof when, "2025-%02d-%02dT%02d:00", 1 + s % 12, 1 + (s * 7) % 28, 8 + s % 10);
            session.reset();
            session.bind(1, sid).bind(2, cid).bind(3, when).bind(4, int(rng() % 11)).bind(5, int(rng() % 11)).run();
            for (int f = 0; f < 3; ++f) {
                finding.reset();
                finding.bind(1, newUuid()).bind(2, sid).bind(3, int(rng() % 11)).run();
            }
            for (int p = 0; p < 5; ++p) {
                pain.reset();
                pain.bind(1, newUuid()).bind(2, sid).bind(3, int(rng() % 11)).run();
            }
        }
    }
    tx.commit();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::fprintf(stderr, "records_bench: generated %s (%d clients x %d sessions) in %.1f s, %.0f MB\n",
                 file.c_str(), kClients, kSessionsEach,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                 double(fs::file_size(file)) / 1e6);
}

SqliteRecordStore& store()
{
    static SqliteRecordStore s = [] {
        const fs::path file = benchFile();
        bool ok = false;
        if (fs::exists(file)) {
            try {
                SqliteDb db(file, SqliteDb::Mode::ReadOnly);
                ok = db.queryInt("SELECT count(*) FROM clients") == kClients &&
                     db.queryInt("SELECT count(*) FROM sessions") == kClients * kSessionsEach;
            } catch (const std::exception&) {
            }
        }
        if (!ok)
            generate(file);
        else
            std::fprintf(stderr, "records_bench: using cached %s\n", file.c_str());
        return SqliteRecordStore(file, SqliteStoreOptions{.dailyBackup = false});
    }();
    return s;
}

void RecordsListAllClients(benchmark::State& state)
{
    auto& s = store();
    std::size_t n = 0;
    for (auto _ : state)
        n = s.listClients().size();
    state.counters["clients"] = double(n);
}
BENCHMARK(RecordsListAllClients)->Unit(benchmark::kMillisecond);

void RecordsSearch(benchmark::State& state, const char* text)
{
    auto& s = store();
    std::size_t n = 0;
    for (auto _ : state)
        n = s.searchClients(text, 20).size();
    state.counters["hits"] = double(n);
}
BENCHMARK_CAPTURE(RecordsSearch, prefix3_mar, "mar")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RecordsSearch, prefix3_sch, "Sch")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RecordsSearch, rare_3_zzq, "zzq")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RecordsSearch, prefix2_ma, "ma")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RecordsSearch, rare_2_qx, "qx")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RecordsSearch, reference_k10123, "K-10123")->Unit(benchmark::kMillisecond);

void RecordsSessionsOfClient(benchmark::State& state)
{
    auto& s = store();
    const auto clients = s.searchClients("", 50);
    std::size_t i = 0, n = 0;
    for (auto _ : state)
        n = s.listSessions(clients[i++ % clients.size()].id).size();
    state.counters["sessions"] = double(n);
}
BENCHMARK(RecordsSessionsOfClient)->Unit(benchmark::kMicrosecond);

void RecordsExportClient(benchmark::State& state)
{
    auto& s = store();
    const auto clients = s.searchClients("", 50);
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(s.exportClient(clients[i++ % clients.size()].id));
}
BENCHMARK(RecordsExportClient)->Unit(benchmark::kMillisecond);

} // namespace
