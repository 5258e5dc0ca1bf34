#include "session/lookup_service.h"

#include "core/bodymap/body_map_json.h"
#include "core/bodymap/pain_drawing.h"
#include "core/error.h"
#include "core/referral/close_matches.h"
#include "io/gltf_reader.h"
#include "session/drawing_explainer.h"
#include "session/trigger_point_catalog.h"

namespace ta::session {
namespace {

std::string suggestion(const std::string& value, const std::vector<std::string>& candidates)
{
    const auto close = core::closeMatches(value, candidates);
    if (close.empty())
        return "";
    std::string s = "; close matches: ";
    for (std::size_t i = 0; i < close.size(); ++i)
        s += (i ? ", " : "") + close[i];
    return s;
}

std::vector<core::Side> parseSide(const std::string& side)
{
    if (side == "left")
        return {core::Side::Left};
    if (side == "right")
        return {core::Side::Right};
    if (side == "both")
        return {core::Side::Left, core::Side::Right};
    std::string msg = "lookup: unknown side \"" + side + "\" (expected left, right or both)";
    const auto close = core::closeMatches(side, {"left", "right", "both"}, 3);
    if (!close.empty())
        msg += "; did you mean " + close.front() + "?";
    throw ArgumentError(msg);
}

} // namespace

LookupService::LookupService(std::filesystem::path dataDir)
    : m_dataDir(std::move(dataDir)), m_data(core::ReferralData::load(m_dataDir))
{
}

namespace {

core::AnatomyModel modelWithSkin(const std::filesystem::path& modelFile)
{
    core::AnatomyModel model = io::loadModel(modelFile);
    if (!model.get(model.find("skin")))
        throw ArgumentError("lookup: " + modelFile.string() + ": the model has no skin to draw pain on");
    return model;
}

} // namespace

TriggerPointCatalog::PainExplanation LookupService::byRegions(const std::vector<std::string>& regions, const std::string& side,
                                                              const std::filesystem::path& modelFile) const
{
    const auto sides = parseSide(side);
    std::vector<std::string> names;
    for (const auto& r : m_data.regions) {
        names.push_back(r.id);
        names.insert(names.end(), r.aliases.begin(), r.aliases.end());
    }
    std::vector<core::SidedIndex> drawing;
    for (const auto& name : regions) {
        const auto idx = m_data.findRegion(name);
        if (!idx)
            throw ArgumentError("lookup: unknown region \"" + name + "\"" + suggestion(name, names) +
                                " (`trigger-atlas list regions` shows all)");
        for (auto s : sides)
            drawing.push_back({*idx, s});
    }
    const core::AnatomyModel model = modelWithSkin(modelFile);
    TriggerPointCatalog catalog;
    catalog.load(m_dataDir, model);
    return explainRegions(model, catalog, drawing);
}

TriggerPointCatalog::PainExplanation LookupService::byBodyMap(const std::filesystem::path& file, const std::string& date,
                                                      const std::filesystem::path& modelFile) const
{
    const core::BodyMap map = core::loadBodyMap(file);
    std::string day = date;
    if (day.empty())
        for (const auto& s : map.sessions)
            if (!s.painMarks.empty())
                day = s.date;
    const auto marks = core::painMarksOf(map, day);
    if (marks.empty())
        throw ArgumentError("lookup: " + file.string() + ": no pain marks" +
                            (date.empty() ? std::string(" in any session") : " in session " + date));
    const core::AnatomyModel model = modelWithSkin(modelFile);
    TriggerPointCatalog catalog;
    catalog.load(m_dataDir, model);
    return explainDrawingFully(model, catalog, marks);
}

} // namespace ta::session
