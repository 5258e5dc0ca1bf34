#include "session/drawing_explainer.h"

#include "core/bodymap/pain_drawing.h"

namespace ta::session {

std::vector<TriggerPointCatalog::PainSource> explainDrawing(const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                                            const std::vector<core::PainMark>& marks, std::size_t limit)
{
    const auto skin = model.find("skin");
    const core::Structure* s = model.get(skin);
    if (!s || marks.empty() || !catalog.loaded())
        return {};
    return catalog.explainPain(*skin, core::painIntensities(s->mesh, marks), limit);
}

} // namespace ta::session
