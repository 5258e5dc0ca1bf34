#pragma once
// The clinic schema on PostgreSQL: the record tables of the SQLite schema (the same versions, 1 to
// core::records::kSchemaVersion, kept in ta.schema_info), and what only a shared server has:
//
//   roles     ta_therapist (a group: every therapist's login is a member) and ta_admin (manages therapists,
//             reads the audit trail). Both are NOLOGIN groups; logins are made by addTherapist.
//   owners    every client has an owner (the login that created it); ta.client_shares lets an owner share
//             one client with a colleague.
//   policies  row-level security on every table: a login sees and changes only the clients it owns or that
//             are shared with it, and their sessions, findings, pain marks, journal, questionnaires and
//             addenda, whatever program connects. Only the owner deletes a client or shares it.
//   audit     ta.audit, written only by triggers and the read check of the policies: every create, change,
//             delete and read of a client's record (who: the login; when; what: the table, the record id and
//             the changed columns; from where: the client address, "local" for a Unix socket). Nobody may
//             change or delete a row of it (grants and a trigger); ta_admin reads all of it, a therapist the
//             rows of their own clients.
//   locks     signed sessions (and their findings, pain marks, questionnaires) and addenda are refused any
//             change by triggers, for every role.
//
// All objects live in the schema "ta"; the functions the policies use are SECURITY DEFINER with a fixed
// search_path. Group roles are cluster-wide: several clinic databases on one server share them.
#include "io/records/pg_connection.h"

namespace ta::io::records {

/// The schema version of the clinic database `conn` is connected to; 0 for a database without our schema.
/// Throws what pg_errors.h maps (IoError, DatabaseRefusedError for a database of another program).
int clinicSchemaVersion(PgConnection& conn);

/// Creates or upgrades everything above in one transaction, as the database owner. Idempotent: a database
/// already at the current version is left alone. Refuses (DatabaseRefusedError) a database whose schema
/// is newer than this program knows. Throws IoError, PermissionError (not the owner).
void initClinic(PgConnection& conn);

} // namespace ta::io::records
