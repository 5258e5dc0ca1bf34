#pragma once
// A connection to a PostgreSQL server through libpq: RAII handles for the connection and its results,
// statements with bound parameters only (text sent as parameters, never spliced into SQL), transactions,
// and the mapping of server errors to the project's typed errors.
//
// Connection strings are libpq's (a URI "postgresql://anna@clinic-server/records?sslmode=require" or
// "host=... dbname=..."); libpq reads passwords from PGPASSWORD or ~/.pgpass, honours sslmode and the
// other PG* variables. A password is never part of describe() or of any message.
//
// Not thread-safe: one connection per thread.
#include "core/error.h"
#include "core/records/record_store.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace ta::io::records {

/// The server refused an action for lack of rights: a policy, a missing grant, or an admin-only command.
class PermissionError : public Error {
public:
    using Error::Error;
};

/// The server cannot be reached, or the connection was lost. Nothing of the failed call was acknowledged.
using ConnectionLostError = core::records::UnreachableError;

/// True for what names a PostgreSQL server rather than a file: "postgresql://...", "postgres://...", or a
/// libpq key/value string ("host=... dbname=...").
bool isPostgresUri(std::string_view db);

using PgParam = std::optional<std::string>;

// Parameters in PostgreSQL's text format.
inline PgParam pgParam(std::string s) { return s; }
inline PgParam pgParam(std::string_view s) { return std::string(s); }
inline PgParam pgParam(const char* s) { return std::string(s); }
PgParam pgParam(std::int64_t v);
inline PgParam pgParam(int v) { return pgParam(static_cast<std::int64_t>(v)); }
inline PgParam pgParam(bool v) { return std::string(v ? "t" : "f"); }
PgParam pgParam(double v); ///< shortest text that reads back as the same double
template <class T>
PgParam pgParam(const std::optional<T>& v)
{
    return v ? pgParam(*v) : PgParam{};
}

class PgResult {
public:
    explicit PgResult(pg_result* r) : m_r(r) {}
    PgResult(PgResult&& o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
    PgResult& operator=(PgResult&&) = delete;
    PgResult(const PgResult&) = delete;
    ~PgResult();

    int rows() const;
    /// Rows an INSERT, UPDATE or DELETE touched.
    std::int64_t affected() const;
    bool isNull(int row, int col) const;
    std::string text(int row, int col) const;
    std::optional<std::string> optText(int row, int col) const;
    std::int64_t int64(int row, int col) const;
    int integer(int row, int col) const { return static_cast<int>(int64(row, col)); }
    std::optional<int> optInt(int row, int col) const;
    double real(int row, int col) const;
    std::optional<double> optReal(int row, int col) const;
    bool boolean(int row, int col) const;

private:
    pg_result* m_r;
};

class PgConnection {
public:
    /// Connects. When the server asks for a password that libpq found nowhere and `askPassword` is set, it
    /// is called (once) with the prompt and its answer is used for this connection only.
    /// Throws ConnectionLostError (cannot connect; one line, no password), ArgumentError (a bad string).
    explicit PgConnection(std::string conninfo, std::function<std::optional<std::string>(const std::string&)> askPassword = {});
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    /// "postgresql://user@host:port/dbname": names the server in messages, without a password.
    const std::string& describe() const { return m_describe; }
    /// The login this connection runs as.
    std::string user() const;
    bool connected() const;
    /// Connects again after the connection was lost (same parameters). Throws ConnectionLostError.
    void reconnect();
    /// True between a PgTransaction's BEGIN and its end: a lost connection must then fail the whole call,
    /// never reconnect and go on outside the transaction.
    bool inTransaction() const { return m_inTransaction; }

    /// Runs `sql` with bound parameters ($1, $2, ...): one statement when there are parameters; without any,
    /// `sql` may be a script of several (our own SQL only, never text from outside). Throws the typed error of the server's
    /// SQLSTATE: ValidationError (constraints, bad values), core::records::LockedError (a signed session),
    /// PermissionError (privileges, policies), ConnectionLostError, IoError (anything else).
    PgResult exec(const std::string& sql, const std::vector<PgParam>& params = {});

    pg_conn* handle() { return m_conn; }

private:
    void open();
    std::string m_conninfo;
    std::function<std::optional<std::string>(const std::string&)> m_askPassword;
    std::optional<std::string> m_password; ///< only what askPassword answered, kept for reconnect()
    std::string m_describe;
    pg_conn* m_conn = nullptr;
    bool m_inTransaction = false;
    bool m_broken = false; ///< a call lost the connection (libpq may not have noticed yet)
    friend class PgTransaction;
};

/// BEGIN on construction, ROLLBACK on destruction unless commit() ran. Throws what exec throws.
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& conn);
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    void commit();

private:
    PgConnection& m_conn;
    bool m_done = false;
};

} // namespace ta::io::records
