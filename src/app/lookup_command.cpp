// `trigger-atlas lookup --region R [--region R ...] --side left|right|both [--json] [--limit N]`: rank the
// trigger points whose referral zones explain pain in the given regions (see core/referral/reverse_lookup.h).
// `trigger-atlas lookup --tags CLIENT.json [--session DATE]`: the same from a body map's pain drawing,
// projected on the model's skin (the drawing of DATE, or of the latest session that has one).
// `trigger-atlas lookup [--db FILE] --session ID`: the same from a recorded session's pain drawing
// (session::explainSession), printed alike.
#include "app/commands.h"
#include "app/records_cli.h"
#include "core/error.h"
#include "io/asset_paths.h"
#include "session/lookup_service.h"
#include "session/records/record_services.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace ta::app {
namespace {

struct LookupArgs {
    std::vector<std::string> regions;
    std::string side;
    std::string tags;    ///< a body map whose pain drawing to explain, instead of regions
    std::string session; ///< with tags: the session date (empty = the latest with pain marks); else a record session id
    std::string db;      ///< with a record session: the record database (records::databasePath)
    std::string model;   ///< with tags: the model whose skin the drawing is projected on
    bool json = false;
    int limit = 10;
};

/// The ranking of a recorded session's pain drawing (`--session ID` without --tags).
std::vector<core::LookupHit> byRecordSession(const LookupArgs& args)
{
    auto store = records::openStore(args.db);
    const auto record = records::requireSession(*store, "lookup", args.session);
    if (record.painMarks.empty())
        throw ArgumentError("lookup: session " + args.session + " has no pain marks (add some with `pain add`)");
    auto anatomy = records::loadAnatomy(args.model);
    std::vector<core::LookupHit> hits;
    for (auto& source : session::explainSession(anatomy->model, anatomy->catalog, record, /*limit=*/0))
        hits.push_back(std::move(source.hit));
    return hits;
}

void run(const LookupArgs& args)
{
    const session::LookupService service(io::assetPath("data"));
    const core::ReferralData& data = service.data();
    const bool recorded = args.tags.empty() && !args.session.empty();
    if (!args.tags.empty() && !args.regions.empty())
        throw ArgumentError("lookup: give --region (with --side) or --tags, not both");
    if (recorded && !args.regions.empty())
        throw ArgumentError("lookup: give --region (with --side) or --session, not both");
    if (!args.db.empty() && !recorded)
        throw ArgumentError("lookup: --db goes with --session ID (a recorded session)");
    if (args.tags.empty() && args.regions.empty() && !recorded)
        throw ArgumentError("lookup: give at least one --region (with --side), --tags with a body map, or --session "
                            "with a recorded session's id");
    if (args.tags.empty() && !recorded && args.side.empty())
        throw ArgumentError("lookup: --side left|right|both is required with --region");
    auto hits = recorded              ? byRecordSession(args)
                : args.tags.empty()   ? service.byRegions(args.regions, args.side)
                                      : service.byBodyMap(args.tags, args.session,
                                                          args.model.empty() ? io::defaultModelPath()
                                                                             : std::filesystem::path(args.model));
    if (args.limit > 0 && hits.size() > static_cast<std::size_t>(args.limit))
        hits.resize(static_cast<std::size_t>(args.limit));

    if (args.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& h : hits) {
            const auto& t = data.triggerPoints[h.triggerPoint.index];
            out.push_back({{"trigger_point", t.id},
                           {"side", std::string(core::toString(h.triggerPoint.side))},
                           {"name", t.name},
                           {"muscle", t.muscle},
                           {"score", std::round(h.score * 1000.0) / 1000.0},
                           {"essential_coverage", std::round(h.essentialCoverage * 1000.0) / 1000.0},
                           {"spillover_coverage", std::round(h.spilloverCoverage * 1000.0) / 1000.0},
                           {"confidence", std::string(core::toString(t.confidence))},
                           {"essential_regions", h.essentialRegions},
                           {"spillover_regions", h.spilloverRegions},
                           {"contested", !t.disagreements.empty()},
                           {"reason", h.reason}});
        }
        std::printf("%s\n", out.dump(2).c_str());
    } else if (hits.empty()) {
        std::printf("No trigger point in the data refers pain to these regions.\n");
    } else {
        int rank = 1;
        for (const auto& h : hits) {
            const auto& t = data.triggerPoints[h.triggerPoint.index];
            std::printf("%2d. %-40s %-5s %.2f  %s (%s): %s\n", rank++, t.id.c_str(),
                        std::string(core::toString(h.triggerPoint.side)).c_str(), h.score, t.name.c_str(),
                        t.muscle.c_str(), h.reason.c_str());
        }
    }
    std::fflush(stdout);
}

} // namespace

void addLookupCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("lookup", "Rank trigger points that could explain pain in the given regions, or in "
                                             "a body map's pain drawing");
    auto args = std::make_shared<LookupArgs>();
    cmd->add_option("--region,-r", args->regions, "A painful region (repeat for several); see `list regions`");
    cmd->add_option("--side,-s", args->side, "left | right | both (with --region)");
    cmd->add_option("--tags", args->tags, "A body map (JSON): explain its pain drawing instead of regions");
    cmd->add_option("--session", args->session,
                    "With --tags: the session date (default: the latest with pain marks); else a recorded session's id");
    records::addDbOption(*cmd, args->db);
    cmd->add_option("--model", args->model,
                    "With --tags or a recorded --session: the model to project the drawing on (default: the committed one)");
    cmd->add_flag("--json", args->json, "Print a JSON array, best first");
    cmd->add_option("--limit,-n", args->limit, "Show at most N results (0 = all)")->capture_default_str();
    cmd->callback([args, &exitCode] {
        run(*args);
        exitCode = 0;
    });
}

} // namespace ta::app
