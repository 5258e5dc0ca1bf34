// The clinic's shared records on PostgreSQL: `clinic init|add-therapist|therapists`, `client share|unshare`,
// `audit`, and `records copy` between any two stores (a SQLite file and a clinic server, either way).
// Passwords come from libpq (PGPASSWORD, ~/.pgpass) or a prompt on the terminal, never from arguments.
#include "app/commands.h"
#include "app/password_prompt.h"
#include "app/records_cli.h"
#include "core/error.h"
#include "io/records/clinic_admin.h"
#include "io/records/pg_schema.h"
#include "session/records/record_copy.h"
#include "session/records/record_services.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace ta::app {

namespace rec = core::records;

namespace {

/// A clinic server: --db, else $TA_DB; refuses a file (these commands need a server).
std::unique_ptr<io::records::PgConnection> connectClinic(const std::string& cmd, const std::string& db)
{
    const std::string target = records::databasePath(db).string();
    if (!io::records::isPostgresUri(target))
        throw ArgumentError(cmd + ": --db must name a clinic server (postgresql://LOGIN@HOST/DATABASE), got \"" +
                            target + "\"");
    return std::make_unique<io::records::PgConnection>(target, &askPasswordOnTerminal);
}

struct InitArgs {
    std::string db;
};

struct TherapistArgs {
    std::string db, login, name;
    bool admin = false, passwordStdin = false, noPassword = false;
};

/// The new therapist's first password: one line of stdin with --password-stdin, else asked twice on the
/// terminal; none with --no-password (the server then admits them only by another method, e.g. peer).
std::optional<std::string> newPassword(const TherapistArgs& a)
{
    const std::string cmd = "clinic add-therapist";
    if (a.noPassword)
        return std::nullopt;
    if (a.passwordStdin) {
        std::string line;
        if (!std::getline(std::cin, line) || line.empty())
            throw ArgumentError(cmd + ": --password-stdin: no password on standard input");
        return line;
    }
    const auto first = askPasswordOnTerminal("New password for " + a.login + ": ");
    if (!first)
        throw ArgumentError(cmd + ": no terminal to ask for " + a.login +
                            "'s password: give it with --password-stdin, or --no-password");
    const auto again = askPasswordOnTerminal("The same again: ");
    if (!again || *again != *first)
        throw ArgumentError(cmd + ": the two passwords differ; nothing was changed");
    return first;
}

struct ShareArgs {
    std::string db, client, with;
};

struct AuditArgs {
    std::string db, client, since;
};

struct CopyArgs {
    std::string from, to;
    std::vector<std::string> clients;
};

void addClinic(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("clinic", "A clinic's shared records on a PostgreSQL server: set up, therapists");
    cmd->require_subcommand(1);

    auto* init = cmd->add_subcommand("init", "Create or upgrade the clinic schema, roles and access rules (as the database owner)");
    auto ia = std::make_shared<InitArgs>();
    init->add_option("--db", ia->db, "The clinic database: postgresql://OWNER@HOST/DATABASE (default: $TA_DB)");
    init->callback([ia, &exitCode] {
        auto conn = connectClinic("clinic init", ia->db);
        const int before = io::records::clinicSchemaVersion(*conn);
        io::records::initClinic(*conn);
        const int after = io::records::clinicSchemaVersion(*conn);
        if (before == after)
            std::printf("%s: the clinic schema is at version %d already\n", conn->describe().c_str(), after);
        else
            std::printf("%s: clinic schema version %d (was %d); roles ta_therapist and ta_admin\n",
                        conn->describe().c_str(), after, before);
        exitCode = 0;
    });

    auto* add = cmd->add_subcommand("add-therapist", "Add a therapist as a login of the clinic (owner or admin)");
    auto ta = std::make_shared<TherapistArgs>();
    add->add_option("--db", ta->db, "The clinic database (default: $TA_DB)");
    add->add_option("--login", ta->login, "The therapist's login name (lower case)")->required();
    add->add_option("--name", ta->name, "The therapist's full name")->required();
    add->add_flag("--admin", ta->admin, "Also a clinic admin: adds therapists, reads the audit trail");
    add->add_flag("--password-stdin", ta->passwordStdin, "Read the first password from standard input");
    add->add_flag("--no-password", ta->noPassword, "Set no password (the server admits them another way)");
    add->callback([ta, &exitCode] {
        auto conn = connectClinic("clinic add-therapist", ta->db);
        io::records::addTherapist(*conn, ta->login, ta->name, newPassword(*ta), ta->admin);
        std::printf("%s: therapist %s (%s)%s\n", conn->describe().c_str(), ta->login.c_str(), ta->name.c_str(),
                    ta->admin ? ", admin" : "");
        exitCode = 0;
    });

    auto* list = cmd->add_subcommand("therapists", "One line per therapist: login<TAB>name<TAB>role");
    auto la = std::make_shared<InitArgs>();
    list->add_option("--db", la->db, "The clinic database (default: $TA_DB)");
    list->callback([la, &exitCode] {
        auto conn = connectClinic("clinic therapists", la->db);
        for (const auto& t : io::records::listTherapists(*conn))
            std::printf("%s\t%s\t%s\n", t.login.c_str(), t.name.c_str(), t.admin ? "admin" : "therapist");
        exitCode = 0;
    });
}

void addShare(CLI::App& app, int& exitCode)
{
    CLI::App* client = app.get_subcommand("client");
    for (const bool share : {true, false}) {
        auto* cmd = client->add_subcommand(share ? "share" : "unshare",
                                           share ? "Share one of your clients with a colleague on the clinic server"
                                                 : "End sharing a client with a colleague");
        auto a = std::make_shared<ShareArgs>();
        cmd->add_option("--db", a->db, "The clinic database (default: $TA_DB)");
        cmd->add_option("--client", a->client, "The client's id")->required();
        cmd->add_option("--with", a->with, "The colleague's login")->required();
        cmd->callback([a, share, &exitCode] {
            auto conn = connectClinic(share ? "client share" : "client unshare", a->db);
            const rec::ClientId id(a->client);
            if (share) {
                io::records::shareClient(*conn, id, a->with);
                std::printf("client %s is shared with %s\n", a->client.c_str(), a->with.c_str());
            } else if (io::records::unshareClient(*conn, id, a->with)) {
                std::printf("client %s is no longer shared with %s\n", a->client.c_str(), a->with.c_str());
            } else {
                std::printf("client %s was not shared with %s\n", a->client.c_str(), a->with.c_str());
            }
            exitCode = 0;
        });
    }
}

void addAudit(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("audit", "The clinic's audit trail: who created, changed or read which record, when, "
                                            "from where (one line each: time who address action record id client detail)");
    auto a = std::make_shared<AuditArgs>();
    cmd->add_option("--db", a->db, "The clinic database (default: $TA_DB)");
    cmd->add_option("--client", a->client, "Only this client's record");
    cmd->add_option("--since", a->since, "Only from this day on (YYYY-MM-DD, UTC)");
    cmd->callback([a, &exitCode] {
        auto conn = connectClinic("audit", a->db);
        const auto entries = io::records::listAudit(
            *conn, a->client.empty() ? std::nullopt : std::optional<rec::ClientId>(a->client),
            a->since.empty() ? std::nullopt : std::optional<std::string>(a->since));
        for (const auto& e : entries)
            std::printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.at.c_str(), e.who.c_str(), e.address.c_str(),
                        e.action.c_str(), e.record.c_str(), e.recordId.c_str(), e.clientId.c_str(), e.detail.c_str());
        exitCode = 0;
    });
}

void addCopy(CLI::App& app, int& exitCode)
{
    auto* records = app.add_subcommand("records", "Move client records between stores");
    records->require_subcommand(1);
    auto* cmd = records->add_subcommand("copy", "Copy clients from one store to another (a file or a clinic server, either "
                                                "way); again changes nothing; prints what it copied");
    auto a = std::make_shared<CopyArgs>();
    cmd->add_option("--from", a->from, "The store to copy from (a file or postgresql://...)")->required();
    cmd->add_option("--to", a->to, "The store to copy into (a file or postgresql://...)")->required();
    cmd->add_option("--client", a->clients, "Only this client (repeatable; default: every client)");
    cmd->callback([a, &exitCode] {
        if (a->from == a->to)
            throw ArgumentError("records copy: --from and --to name the same store");
        auto from = records::openStore(a->from);
        auto to = records::openStore(a->to);
        std::vector<rec::ClientId> only;
        for (const auto& c : a->clients)
            only.emplace_back(c);
        const auto report = session::copyRecords(*from, *to, only);
        std::size_t copied = 0;
        for (const auto& c : report.clients) {
            const char* what = c.unchanged ? "unchanged" : c.existed ? "updated" : "copied";
            std::printf("%s\t%s\t%s\t%zu sessions\n", what, c.id.str().c_str(), c.name.c_str(), c.sessions);
            copied += c.unchanged ? 0 : 1;
        }
        std::printf("%zu of %zu clients copied from %s to %s\n", copied, report.clients.size(), from->describe().c_str(),
                    to->describe().c_str());
        exitCode = 0;
    });
}

} // namespace

void addClinicCommands(CLI::App& app, int& exitCode)
{
    addClinic(app, exitCode);
    addShare(app, exitCode);
    addAudit(app, exitCode);
    addCopy(app, exitCode);
}

} // namespace ta::app
