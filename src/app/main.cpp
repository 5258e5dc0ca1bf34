// trigger-atlas: entry point. Parses the command line and dispatches to a subcommand or the viewer.
#include "app/commands.h"
#include "core/error.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    CLI::App cli{"TriggerAtlas: a layered 3D atlas of the head, neck and shoulders with trigger points",
                 "trigger-atlas"};
    cli.set_version_flag("--version", std::string("trigger-atlas ") + TA_VERSION);
    int exitCode = 0;
    ta::app::addBakeCommand(cli, exitCode);
    ta::app::addListCommand(cli, exitCode);
    ta::app::addLookupCommand(cli, exitCode);
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    } catch (const ta::Error& e) {
        std::fprintf(stderr, "trigger-atlas: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "trigger-atlas: unexpected error: %s\n", e.what());
        return 1;
    }
    return exitCode;
}
