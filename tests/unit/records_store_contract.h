#pragma once
// The RecordStore contract: a value-parameterised GoogleTest suite (records_store_contract_test.cpp)
// that every backend must pass. A backend instantiates it with a factory, e.g.
//
//   INSTANTIATE_TEST_SUITE_P(RecordSqlite, RecordStoreContract,
//                            ::testing::Values(RecordStoreFactory{"sqlite", &makeSqliteStore}),
//                            [](const auto& info) { return info.param.name; });
//
// A PostgreSQL backend (io) adds records_store_contract_test.cpp to its own test executable and
// instantiates it with a factory that makes an empty database.
#include "core/records/record_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

struct RecordStoreFactory {
    std::string name;
    /// A new, empty store; `dir` is a fresh temporary directory the store may use.
    std::function<std::unique_ptr<ta::core::records::RecordStore>(const std::filesystem::path& dir)> make;
};

class RecordStoreContract : public ::testing::TestWithParam<RecordStoreFactory> {
protected:
    void SetUp() override;
    void TearDown() override;

    ta::core::records::RecordStore& store() { return *m_store; }
    std::filesystem::path dir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
    std::unique_ptr<ta::core::records::RecordStore> m_store;
};
