// Test helper: writes to a record database as fast as it can and acknowledges each write on stdout,
// one line per committed transaction, printed only after the call that committed it has returned:
//   "C <client-id>"  after addClient
//   "S <session-id>" after addSession
//   "P <n>"          after an addPainMarks stroke of n marks into that session
// Usage: records_writer <database> <name-prefix> <clients> (0 = until killed). Exit 0 when done,
// 2 with a message on stderr on error. Used by tests/unit/records_process_test.cpp.
#include "core/records/sqlite_record_store.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

void ack(const std::string& line)
{
    const std::string l = line + "\n";
    std::size_t done = 0;
    while (done < l.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, l.data() + done, l.size() - done);
        if (n <= 0)
            std::_Exit(3);
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

int main(int argc, char** argv)
{
    using namespace ta::core::records;
    if (argc != 4) {
        std::fprintf(stderr, "usage: records_writer <database> <name-prefix> <clients>\n");
        return 2;
    }
    try {
        SqliteRecordStore store(argv[1], SqliteStoreOptions{.dailyBackup = false});
        const long count = std::strtol(argv[3], nullptr, 10);
        for (long i = 0; count == 0 || i < count; ++i) {
            const ClientId c = store.addClient({.name = std::string(argv[2]) + " " + std::to_string(i)});
            ack("C " + c.str());
            Session s;
            s.client = c;
            s.dateTime = "2026-11-20T09:30";
            const SessionId sid = store.addSession(s);
            ack("S " + sid.str());
            std::vector<PainMark> stroke(8);
            for (std::size_t k = 0; k < stroke.size(); ++k) {
                stroke[k].session = sid;
                stroke[k].position = {0.01f * float(k), 1.5f, 0.1f};
            }
            store.addPainMarks(stroke);
            ack("P " + std::to_string(stroke.size()));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "records_writer: %s\n", e.what());
        return 2;
    }
    return 0;
}
