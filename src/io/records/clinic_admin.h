#pragma once
// Running a clinic's shared records on PostgreSQL (pg_schema.h): therapists, sharing one client with a
// colleague, and reading the audit trail. What each may do is decided by the server: these functions only
// ask; a refusal comes back as PermissionError naming the server.
#include "core/records/record_id.h"
#include "io/records/pg_connection.h"

#include <optional>
#include <string>
#include <vector>

namespace ta::io::records {

struct Therapist {
    std::string login;
    std::string name;
    bool admin = false;
};

/// Adds a therapist (or renames one) as a PostgreSQL login in ta_therapist (and ta_admin when `admin`).
/// The password, when given, is hashed here (SCRAM-SHA-256, libpq) and only the hash goes to the server.
/// For the database owner and ta_admin. Throws PermissionError, ValidationError (a bad login), IoError.
void addTherapist(PgConnection& conn, const std::string& login, const std::string& name,
                  const std::optional<std::string>& password, bool admin);
std::vector<Therapist> listTherapists(PgConnection& conn);

/// Shares one client with a colleague; only the client's owner may. Sharing twice is one share.
/// Throws ValidationError (unknown client or therapist), PermissionError.
void shareClient(PgConnection& conn, const core::records::ClientId& client, const std::string& login);
/// Ends a share. Returns false when there was none.
bool unshareClient(PgConnection& conn, const core::records::ClientId& client, const std::string& login);
/// Logins the client is shared with (visible to its owner and to those it is shared with).
std::vector<std::string> sharesOf(PgConnection& conn, const core::records::ClientId& client);

struct AuditEntry {
    std::string at;       ///< UTC "YYYY-MM-DDTHH:MM:SSZ"
    std::string who;      ///< the login
    std::string address;  ///< the client address, "local" for a Unix socket
    std::string action;   ///< create, change, delete, read, share, unshare
    std::string record;   ///< the table: clients, sessions, findings, pain_marks, journal, ...
    std::string recordId; ///< the record's id (for a share: the colleague's login); empty for reads
    std::string clientId; ///< the client the record belongs to
    std::string detail;   ///< for a change: the columns it changed
};

/// The audit trail, oldest first: all of it for ta_admin, a therapist's own clients for a therapist.
/// `since` is a day "YYYY-MM-DD" (from its start, UTC). Throws ValidationError (bad date), IoError.
std::vector<AuditEntry> listAudit(PgConnection& conn, const std::optional<core::records::ClientId>& client,
                                  const std::optional<std::string>& since);

} // namespace ta::io::records
