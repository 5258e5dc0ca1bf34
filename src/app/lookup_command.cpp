// `trigger-atlas lookup --region R [--region R ...] --side left|right|both [--json] [--limit N]`: rank the
// trigger points whose referral zones explain pain in the given regions, painted as their footprint on the
// model's skin (see core/referral/reverse_lookup.h), grouped by muscle, and the sets that explain it together.
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

#include <algorithm>
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

using Explanation = session::TriggerPointCatalog::PainExplanation;

/// The verdict on a recorded session's pain drawing (`--session ID` without --tags).
Explanation byRecordSession(const LookupArgs& args)
{
    auto store = records::openStore(args.db);
    const auto record = records::requireSession(*store, "lookup", args.session);
    if (record.painMarks.empty())
        throw ArgumentError("lookup: session " + args.session + " has no pain marks (add some with `pain add`)");
    auto anatomy = records::loadAnatomy(args.model);
    return session::explainSession(anatomy->model, anatomy->catalog, record);
}

double rounded(float x) { return std::round(x * 1000.0) / 1000.0; }

std::string sideOf(const core::LookupHit& h)
{
    return h.bothSides ? "both" : std::string(core::toString(h.triggerPoint.side));
}

nlohmann::json hitJson(const core::ReferralData& data, const core::LookupHit& h)
{
    const auto& t = data.triggerPoints[h.triggerPoint.index];
    nlohmann::json guide = nlohmann::json::array();
    for (const auto& g : h.guide)
        guide.push_back({{"area", g.area}, {"label", g.label}, {"rank", g.rank}, {"listed", g.listed}, {"share", rounded(g.share)}});
    return {{"trigger_point", t.id},
            {"side", sideOf(h)},
            {"name", t.name},
            {"muscle", t.muscle},
            {"score", rounded(h.score)},
            {"zone_score", rounded(h.zoneScore)},
            {"guide_score", rounded(h.guideScore)},
            {"guide", guide},
            {"essential_coverage", rounded(h.essentialCoverage)},
            {"spillover_coverage", rounded(h.spilloverCoverage)},
            {"confidence", std::string(core::toString(t.confidence))},
            {"essential_regions", h.essentialRegions},
            {"spillover_regions", h.spilloverRegions},
            {"contested", !t.disagreements.empty()},
            {"reason", h.reason}};
}

/// "temporalis.atrp3 (right) + trapezius.upper.trp1 (right)".
std::string setMembers(const core::ReferralData& data, const Explanation& e, const core::CoverSet& set)
{
    std::string s;
    for (std::size_t m : set.members) {
        const auto& h = e.sources[m].hit;
        s += (s.empty() ? "" : " + ") + data.triggerPoints[h.triggerPoint.index].id + " (" + sideOf(h) + ")";
    }
    return s;
}

void printJson(const core::ReferralData& data, const Explanation& e, std::size_t groups)
{
    nlohmann::json out = {{"groups", nlohmann::json::array()}, {"sets", nlohmann::json::array()}};
    for (std::size_t g = 0; g < groups; ++g) {
        const auto& group = e.groups[g];
        nlohmann::json tps = nlohmann::json::array();
        for (std::size_t h : group.hits)
            tps.push_back(hitJson(data, e.sources[h].hit));
        out["groups"].push_back({{"muscle", data.muscles[group.muscle].id},
                                 {"name", data.muscles[group.muscle].name},
                                 {"score", rounded(group.score)},
                                 {"trigger_points", tps}});
    }
    for (const auto& set : e.sets) {
        nlohmann::json members = nlohmann::json::array();
        for (std::size_t m : set.members) {
            const auto& h = e.sources[m].hit;
            members.push_back({{"trigger_point", data.triggerPoints[h.triggerPoint.index].id}, {"side", sideOf(h)}});
        }
        out["sets"].push_back({{"trigger_points", members},
                               {"coverage", rounded(set.coverage)},
                               {"score", rounded(set.score)},
                               {"regions", set.regions},
                               {"reason", set.reason}});
    }
    std::printf("%s\n", out.dump(2).c_str());
}

/// One line per muscle (its best trigger point), its other trigger points indented under it, then the
/// sets that explain the drawing together.
void printText(const core::ReferralData& data, const Explanation& e, std::size_t groups)
{
    for (std::size_t g = 0; g < groups; ++g) {
        const auto& group = e.groups[g];
        for (std::size_t k = 0; k < group.hits.size(); ++k) {
            const auto& h = e.sources[group.hits[k]].hit;
            const auto& t = data.triggerPoints[h.triggerPoint.index];
            if (k == 0)
                std::printf("%2zu. %-40s %-5s %.2f  %s (%s): %s\n", g + 1, t.id.c_str(), sideOf(h).c_str(), h.score,
                            t.name.c_str(), t.muscle.c_str(), h.reason.c_str());
            else
                std::printf("      also %-35s %-5s %.2f  %s: %s\n", t.id.c_str(), sideOf(h).c_str(), h.score, t.name.c_str(),
                            h.reason.c_str());
        }
    }
    if (!e.sets.empty())
        std::printf("Together (a few trigger points that explain the drawing between them):\n");
    char letter = 'a';
    for (const auto& set : e.sets)
        std::printf(" %c. %s: %s\n", letter++, setMembers(data, e, set).c_str(), set.reason.c_str());
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
    const std::filesystem::path model = args.model.empty() ? io::defaultModelPath() : std::filesystem::path(args.model);
    const Explanation e = recorded            ? byRecordSession(args)
                          : args.tags.empty() ? service.byRegions(args.regions, args.side, model)
                                              : service.byBodyMap(args.tags, args.session, model);
    std::size_t groups = e.groups.size();
    if (args.limit > 0)
        groups = std::min(groups, static_cast<std::size_t>(args.limit));

    if (args.json)
        printJson(data, e, groups);
    else if (e.groups.empty())
        std::printf("No trigger point in the data refers pain to these regions.\n");
    else
        printText(data, e, groups);
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
    cmd->add_option("--model", args->model, "The model whose skin the regions or the drawing are painted on (default: the committed one)");
    cmd->add_flag("--json", args->json,
                  "Print JSON: {\"groups\": per muscle, best first, its trigger points best first; \"sets\": ...}");
    cmd->add_option("--limit,-n", args->limit, "Show at most N muscles (0 = all)")->capture_default_str();
    cmd->callback([args, &exitCode] {
        run(*args);
        exitCode = 0;
    });
}

} // namespace ta::app
