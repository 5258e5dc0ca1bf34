// Opening a database file: the input is the file; the store checks the header, opens, migrates and lists.
#include "core/records/sqlite_record_store.h"
#include "fuzz_support.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace fs = std::filesystem;
    namespace rec = ta::core::records;
    const fs::path file = ta::fuzz::scratch() / "open.db";
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(file.string() + suffix);
    ta::fuzz::writeFile(file, ta::fuzz::asText(data, size));
    return ta::fuzz::expectCleanRefusal([&] {
        rec::SqliteStoreOptions o;
        o.dailyBackup = false;
        rec::SqliteRecordStore store(file, o);
        (void)store.listClients();
    });
}
