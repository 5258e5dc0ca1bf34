// Placeholder: the owner of this command replaces it.
#include "app/commands.h"
namespace ta::app {
void addBakeCommand(CLI::App& app, int& exitCode)
{
    app.add_subcommand("bake", "(not built yet)")->callback([&exitCode] { exitCode = 2; });
}
} // namespace ta::app
