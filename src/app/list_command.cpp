// `trigger-atlas list regions|trigger-points|structures`: one line per item, the id first, then a tab and
// the human name. Regions and trigger points come from assets/data/, structures from the model file.
#include "app/commands.h"
#include "core/error.h"
#include "core/referral/close_matches.h"
#include "core/referral/referral_data.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"

#include <cstdio>
#include <string>
#include <vector>

namespace ta::app {
namespace {

void listRegions(const core::ReferralData& data)
{
    for (const auto& r : data.regions) {
        std::string line = r.id + "\t" + r.name;
        if (r.deep)
            line += " (deep)";
        std::printf("%s\n", line.c_str());
    }
}

void listTriggerPoints(const core::ReferralData& data)
{
    for (const auto& t : data.triggerPoints)
        std::printf("%s\t%s\n", t.id.c_str(), t.name.c_str());
}

void listStructures()
{
    const core::AnatomyModel model = io::loadModel(io::defaultModelPath());
    for (const auto& s : model.structures)
        std::printf("%s\t%s\n", s.id.c_str(), s.name.c_str());
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
            listStructures();
        } else if (*what == "regions" || *what == "trigger-points") {
            const auto data = core::ReferralData::load(io::assetPath("data"));
            if (*what == "regions")
                listRegions(data);
            else
                listTriggerPoints(data);
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
