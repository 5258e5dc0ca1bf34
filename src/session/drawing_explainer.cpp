#include "session/drawing_explainer.h"

#include "core/bodymap/pain_drawing.h"

namespace ta::session {

std::vector<TriggerPointCatalog::PainSource> explainDrawing(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                            const std::vector<core::PainMark>& marks, std::size_t limit)
{
    auto sources = explainDrawingFully(model, catalog, marks).sources;
    if (limit > 0 && sources.size() > limit)
        sources.resize(limit);
    return sources;
}

TriggerPointCatalog::PainExplanation explainDrawingFully(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                         const std::vector<core::PainMark>& marks)
{
    const auto skin = model.find("skin");
    const core::Structure* s = model.get(skin);
    if (!s || marks.empty() || !catalog.loaded())
        return {};
    return catalog.explainPainFully(*skin, core::painIntensities(s->mesh, marks));
}

TriggerPointCatalog::PainExplanation explainRegions(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                    const std::vector<core::SidedIndex>& regions)
{
    const auto skin = model.find("skin");
    if (!model.get(skin) || regions.empty() || !catalog.loaded())
        return {};
    return catalog.explainPainFully(*skin, catalog.regionFootprint(*skin, regions));
}

} // namespace ta::session
