// `trigger-atlas list regions|trigger-points|structures`: one line per item, the id first, then a tab and
// the human name. Regions and trigger points come from assets/data/, structures from the model file.
#include "app/commands.h"
#include "core/error.h"
#include "core/referral/close_matches.h"
#include "core/referral/referral_data.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/reference_lists.h"

#include <cstdio>
#include <string>
#include <vector>

namespace ta::app {
namespace {

void print(const std::vector<session::ListRow>& rows)
{
    for (const auto& r : rows)
        std::printf("%s\t%s\n", r.id.c_str(), r.name.c_str());
}

} // namespace

void addListCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("list", "List regions, trigger points or model structures (id<TAB>name)");
    auto what = std::make_shared<std::string>();
    cmd->add_option("what", *what, "regions | trigger-points | structures")->required();
    cmd->callback([what, &exitCode] {
        const std::vector<std::string> kinds{"regions", "trigger-points", "structures"};
        if (*what == "structures") {
            print(session::structureRows(io::loadModel(io::defaultModelPath())));
        } else if (*what == "regions" || *what == "trigger-points") {
            const auto data = core::ReferralData::load(io::assetPath("data"));
            print(*what == "regions" ? session::regionRows(data) : session::triggerPointRows(data));
        } else {
            std::string msg = "list: unknown kind \"" + *what + "\" (expected regions, trigger-points or structures)";
            const auto close = core::closeMatches(*what, kinds);
            if (!close.empty())
                msg += "; did you mean " + close.front() + "?";
            throw ArgumentError(msg);
        }
        std::fflush(stdout);
        exitCode = 0;
    });
}

} // namespace ta::app
