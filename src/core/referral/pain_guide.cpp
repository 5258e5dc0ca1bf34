#include "core/referral/pain_guide.h"

#include "core/referral/json_cursor.h"
#include "core/referral/referral_data.h"

#include <algorithm>
#include <set>

namespace ta::core {
namespace {

Confidence confidenceOf(const JsonCursor& c)
{
    const std::string s = c.string();
    if (s == "H")
        return Confidence::High;
    if (s == "M")
        return Confidence::Medium;
    if (s == "L")
        return Confidence::Low;
    c.fail("unknown value \"" + s + "\" (expected one of: H, M, L)");
}

void checkSources(const ReferralData& d, const JsonCursor& c, const std::vector<std::string>& keys)
{
    for (const auto& k : keys)
        if (!d.sources.count(k))
            c.fail("unknown source key \"" + k + "\" (not in the \"sources\" table of " +
                   ReferralData::kTriggerPointsFile + ")");
}

int readRank(const JsonCursor& c, int listed)
{
    const double r = c.number();
    if (r != static_cast<double>(static_cast<int>(r)) || r < 1.0 || r > static_cast<double>(listed))
        c.fail("expected a whole number from 1 to " + std::to_string(listed) + " (the area's \"listed\")");
    return static_cast<int>(r);
}

PainGuideEntry readEntry(const ReferralData& d, const JsonCursor& c, const PainGuideArea& area)
{
    c.expectObject();
    PainGuideEntry e;
    e.rank = readRank(c.at("rank"), area.listed);
    e.label = c.string("label");
    e.muscle = c.string("muscle");
    if (!d.findMuscle(e.muscle))
        c.at("muscle").fail("unknown muscle \"" + e.muscle + "\" (not in " + ReferralData::kMusclesFile + ")");
    e.triggerPoints = c.stringsOr("trigger_points");
    for (const auto& id : e.triggerPoints) {
        const auto t = d.findTriggerPoint(id);
        if (!t)
            c.at("trigger_points").fail("unknown trigger point \"" + id + "\" (not in " + ReferralData::kTriggerPointsFile + ")");
        if (d.triggerPoints[*t].muscle != e.muscle)
            c.at("trigger_points").fail("trigger point \"" + id + "\" is not one of muscle \"" + e.muscle + "\"'s");
    }
    e.confidence = c.has("confidence") ? confidenceOf(c.at("confidence")) : area.confidence;
    e.sources = c.has("sources") ? c.at("sources").strings() : area.sources;
    if (c.has("sources"))
        checkSources(d, c.at("sources"), e.sources);
    e.notes = c.stringOr("notes", "");
    return e;
}

} // namespace

const PainGuideEntry* PainGuideArea::entryFor(const TriggerPointRecord& tp) const
{
    for (const auto& e : entries) // by rank, so the first match is the best
        if (e.muscle == tp.muscle &&
            (e.triggerPoints.empty() || std::find(e.triggerPoints.begin(), e.triggerPoints.end(), tp.id) != e.triggerPoints.end()))
            return &e;
    return nullptr;
}

PainGuide PainGuide::load(const std::filesystem::path& file, const ReferralData& d)
{
    const nlohmann::json doc = JsonCursor::parseFile(file);
    const JsonCursor root(doc, file.string());
    root.expectObject();
    if (root.string("schema") != "trigger-atlas/pain-guide")
        root.at("schema").fail("expected \"trigger-atlas/pain-guide\"");
    if (root.at("version").number() != ReferralData::kSchemaVersion)
        root.at("version").fail("unsupported version " + root.at("version").value().dump() + " (this build reads " +
                                std::to_string(ReferralData::kSchemaVersion) + ")");
    PainGuide g;
    g.source = root.string("source");
    checkSources(d, root.at("source"), {g.source});
    const JsonCursor list = root.at("areas");
    list.expectArray();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const JsonCursor item = list.at(i);
        item.expectObject();
        PainGuideArea a;
        a.id = item.string("id");
        const JsonCursor c(item.value(), item.file(), "areas[" + a.id + "]");
        if (!seen.insert(a.id).second)
            c.at("id").fail("duplicate id \"" + a.id + "\"");
        a.name = c.string("name");
        for (const auto& r : c.at("regions").strings()) {
            const auto idx = d.findRegion(r);
            if (!idx)
                c.at("regions").fail("unknown region \"" + r + "\" (not in " + ReferralData::kRegionsFile + ")");
            a.regions.push_back(d.regions[*idx].id);
        }
        if (a.regions.empty())
            c.at("regions").fail("must name at least one region");
        const double listed = c.at("listed").number();
        if (listed != static_cast<double>(static_cast<int>(listed)) || listed < 1.0 || listed > 100.0)
            c.at("listed").fail("expected a whole number from 1 to 100");
        a.listed = static_cast<int>(listed);
        a.confidence = confidenceOf(c.at("confidence"));
        a.sources = c.at("sources").strings();
        checkSources(d, c.at("sources"), a.sources);
        a.notes = c.stringOr("notes", "");
        const JsonCursor muscles = c.at("muscles");
        muscles.expectArray();
        for (std::size_t k = 0; k < muscles.size(); ++k) {
            const JsonCursor m = muscles.at(k);
            PainGuideEntry e = readEntry(d, m, a);
            if (!a.entries.empty() && e.rank <= a.entries.back().rank)
                m.at("rank").fail("ranks must be unique and ascending (" + std::to_string(e.rank) + " after " +
                                  std::to_string(a.entries.back().rank) + ")");
            a.entries.push_back(std::move(e));
        }
        g.areas.push_back(std::move(a));
    }
    return g;
}

} // namespace ta::core
