#pragma once
// "skin, bone" -> {"skin", "bone"}: the comma lists people type (layers, techniques).
#include <string>
#include <string_view>
#include <vector>

namespace ta::core {

/// Splits at `separator`, trims spaces around each item and drops empty items.
std::vector<std::string> splitList(std::string_view text, char separator = ',');

} // namespace ta::core
