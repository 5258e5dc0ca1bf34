// `trigger-atlas search TEXT`: the window's search on the command line, through the same
// session::SearchService. One result per line, best first: kind<TAB>id<TAB>name (and<TAB>why, for trigger
// points found by where they refer). Exit 0 with results, 1 with none.
#include "app/commands.h"
#include "core/error.h"
#include "core/referral/referral_data.h"
#include "core/search/structure_search.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/search_service.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace ta::app {

void addSearchCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("search", "Find structures, trigger points and pain areas by name or symptom "
                                             "(\"headache\", \"jaw pain\"): kind<TAB>id<TAB>name, best first");
    auto limit = std::make_shared<std::size_t>(20);
    cmd->add_option("--limit", *limit, "at most this many results (before the text)")->check(CLI::Range(1, 1000));
    // Everything after the options is the text, unquoted words included: "search jaw pain" must not take
    // "pain" for the `pain` subcommand.
    cmd->prefix_command();
    cmd->callback([cmd, limit, &exitCode] {
        std::string text;
        for (const auto& w : cmd->remaining())
            text += (text.empty() ? "" : " ") + w;
        if (text.empty())
            throw ArgumentError("search: what to look for? e.g. trigger-atlas search headache");
        const auto data = core::ReferralData::load(io::assetPath("data"));
        const core::AnatomyModel model = io::loadModel(io::defaultModelPath());
        const core::StructureSearch structures(model);
        const session::SearchService service(&data, &model, &structures);
        const auto results = service.find(text, *limit);
        for (const auto& r : results)
            std::printf("%s\t%s\t%s%s%s\n", std::string(session::toString(r.kind)).c_str(), r.id.c_str(), r.name.c_str(),
                        r.why.empty() ? "" : "\t", r.why.c_str());
        std::fflush(stdout);
        if (results.empty())
            std::fprintf(stderr, "trigger-atlas: search: nothing found for \"%s\"\n", text.c_str());
        exitCode = results.empty() ? 1 : 0;
    });
}

} // namespace ta::app
