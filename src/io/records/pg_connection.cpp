#include "io/records/pg_connection.h"

#include "core/records/record_store.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

namespace ta::io::records {

namespace {

/// libpq's messages as one line: tabs and line breaks become single spaces.
std::string trimmed(const std::string& s)
{
    std::string out;
    for (char c : s) {
        const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (space && (out.empty() || out.back() == ' '))
            continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string field(const PGresult* r, int code)
{
    const char* v = PQresultErrorField(r, code);
    return v ? v : "";
}

} // namespace

bool isPostgresUri(std::string_view db)
{
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0 ||
           (db.find('=') != std::string_view::npos &&
            (db.find("host=") != std::string_view::npos || db.find("dbname=") != std::string_view::npos));
}

PgParam pgParam(std::int64_t v) { return std::to_string(v); }

PgParam pgParam(double v)
{
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

PgResult::~PgResult()
{
    if (m_r)
        PQclear(m_r);
}

int PgResult::rows() const { return PQntuples(m_r); }

std::int64_t PgResult::affected() const
{
    const char* n = PQcmdTuples(m_r);
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

bool PgResult::isNull(int row, int col) const { return PQgetisnull(m_r, row, col) != 0; }
std::string PgResult::text(int row, int col) const { return PQgetvalue(m_r, row, col); }

std::optional<std::string> PgResult::optText(int row, int col) const
{
    if (isNull(row, col))
        return std::nullopt;
    return text(row, col);
}

std::int64_t PgResult::int64(int row, int col) const { return std::strtoll(PQgetvalue(m_r, row, col), nullptr, 10); }

std::optional<int> PgResult::optInt(int row, int col) const
{
    if (isNull(row, col))
        return std::nullopt;
    return integer(row, col);
}

double PgResult::real(int row, int col) const
{
    const char* s = PQgetvalue(m_r, row, col);
    double v = 0.0;
    std::from_chars(s, s + std::char_traits<char>::length(s), v);
    return v;
}

std::optional<double> PgResult::optReal(int row, int col) const
{
    if (isNull(row, col))
        return std::nullopt;
    return real(row, col);
}

bool PgResult::boolean(int row, int col) const { return text(row, col) == "t"; }

PgConnection::PgConnection(std::string conninfo, std::function<std::optional<std::string>(const std::string&)> askPassword)
    : m_conninfo(std::move(conninfo)), m_askPassword(std::move(askPassword))
{
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(m_conninfo.c_str(), &err);
    if (!opts) {
        const std::string why = err ? trimmed(err) : "cannot be read";
        PQfreemem(err);
        throw ArgumentError("database connection string: " + why);
    }
    PQconninfoFree(opts);
    open();
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

void PgConnection::open()
{
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    m_broken = false;
    // The connection string goes in as "dbname" (libpq expands a URI or key/value string there); an
    // answered password is added as its own parameter, so it never enters a string we print.
    std::vector<const char*> keys{"dbname", "application_name"};
    std::vector<const char*> values{m_conninfo.c_str(), "trigger-atlas"};
    if (m_password) {
        keys.push_back("password");
        values.push_back(m_password->c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    m_conn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (PQstatus(m_conn) != CONNECTION_OK && PQconnectionNeedsPassword(m_conn) && !m_password && m_askPassword) {
        const std::string who = std::string(PQuser(m_conn)) + "@" + (PQhost(m_conn) ? PQhost(m_conn) : "");
        if (auto answer = m_askPassword("Password for " + who + ": ")) {
            m_password = std::move(answer);
            open();
            return;
        }
    }
    const char* host = PQhost(m_conn);
    const char* port = PQport(m_conn);
    m_describe = std::string("postgresql://") + (PQuser(m_conn) ? PQuser(m_conn) : "") + "@" + (host ? host : "") +
                 (port && *port ? std::string(":") + port : std::string()) + "/" + (PQdb(m_conn) ? PQdb(m_conn) : "");
    if (PQstatus(m_conn) != CONNECTION_OK)
        throw ConnectionLostError(m_describe + ": cannot connect: " + trimmed(PQerrorMessage(m_conn)));
    PQsetClientEncoding(m_conn, "UTF8");
    // Server notices (e.g. "terminating connection due to immediate shutdown") are not printed raw on
    // stderr; what matters reaches the caller as an error.
    PQsetNoticeProcessor(m_conn, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(m_conn, "SET search_path = ta, pg_catalog");
    PQclear(r);
}

std::string PgConnection::user() const { return PQuser(m_conn); }
bool PgConnection::connected() const { return m_conn && !m_broken && PQstatus(m_conn) == CONNECTION_OK; }
void PgConnection::reconnect() { open(); }

PgResult PgConnection::exec(const std::string& sql, const std::vector<PgParam>& params)
{
    if (!connected())
        throw ConnectionLostError(m_describe + ": not connected to the server");
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    // Without parameters through PQexec, which also runs our own multi-statement scripts (the migrations);
    // anything with a value from outside goes through PQexecParams, one statement with bound parameters.
    PGresult* r = params.empty() ? PQexec(m_conn, sql.c_str())
                                 : PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                                values.data(), nullptr, nullptr, 0);
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return PgResult(r);
    const std::string state = r ? field(r, PG_DIAG_SQLSTATE) : "";
    std::string why = r ? field(r, PG_DIAG_MESSAGE_PRIMARY) : "";
    const std::string detail = r ? field(r, PG_DIAG_MESSAGE_DETAIL) : "";
    if (why.empty())
        why = PQerrorMessage(m_conn);
    if (!detail.empty())
        why += " (" + detail + ")";
    why = trimmed(why);
    if (r)
        PQclear(r);
    const std::string msg = m_describe + ": " + why;
    // No SQLSTATE: the error is libpq's own (the server closed the connection, a socket error).
    if (PQstatus(m_conn) != CONNECTION_OK || state.empty() || state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0) {
        m_broken = true; // libpq may still report CONNECTION_OK: the next call connects afresh
        throw ConnectionLostError(m_describe + ": lost the connection to the server (" + why + ")");
    }
    if (state == "55000")
        throw core::records::LockedError(msg);
    if (state == "42501")
        throw PermissionError(msg);
    if (state == "40001" || state == "40P01")
        throw core::records::ConflictError(msg + "; nothing was written: try again");
    if (state.rfind("23", 0) == 0 || state.rfind("22", 0) == 0 || state == "P0001")
        throw ValidationError(msg);
    throw IoError(msg + (state.empty() ? "" : " [SQLSTATE " + state + "]"));
}

PgTransaction::PgTransaction(PgConnection& conn) : m_conn(conn)
{
    if (m_conn.m_inTransaction)
        throw std::logic_error("PgTransaction: transactions do not nest");
    m_conn.exec("BEGIN");
    m_conn.m_inTransaction = true;
}

PgTransaction::~PgTransaction()
{
    if (!m_done && m_conn.connected()) {
        try {
            m_conn.exec("ROLLBACK");
        } catch (...) {
        }
    }
    m_conn.m_inTransaction = false;
}

void PgTransaction::commit()
{
    m_conn.exec("COMMIT");
    m_done = true;
    m_conn.m_inTransaction = false;
}

} // namespace ta::io::records
