#include "core/records/sqlite_db.h"

#include "core/error.h"

#include <sqlite3.h>

namespace ta::core::records {

SqliteDb::SqliteDb(const std::filesystem::path& file, Mode mode) : m_file(file)
{
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                             : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int rc = sqlite3_open_v2(file.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw IoError(file.string() + ": cannot open the database: " + msg);
    }
    sqlite3_extended_result_codes(m_db, 1);
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(m_db); }

void SqliteDb::raise(int rc, std::string_view what) const
{
    m_lastError = rc;
    const std::string msg = m_file.string() + ": " + std::string(what) + ": " +
                            (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
    if ((rc & 0xFF) == SQLITE_CONSTRAINT)
        throw ValidationError(msg);
    throw IoError(msg);
}

void SqliteDb::exec(std::string_view sql)
{
    char* err = nullptr;
    const std::string s(sql);
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        sqlite3_free(err);
        raise(rc, "executing \"" + s.substr(0, 60) + "\"");
    }
}

std::int64_t SqliteDb::queryInt(std::string_view sql)
{
    SqliteStatement st(*this, sql);
    return st.step() ? st.int64(0) : 0;
}

std::string SqliteDb::queryText(std::string_view sql)
{
    SqliteStatement st(*this, sql);
    return st.step() ? st.text(0) : std::string();
}

std::int64_t SqliteDb::lastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }
int SqliteDb::changes() const { return sqlite3_changes(m_db); }

SqliteStatement::SqliteStatement(SqliteDb& db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.raise(rc, "preparing \"" + std::string(sql.substr(0, 60)) + "\"");
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_stmt); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text)
{
    const int rc = sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_db.raise(rc, "binding a parameter");
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        m_db.raise(rc, "binding a parameter");
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    const int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK)
        m_db.raise(rc, "binding a parameter");
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        m_db.raise(rc, "binding a parameter");
    return *this;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
    sqlite3_reset(m_stmt);
    m_db.raise(rc, "running \"" + sql.substr(0, 60) + "\"");
}

void SqliteStatement::run()
{
    while (step()) {
    }
}

void SqliteStatement::reset(bool clear)
{
    sqlite3_reset(m_stmt);
    if (clear)
        sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

std::string SqliteStatement::text(int col) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
}

std::int64_t SqliteStatement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
double SqliteStatement::real(int col) const { return sqlite3_column_double(m_stmt, col); }

std::optional<std::string> SqliteStatement::optText(int col) const
{
    return isNull(col) ? std::nullopt : std::optional<std::string>(text(col));
}
std::optional<int> SqliteStatement::optInt(int col) const
{
    return isNull(col) ? std::nullopt : std::optional<int>(integer(col));
}
std::optional<double> SqliteStatement::optReal(int col) const
{
    return isNull(col) ? std::nullopt : std::optional<double>(real(col));
}

SqliteTransaction::SqliteTransaction(SqliteDb& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }

SqliteTransaction::~SqliteTransaction()
{
    if (!m_done)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace ta::core::records
