// trigger-atlas: entry point. Parses the command line and dispatches to a subcommand, an off-screen run
// (--screenshot, --bench) or the interactive viewer.
#include "app/commands.h"
#include "app/start_option_flags.h"
#include "app/headless.h"
#include "app/view_options.h"
#include "app/viewer.h"
#include "core/error.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <string>

namespace {

using ta::oneLine;

} // namespace

int main(int argc, char** argv)
{
    CLI::App cli{"TriggerAtlas: a layered 3D atlas of the head, neck and shoulders with trigger points",
                 "trigger-atlas"};
    cli.set_version_flag("--version", std::string("trigger-atlas ") + TA_VERSION);
    int exitCode = 0;
    ta::app::ViewOptions view;
    ta::app::addViewOptions(cli, view);
    ta::session::StartOptions start;
    ta::app::addStartOptionFlags(cli, start);
    ta::app::addBakeCommand(cli, exitCode);
    ta::app::addImportModelCommand(cli, exitCode);
    ta::app::addListCommand(cli, exitCode);
    ta::app::addLookupCommand(cli, exitCode);
    ta::app::addSearchCommand(cli, exitCode);
    ta::app::addClientRecordCommands(cli, exitCode);
    ta::app::addSessionRecordCommands(cli, exitCode);
    ta::app::addClinicCommands(cli, exitCode);
    ta::app::addReportCommands(cli, exitCode);
    ta::app::addQuizCommands(cli, exitCode);
    ta::app::addShowCommand(cli, exitCode);
    ta::app::addProtocolCommands(cli, exitCode);
    try {
        cli.parse(argc, argv);
        if (!cli.get_subcommands().empty())
            return exitCode;
        if (!view.screenshot.empty() || !view.screenshotWindow.empty())
            return ta::app::runScreenshot(view, start);
        if (view.bench)
            return ta::app::runBench(view, start);
        return ta::app::runViewer(view, start);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        // One line, like every other error (CLI11's own format adds a second "Run with --help" line).
        std::fprintf(stderr, "trigger-atlas: %s (see --help)\n", oneLine(e.what()).c_str());
        return e.get_exit_code() != 0 ? e.get_exit_code() : 2;
    } catch (const ta::Error& e) {
        std::fprintf(stderr, "trigger-atlas: %s\n", oneLine(e.what()).c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "trigger-atlas: unexpected error: %s\n", oneLine(e.what()).c_str());
        return 1;
    }
}
