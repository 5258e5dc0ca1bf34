#pragma once
// Subcommands of the trigger-atlas executable. Each add* function registers one CLI11 subcommand whose
// callback does the work and stores the process exit status in `exitCode`. Callbacks may throw ta::Error;
// main() prints its message as one line and exits non-zero.
#include <CLI/CLI.hpp>

namespace ta::app {

/// `trigger-atlas bake`: regenerate assets/models/neck-shoulder.glb from assets/anatomy/.
void addBakeCommand(CLI::App& app, int& exitCode);
/// `trigger-atlas list regions|trigger-points|structures`.
void addListCommand(CLI::App& app, int& exitCode);
/// `trigger-atlas lookup --region R ... --side S [--json]`.
void addLookupCommand(CLI::App& app, int& exitCode);

} // namespace ta::app
