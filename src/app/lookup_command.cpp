// Placeholder: the owner of this command replaces it.
#include "app/commands.h"
namespace ta::app {
void addLookupCommand(CLI::App& app, int& exitCode)
{
    app.add_subcommand("lookup", "(not built yet)")->callback([&exitCode] { exitCode = 2; });
}
} // namespace ta::app
