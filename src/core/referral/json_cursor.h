#pragma once
// A read position inside a parsed JSON document that knows its file and key path, so that every schema
// error says where it is: "assets/data/regions.json: regions[3].shapes[0].radii: expected 3 numbers".
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace ta::core {

class JsonCursor {
public:
    JsonCursor(const nlohmann::json& value, std::string file, std::string path = {});

    /// Parse `file`. Throws IoError when unreadable, ParseError (with line) when not JSON.
    static nlohmann::json parseFile(const std::filesystem::path& file);

    const nlohmann::json& value() const { return *m_value; }
    const std::string& path() const { return m_path; }
    const std::string& file() const { return m_file; }

    bool has(const char* key) const;
    /// Required member; throws ValidationError "file: path.key: missing" when absent.
    JsonCursor at(const char* key) const;
    /// Array element.
    JsonCursor at(std::size_t i) const;
    std::size_t size() const;

    std::string string() const;            ///< non-empty string
    double number() const;
    bool boolean() const;
    std::vector<std::string> strings() const; ///< array of non-empty strings
    void expectObject() const;
    void expectArray() const;

    std::string string(const char* key) const { return at(key).string(); }
    std::string stringOr(const char* key, std::string fallback) const;
    std::vector<std::string> stringsOr(const char* key) const;

    /// Throw ValidationError "file: path: message".
    [[noreturn]] void fail(const std::string& message) const;

private:
    const nlohmann::json* m_value;
    std::string m_file;
    std::string m_path;
};

} // namespace ta::core
