#pragma once
// Enumerations spelled in our JSON files and on the command line: a table of (value, name) pairs per
// enumeration, looked up both ways.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace ta::core {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

/// The name of `e` in `table`, "?" when the table lacks it.
template <typename E, std::size_t N>
std::string_view nameOf(const EnumNames<E, N>& table, E e)
{
    for (const auto& [v, n] : table)
        if (v == e)
            return n;
    return "?";
}

/// The value named `s` in `table`; nullopt when no entry has that name.
template <typename E, std::size_t N>
std::optional<E> valueOf(const EnumNames<E, N>& table, std::string_view s)
{
    for (const auto& [v, n] : table)
        if (n == s)
            return v;
    return std::nullopt;
}

} // namespace ta::core
