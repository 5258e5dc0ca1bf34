#include "core/referral/json_cursor.h"

#include "core/read_file.h"
#include "core/json_limits.h"
#include "core/error.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace ta::core {

JsonCursor::JsonCursor(const nlohmann::json& value, std::string file, std::string path)
    : m_value(&value), m_file(std::move(file)), m_path(std::move(path))
{
}

nlohmann::json JsonCursor::parseFile(const std::filesystem::path& file)
{
    const std::string text = readTextFile(file);
    checkJsonDepth(text, file.string());
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) { // parse_error, or out_of_range on 1e999999
        // e.what() carries "line L, column C"; keep only the part after the library's id prefix.
        std::string what = e.what();
        const auto colon = what.find("] ");
        throw ParseError(file.string() + ": invalid JSON: " +
                         (colon == std::string::npos ? what : what.substr(colon + 2)));
    }
}

bool JsonCursor::has(const char* key) const { return m_value->is_object() && m_value->contains(key); }

JsonCursor JsonCursor::at(const char* key) const
{
    expectObject();
    const std::string p = m_path.empty() ? std::string(key) : m_path + "." + key;
    auto it = m_value->find(key);
    if (it == m_value->end())
        JsonCursor(*m_value, m_file, p).fail("missing required key");
    return JsonCursor(*it, m_file, p);
}

JsonCursor JsonCursor::at(std::size_t i) const
{
    expectArray();
    return JsonCursor((*m_value)[i], m_file, m_path + "[" + std::to_string(i) + "]");
}

std::size_t JsonCursor::size() const
{
    expectArray();
    return m_value->size();
}

std::string JsonCursor::string() const
{
    if (!m_value->is_string())
        fail("expected a string");
    std::string s = m_value->get<std::string>();
    if (s.empty())
        fail("must not be empty");
    return s;
}

double JsonCursor::number() const
{
    if (!m_value->is_number())
        fail("expected a number");
    const double d = m_value->get<double>();
    if (!std::isfinite(static_cast<float>(d))) // stored as floats: 1e39 would become infinite
        fail("expected a finite number, got " + m_value->dump());
    return d;
}

bool JsonCursor::boolean() const
{
    if (!m_value->is_boolean())
        fail("expected true or false");
    return m_value->get<bool>();
}

std::vector<std::string> JsonCursor::strings() const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < size(); ++i)
        out.push_back(at(i).string());
    return out;
}

void JsonCursor::expectObject() const
{
    if (!m_value->is_object())
        fail("expected an object");
}

void JsonCursor::expectArray() const
{
    if (!m_value->is_array())
        fail("expected an array");
}

std::string JsonCursor::stringOr(const char* key, std::string fallback) const
{
    return has(key) ? at(key).string() : fallback;
}

std::vector<std::string> JsonCursor::stringsOr(const char* key) const
{
    return has(key) ? at(key).strings() : std::vector<std::string>{};
}

void JsonCursor::fail(const std::string& message) const
{
    throw ValidationError(m_file + ": " + (m_path.empty() ? std::string("(top level)") : m_path) + ": " + message);
}

} // namespace ta::core
