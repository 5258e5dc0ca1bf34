// Record import: a client file (trigger-atlas-client JSON) parsed, validated and imported into a store.
#include "core/records/client_exchange.h"
#include "core/records/sqlite_record_store.h"
#include "fuzz_support.h"

#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace rec = ta::core::records;
    static std::unique_ptr<rec::SqliteRecordStore> store = [] {
        rec::SqliteStoreOptions o;
        o.dailyBackup = false;
        return std::make_unique<rec::SqliteRecordStore>(ta::fuzz::scratch() / "records.db", o);
    }();
    return ta::fuzz::expectCleanRefusal([&] {
        const rec::ClientRecord record = rec::clientRecordFromJson(ta::fuzz::asText(data, size), "client.json");
        (void)rec::clientRecordToJson(record);
        store->importClient(record);
    });
}
