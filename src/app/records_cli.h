#pragma once
// What the client-record subcommands share (records_client_commands.cpp, records_session_commands.cpp and
// `lookup --db`): the --db option, opening the store, the anatomy the catalog is resolved on, and the
// checks that turn a bad command-line value into one ArgumentError line naming the option.
#include "core/anatomy_model.h"
#include "core/records/record_store.h"
#include "session/trigger_point_catalog.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ta::app::records {

/// Adds `--db FILE` (the record database) to `cmd`.
void addDbOption(CLI::App& cmd, std::string& db);
/// The database to open: `db` when given, else $TA_DB, else empty (the store's default path).
std::filesystem::path databasePath(const std::string& db);
/// Opens the store (session::openRecordStore). Throws DatabaseRefusedError (file untouched), IoError.
std::unique_ptr<core::records::RecordStore> openStore(const std::string& db);

/// The committed model with the catalog resolved on it. Heap-held: the catalog keeps a pointer to the model.
struct Anatomy {
    core::AnatomyModel model;
    session::TriggerPointCatalog catalog;
};
/// Loads `model` (empty: io::defaultModelPath()) and the data in assets/data. Throws IoError/ParseError/
/// ValidationError naming the file.
std::unique_ptr<Anatomy> loadAnatomy(const std::filesystem::path& model = {});

/// `value` if it is 0..10, else ArgumentError "<cmd>: <option> must be 0-10, got <value>".
int nrs(const std::string& cmd, const std::string& option, int value);
/// Throws ArgumentError unless `value` is a real calendar day "YYYY-MM-DD".
void requireDate(const std::string& cmd, const std::string& option, const std::string& value);
/// Throws ArgumentError unless `value` is "HH:MM" (00:00-23:59).
void requireTime(const std::string& cmd, const std::string& option, const std::string& value);

/// The client with this id; ArgumentError "<cmd>: unknown client \"<id>\"" when there is none.
core::records::Client requireClient(const core::records::RecordStore& store, const std::string& cmd, const std::string& id);
/// The session with everything recorded in it; ArgumentError "<cmd>: unknown session \"<id>\"" when none.
core::records::SessionRecord requireSession(const core::records::RecordStore& store, const std::string& cmd,
                                            const std::string& id);

/// Splits "a,b,c" into integers; ArgumentError naming the option and the item that is not an integer.
std::vector<int> integerList(const std::string& cmd, const std::string& option, const std::string& text);

/// A region id or alias as the data names it ("temple" -> "temple"); ArgumentError with close matches.
std::string regionId(const core::ReferralData& data, const std::string& cmd, const std::string& name);

} // namespace ta::app::records
