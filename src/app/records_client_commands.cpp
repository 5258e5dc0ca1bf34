// Client records on the command line, the client side: `client add|list`, `journal add`, `export` and
// `import`. Each command opens the store (--db FILE, else $TA_DB, else the default path), calls it or the
// session services and prints one line per record; a command that adds a record prints its id as the last
// word, so that a script can capture it with `$(... | awk '{print $NF}')`.
#include "core/read_file.h"
#include "core/json_limits.h"
#include "app/commands.h"
#include "app/records_cli.h"
#include "core/error.h"
#include "core/records/client_exchange.h"
#include "core/referral/referral_data.h"
#include "io/asset_paths.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace ta::app {
namespace {

namespace rec = core::records;

struct ClientAddArgs {
    std::string db, name, reference, dob, contact, notes;
};

void clientAdd(const ClientAddArgs& a)
{
    if (a.name.empty())
        throw ArgumentError("client add: --name must not be empty");
    if (!a.dob.empty())
        records::requireDate("client add", "--dob", a.dob);
    auto store = records::openStore(a.db);
    rec::Client c;
    c.name = a.name;
    c.reference = a.reference;
    if (!a.dob.empty())
        c.dateOfBirth = a.dob;
    c.contact = a.contact;
    c.notes = a.notes;
    const rec::ClientId id = store->addClient(std::move(c));
    std::printf("added client %s %s\n", a.name.c_str(), id.str().c_str());
}

struct ClientListArgs {
    std::string db, search;
};

void clientList(const ClientListArgs& a)
{
    auto store = records::openStore(a.db);
    const auto clients = a.search.empty() ? store->listClients()
                                          : store->searchClients(a.search, std::numeric_limits<std::size_t>::max());
    for (const auto& c : clients)
        std::printf("%s\t%s\t%s\n", c.id.str().c_str(), c.name.c_str(), c.reference.c_str());
}

void addClientCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("client", "Client records: add a client, list or search them");
    cmd->require_subcommand(1);

    auto* add = cmd->add_subcommand("add", "Add a client; prints its id last");
    auto aa = std::make_shared<ClientAddArgs>();
    records::addDbOption(*add, aa->db);
    add->add_option("--name", aa->name, "The client's name")->required();
    add->add_option("--reference", aa->reference, "Your own reference (file number)");
    add->add_option("--dob", aa->dob, "Date of birth YYYY-MM-DD");
    add->add_option("--contact", aa->contact, "How to reach the client");
    add->add_option("--notes", aa->notes, "Notes");
    add->callback([aa, &exitCode] {
        clientAdd(*aa);
        std::fflush(stdout);
        exitCode = 0;
    });

    auto* list = cmd->add_subcommand("list", "One line per client: id<TAB>name<TAB>reference");
    auto la = std::make_shared<ClientListArgs>();
    records::addDbOption(*list, la->db);
    list->add_option("--search", la->search, "Only clients whose name or reference contains TEXT");
    list->callback([la, &exitCode] {
        clientList(*la);
        std::fflush(stdout);
        exitCode = 0;
    });
}

struct JournalArgs {
    std::string db, client, date, medication, note;
    bool headache = false, noHeadache = false;
    int intensity = -1;
    double hours = -1.0;
    std::vector<std::string> triggers, regions;
};

void journalAdd(const JournalArgs& a, const CLI::App& cmd)
{
    const std::string name = "journal add";
    records::requireDate(name, "--date", a.date);
    if (a.headache && a.noHeadache)
        throw ArgumentError(name + ": give --headache or --no-headache, not both");
    rec::JournalEntry e;
    e.date = a.date;
    e.headache = a.headache;
    if (cmd.count("--headache-intensity") > 0) {
        if (a.noHeadache)
            throw ArgumentError(name + ": --headache-intensity contradicts --no-headache");
        e.peakIntensity = records::nrs(name, "--headache-intensity", a.intensity);
        e.headache = true;
    }
    if (cmd.count("--hours") > 0) {
        if (!(a.hours >= 0.0 && a.hours <= 24.0))
            throw ArgumentError(name + ": --hours must be 0-24, got " + std::to_string(a.hours));
        e.hours = a.hours;
    }
    for (const auto& t : a.triggers) {
        const auto trigger = rec::headacheTriggerFromString(t);
        if (!trigger)
            throw ArgumentError(name + ": unknown --trigger \"" + t +
                                "\" (expected sleep, stress, screen-time, posture, food, weather or other)");
        e.triggers.insert(*trigger);
    }
    if (!a.regions.empty()) {
        const auto data = core::ReferralData::load(io::assetPath("data"));
        for (const auto& r : a.regions)
            e.regions.push_back(records::regionId(data, name, r));
    }
    e.medication = a.medication;
    e.note = a.note;
    auto store = records::openStore(a.db);
    e.client = records::requireClient(*store, name, a.client).id;
    const rec::JournalEntryId id = store->addJournalEntry(std::move(e));
    std::printf("added journal entry %s\n", id.str().c_str());
}

void addJournalCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("journal", "The client's headache journal");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Add one day's entry; prints its id last");
    auto a = std::make_shared<JournalArgs>();
    records::addDbOption(*add, a->db);
    add->add_option("--client", a->client, "The client's id")->required();
    add->add_option("--date", a->date, "The day, YYYY-MM-DD")->required();
    add->add_flag("--headache", a->headache, "A headache day");
    add->add_flag("--no-headache", a->noHeadache, "A day without headache");
    add->add_option("--headache-intensity", a->intensity, "Peak intensity 0-10 (implies --headache)");
    add->add_option("--hours", a->hours, "How long it lasted, hours 0-24");
    add->add_option("--trigger", a->triggers, "sleep | stress | screen-time | posture | food | weather | other (repeat)");
    add->add_option("--region", a->regions, "Where it hurt (repeat); see `list regions`");
    add->add_option("--medication", a->medication, "Medication taken");
    add->add_option("--note", a->note, "A note");
    add->callback([a, add, &exitCode] {
        journalAdd(*a, *add);
        std::fflush(stdout);
        exitCode = 0;
    });
}

struct ExportArgs {
    std::string db, client, out, format = "json", session;
    bool force = false;
};

void exportClient(const ExportArgs& a)
{
    if (a.format != "json" && a.format != "fhir")
        throw ArgumentError("export: unknown --format \"" + a.format + "\" (expected json or fhir)");
    const std::filesystem::path out(a.out);
    std::error_code ec;
    if (std::filesystem::exists(out, ec) && !a.force)
        throw ArgumentError("export: " + out.string() + " exists; give --force to overwrite it");
    if (a.format == "fhir") {
        exportFhirBundle(a.db, a.client, a.session, out);
        return;
    }
    if (!a.session.empty())
        throw ArgumentError("export: --session goes with --format fhir (a JSON export holds every session)");
    auto store = records::openStore(a.db);
    const rec::Client c = records::requireClient(*store, "export", a.client);
    rec::exportClientFile(*store, c.id, out);
    std::printf("exported %s %s\n", out.string().c_str(), c.id.str().c_str());
}

void addExportCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("export", "Write one client's whole record to a file; prints the client's id last");
    auto a = std::make_shared<ExportArgs>();
    records::addDbOption(*cmd, a->db);
    cmd->add_option("--client", a->client, "The client's id")->required();
    cmd->add_option("--out", a->out, "The file to write (trigger-atlas-client JSON, mode 0600)")->required();
    cmd->add_option("--format", a->format, "json (the whole client) | fhir (one session as an HL7 FHIR R4 Bundle)")
        ->capture_default_str();
    cmd->add_option("--session", a->session, "With --format fhir: the session (default: the latest)");
    cmd->add_flag("--force", a->force, "Overwrite an existing file");
    cmd->callback([a, &exitCode] {
        exportClient(*a);
        std::fflush(stdout);
        exitCode = 0;
    });
}

struct ImportArgs {
    std::string db, file;
};

/// The "format" key of a JSON file, to tell a client file from a body map. Throws IoError, ParseError.
std::string formatOf(const std::filesystem::path& file)
{
    const std::string text = core::readTextFile(file);
    core::checkJsonDepth(text, file.string());
    const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        throw ParseError(file.string() + ": not a JSON file");
    if (!j.is_object() || !j.contains("format") || !j["format"].is_string())
        throw ValidationError(file.string() + ": format: missing (expected \"trigger-atlas-client\" or "
                                              "\"trigger-atlas-body-map\")");
    return j["format"].get<std::string>();
}

void importFile(const ImportArgs& a)
{
    const std::filesystem::path file(a.file);
    const std::string format = formatOf(file);
    if (format != rec::kClientFormat && format != "trigger-atlas-body-map")
        throw ValidationError(file.string() + ": format: \"" + format +
                              "\" is not a TriggerAtlas client or body-map file");
    auto store = records::openStore(a.db);
    const rec::ClientId id = format == rec::kClientFormat ? rec::importClientFile(*store, file)
                                                          : rec::importBodyMapFile(*store, file);
    const auto c = store->client(id);
    std::printf("imported %s %s\n", c ? c->name.c_str() : "", id.str().c_str());
}

void addImportCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("import", "Import a client file or a body map; prints the client's id last");
    auto a = std::make_shared<ImportArgs>();
    records::addDbOption(*cmd, a->db);
    cmd->add_option("file", a->file, "A trigger-atlas-client or trigger-atlas-body-map JSON file")->required();
    cmd->callback([a, &exitCode] {
        importFile(*a);
        std::fflush(stdout);
        exitCode = 0;
    });
}

} // namespace

void addClientRecordCommands(CLI::App& app, int& exitCode)
{
    addClientCommand(app, exitCode);
    addJournalCommand(app, exitCode);
    addExportCommand(app, exitCode);
    addImportCommand(app, exitCode);
}

} // namespace ta::app
