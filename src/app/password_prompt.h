#pragma once
// Asking for a password on the terminal (never on the command line, never echoed, never logged).
#include <optional>
#include <string>

namespace ta::app {

/// Prints `prompt` on the controlling terminal and reads a line with echo off. nullopt when there is no
/// terminal (a script: use PGPASSWORD or ~/.pgpass) or the input ended.
std::optional<std::string> askPasswordOnTerminal(const std::string& prompt);

} // namespace ta::app
