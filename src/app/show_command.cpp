// `trigger-atlas show trigger-point ID [--json]`: one trigger point whole (location, zones, symptoms,
// treatment, precautions, contraindications, self-care, sources), from session::TreatmentService, the
// same sheet the info panel shows.
#include "app/commands.h"
#include "core/error.h"
#include "core/referral/referral_data.h"
#include "io/asset_paths.h"
#include "session/treatment/treatment_service.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace ta::app {

void addShowCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("show", "Show one record whole: `show trigger-point ID [--json]`");
    auto what = std::make_shared<std::string>();
    auto id = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    cmd->add_option("what", *what, "trigger-point")->required();
    cmd->add_option("id", *id, "the trigger point's id, e.g. trapezius.upper.trp1 (trigger-atlas list trigger-points)")
        ->required();
    cmd->add_flag("--json", *json, "print JSON instead of text");
    cmd->callback([what, id, json, &exitCode] {
        if (*what != "trigger-point")
            throw ArgumentError("show: unknown kind \"" + *what + "\" (expected trigger-point)");
        const core::ReferralData data = core::ReferralData::load(io::assetPath("data"));
        const auto service = session::TreatmentService::loadInstalled(data);
        const session::TriggerPointSheet sheet = service->sheet(*id);
        if (*json)
            std::printf("%s\n", session::toJson(sheet).dump(2).c_str());
        else
            std::printf("%s", session::toText(sheet).c_str());
        static_cast<void>(std::fflush(stdout));
        exitCode = 0;
    });
}

} // namespace ta::app
