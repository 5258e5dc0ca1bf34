#include "io/records/clinic_admin.h"

#include <libpq-fe.h>

namespace ta::io::records {

void addTherapist(PgConnection& conn, const std::string& login, const std::string& name,
                  const std::optional<std::string>& password, bool admin)
{
    if (name.empty())
        throw ValidationError(conn.describe() + ": therapist " + login + ": name: must not be empty");
    PgParam hash;
    if (password) {
        char* h = PQencryptPasswordConn(conn.handle(), password->c_str(), login.c_str(), "scram-sha-256");
        if (!h)
            throw IoError(conn.describe() + ": cannot hash the password: " + oneLine(PQerrorMessage(conn.handle())));
        hash = std::string(h);
        PQfreemem(h);
    }
    conn.exec("SELECT ta.add_therapist($1, $2, $3, $4)", {login, name, hash, pgParam(admin)});
}

std::vector<Therapist> listTherapists(PgConnection& conn)
{
    const auto r = conn.exec("SELECT login, name, pg_has_role(login, 'ta_admin', 'MEMBER') FROM ta.therapists ORDER BY login");
    std::vector<Therapist> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.boolean(i, 2)});
    return out;
}

void shareClient(PgConnection& conn, const core::records::ClientId& client, const std::string& login)
{
    PgTransaction tx(conn);
    if (conn.exec("SELECT 1 FROM ta.clients WHERE id = $1", {client.str()}).rows() == 0)
        throw ValidationError(conn.describe() + ": client: unknown id \"" + client.str() + "\"");
    if (conn.exec("SELECT 1 FROM ta.therapists WHERE login = $1", {login}).rows() == 0)
        throw ValidationError(conn.describe() + ": therapist: no therapist with the login \"" + login + "\"");
    if (conn.exec("SELECT ta.owns($1)", {client.str()}).text(0, 0) != "t")
        throw PermissionError(conn.describe() + ": client " + client.str() + ": only the client's own therapist shares it");
    conn.exec("INSERT INTO ta.client_shares (client_id, login) VALUES ($1, $2) ON CONFLICT DO NOTHING", {client.str(), login});
    tx.commit();
}

bool unshareClient(PgConnection& conn, const core::records::ClientId& client, const std::string& login)
{
    PgTransaction tx(conn);
    if (conn.exec("SELECT 1 FROM ta.clients WHERE id = $1", {client.str()}).rows() == 0)
        throw ValidationError(conn.describe() + ": client: unknown id \"" + client.str() + "\"");
    if (conn.exec("SELECT ta.owns($1)", {client.str()}).text(0, 0) != "t")
        throw PermissionError(conn.describe() + ": client " + client.str() + ": only the client's own therapist unshares it");
    const bool removed =
        conn.exec("DELETE FROM ta.client_shares WHERE client_id = $1 AND login = $2", {client.str(), login}).affected() > 0;
    tx.commit();
    return removed;
}

std::vector<std::string> sharesOf(PgConnection& conn, const core::records::ClientId& client)
{
    const auto r = conn.exec("SELECT login FROM ta.client_shares WHERE client_id = $1 ORDER BY login", {client.str()});
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

std::vector<AuditEntry> listAudit(PgConnection& conn, const std::optional<core::records::ClientId>& client,
                                  const std::optional<std::string>& since)
{
    if (since && !(since->size() == 10 && (*since)[4] == '-' && (*since)[7] == '-'))
        throw ValidationError(conn.describe() + ": audit: --since must be a day YYYY-MM-DD, got \"" + *since + "\"");
    const auto r = conn.exec(
        "SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), who, address, action, record, "
        "coalesce(record_id, ''), coalesce(client_id, ''), coalesce(detail, '') FROM ta.audit "
        "WHERE ($1::text IS NULL OR client_id = $1) AND ($2::text IS NULL OR at >= ($2::date)::timestamp AT TIME ZONE 'UTC') "
        "ORDER BY seq",
        {client ? pgParam(client->str()) : PgParam{}, pgParam(since)});
    std::vector<AuditEntry> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6),
                       r.text(i, 7)});
    return out;
}

} // namespace ta::io::records
