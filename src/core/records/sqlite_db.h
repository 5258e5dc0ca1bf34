#pragma once
// A small RAII layer over the sqlite3 C API: a connection, prepared statements with bind/step/column,
// and a transaction guard that rolls back unless committed. Every error is thrown as ta::IoError
// (cannot open, disk full, busy, damaged) or ta::ValidationError (a constraint broke), and the message
// names the database file: "<file>: <what was being done>: <sqlite's message>".
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ta::core::records {

class SqliteDb;

/// A prepared statement. Parameters and columns are 1-based and 0-based, as in the C API.
class SqliteStatement {
public:
    SqliteStatement(SqliteDb& db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    SqliteStatement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bindNull(int index);
    template <typename T>
    SqliteStatement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    SqliteStatement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }

    /// True when a row is available; false when done. Throws IoError/ValidationError.
    bool step();
    /// Steps to completion (for statements that return no rows).
    void run();
    /// Resets for another execution (keeps bindings unless `clear`).
    void reset(bool clear = true);

    bool isNull(int col) const;
    std::string text(int col) const;
    std::int64_t int64(int col) const;
    int integer(int col) const { return static_cast<int>(int64(col)); }
    double real(int col) const;
    std::optional<std::string> optText(int col) const;
    std::optional<int> optInt(int col) const;
    std::optional<double> optReal(int col) const;

private:
    SqliteDb& m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// One connection. Not thread-safe: use one per thread (SQLite serialises between connections).
class SqliteDb {
public:
    enum class Mode { ReadOnly, ReadWriteCreate };
    /// Opens `file`. Throws IoError naming it.
    SqliteDb(const std::filesystem::path& file, Mode mode);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    /// Runs one or more statements without results. Throws IoError/ValidationError.
    void exec(std::string_view sql);
    /// The first column of the first row of `sql` as an integer (e.g. a PRAGMA). Throws IoError.
    std::int64_t queryInt(std::string_view sql);
    std::string queryText(std::string_view sql);
    std::int64_t lastInsertRowid() const;
    int changes() const;

    const std::filesystem::path& file() const { return m_file; }
    sqlite3* handle() const { return m_db; }
    /// Throws the error for result code `rc` as IoError or ValidationError with `what` in the message.
    [[noreturn]] void raise(int rc, std::string_view what) const;
    /// The (extended) result code of the last error raised, 0 when none.
    int lastError() const { return m_lastError; }

private:
    std::filesystem::path m_file;
    mutable int m_lastError = 0;
    sqlite3* m_db = nullptr;
};

/// BEGIN IMMEDIATE on construction (takes the write lock at once, so the busy timeout applies and a
/// second process waits instead of failing); ROLLBACK on destruction unless commit() was called.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDb& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    /// COMMIT; when it returns, the change is durable (with synchronous=FULL). Throws IoError.
    void commit();

private:
    SqliteDb& m_db;
    bool m_done = false;
};

} // namespace ta::core::records
