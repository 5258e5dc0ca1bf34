// `trigger-atlas protocol list` and `protocol show NAME [--json]`: the treatment protocols of
// assets/protocols/, resolved by session::ProtocolLibrary (the window steps through the same ones).
#include "app/commands.h"
#include "core/error.h"
#include "core/referral/close_matches.h"
#include "core/referral/referral_data.h"
#include "io/asset_paths.h"
#include "session/treatment/treatment_service.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace ta::app {

void addProtocolCommands(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("protocol", "Treatment protocols: `protocol list`, `protocol show NAME [--json]`");
    cmd->require_subcommand(1);

    auto* list = cmd->add_subcommand("list", "List the protocols (id<TAB>name<TAB>steps<TAB>total hold)");
    list->callback([&exitCode] {
        const core::ReferralData data = core::ReferralData::load(io::assetPath("data"));
        const auto service = session::TreatmentService::loadInstalled(data);
        for (const auto& p : service->protocols().all())
            std::printf("%s\t%s\t%zu steps\t%d s held\n", p.protocol.id.c_str(), p.protocol.name.c_str(),
                        p.steps.size(), p.totalHoldSeconds());
        static_cast<void>(std::fflush(stdout));
        exitCode = 0;
    });

    auto* show =
        cmd->add_subcommand("show", "Show one protocol: its steps in order, what to screen for, why this order");
    auto name = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    show->add_option("name", *name, "the protocol's id (protocol list)")->required();
    show->add_flag("--json", *json, "print JSON instead of text");
    show->callback([name, json, &exitCode] {
        const core::ReferralData data = core::ReferralData::load(io::assetPath("data"));
        const auto service = session::TreatmentService::loadInstalled(data);
        const session::ResolvedProtocol* p = service->protocols().find(*name);
        if (!p) {
            std::string msg = "protocol show: unknown protocol \"" + *name + "\"";
            const auto close = core::closeMatches(*name, service->protocols().ids(), 1);
            if (!close.empty())
                msg += "; did you mean " + close.front() + "?";
            throw ArgumentError(msg + " (protocol list lists them)");
        }
        if (*json)
            std::printf("%s\n", session::toJson(*p, data).dump(2).c_str());
        else
            std::printf("%s", session::toText(*p, data).c_str());
        static_cast<void>(std::fflush(stdout));
        exitCode = 0;
    });
}

} // namespace ta::app
