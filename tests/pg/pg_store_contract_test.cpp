// The PostgreSQL record store passes the RecordStore contract (records_store_contract.h), run as a
// therapist login (not the owner), so every statement goes through the row-level security policies.
#include "records_store_contract.h"

#include "io/records/pg_record_store.h"
#include "pg_test_server.h"

namespace {

std::unique_ptr<ta::core::records::RecordStore> makePgStore(const std::filesystem::path&)
{
    auto& server = ta::testing_pg::PgTestServer::shared();
    const std::string db = server.freshClinic();
    const std::string login = "contract_" + ta::testing_pg::PgTestServer::suffix();
    ta::io::records::PgConnection owner(server.conninfo(db));
    owner.exec("SELECT ta.add_therapist($1, 'Contract Tester', NULL, false)", {login});
    return std::make_unique<ta::io::records::PgRecordStore>(server.conninfo(db, login));
}

} // namespace

INSTANTIATE_TEST_SUITE_P(RecordPostgres, RecordStoreContract,
                         ::testing::Values(RecordStoreFactory{"postgres", &makePgStore}),
                         [](const auto& info) { return info.param.name; });
