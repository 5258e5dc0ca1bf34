#pragma once
// The command-line flags of the state a session starts in (session::StartOptions):
//   --select STRUCTURE  --trigger-point ID  --layers skin,bone  --ghost  --presentation  --landmarks
//   --referral-path  --tags FILE
#include "session/start_options.h"

#include <CLI/CLI.hpp>

namespace ta::app {

/// Registers the flags on the main command; CLI11 writes the values into `options` while parsing.
void addStartOptionFlags(CLI::App& cli, session::StartOptions& options);

} // namespace ta::app
