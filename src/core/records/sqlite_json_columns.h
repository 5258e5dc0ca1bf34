#pragma once
// Internal to the record store backends (SQLite, and PostgreSQL in io): list-valued columns are stored as
// JSON arrays in text columns, the same in both.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ta::core::records::detail {

template <typename T>
std::string toJsonColumn(const std::vector<T>& values)
{
    return nlohmann::json(values).dump();
}

/// An unreadable column (only possible if someone edited the file by hand) reads as an empty list.
template <typename T>
std::vector<T> fromJsonColumn(const std::string& text)
{
    const auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<T> out;
    if (!j.is_array())
        return out;
    for (const auto& v : j) {
        if constexpr (std::is_same_v<T, std::string>) {
            if (v.is_string())
                out.push_back(v.get<std::string>());
        } else {
            if (v.is_number_integer())
                out.push_back(v.get<T>());
        }
    }
    return out;
}

} // namespace ta::core::records::detail
