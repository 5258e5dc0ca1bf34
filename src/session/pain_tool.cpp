#include "session/pain_tool.h"

#include "session/drawing_explainer.h"

#include "core/bodymap/pain_drawing.h"

#include <algorithm>

namespace ta::session {
namespace {

bool sameMarks(const std::vector<core::PainMark>& a, const std::vector<core::PainMark>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const core::PainMark& x, const core::PainMark& y) {
        return x.id == y.id && x.position == y.position && x.radius == y.radius && x.intensity == y.intensity;
    });
}

} // namespace

void PainTool::paintAt(const glm::vec3& point, const std::string& structure)
{
    if (!m_stroke.empty() && glm::distance(m_stroke.back().position, point) < 0.5f * radius)
        return;
    core::PainMark m;
    m.structure = structure;
    m.position = point;
    m.radius = radius;
    m.intensity = std::clamp(intensity, 1, core::kMaxSeverity);
    m_stroke.push_back(std::move(m));
}

void PainTool::eraseAt(const glm::vec3& point, const core::BodyMapEditor& bodyMap)
{
    for (const core::PainMark& m : core::painMarksOf(bodyMap.map(), bodyMap.sessionDate()))
        if (glm::distance(m.position, point) < 0.5f * (radius + m.radius) &&
            std::find(m_erased.begin(), m_erased.end(), m.id) == m_erased.end())
            m_erased.push_back(m.id);
}

void PainTool::endStroke(core::BodyMapEditor& bodyMap)
{
    if (!m_stroke.empty())
        bodyMap.addPainMarks(std::move(m_stroke));
    if (!m_erased.empty())
        bodyMap.deletePainMarks(m_erased);
    m_stroke.clear();
    m_erased.clear();
}

void PainTool::refresh(const core::AnatomyModel& model, TriggerPointCatalog& catalog, const core::BodyMapEditor& bodyMap,
                       const std::vector<core::StructureId>& targets, core::VertexQuantity<float>& overlay)
{
    std::string date = allSessions ? std::string() : bodyMap.sessionDate();
    if (!allSessions && m_stroke.empty() && m_erased.empty() && core::painMarksOf(bodyMap.map(), date).empty())
        for (const core::Session& s : bodyMap.map().sessions) // in date order: the last one with pain wins
            if (!s.painMarks.empty())
                date = s.date;
    m_shownDate = date;
    std::vector<core::PainMark> shown = core::painMarksOf(bodyMap.map(), date);
    std::erase_if(shown, [&](const core::PainMark& m) {
        return std::find(m_erased.begin(), m_erased.end(), m.id) != m_erased.end();
    });
    shown.insert(shown.end(), m_stroke.begin(), m_stroke.end());
    const bool changed = !sameMarks(shown, m_shown) || targets != m_targets || &model != m_model;
    if (changed) {
        m_shown = std::move(shown);
        m_targets = targets;
        m_model = &model;
        std::vector<std::vector<float>> weights(model.structures.size());
        if (!m_shown.empty())
            for (core::StructureId t : targets)
                if (const core::Structure* s = model.get(t))
                    weights[t.value] = core::painIntensities(s->mesh, m_shown);
        overlay.assign(std::move(weights));
        m_sourcesStale = true;
    }
    // The lookup reads the drawing on the skin, whatever is shown; it waits for the end of a stroke.
    if (m_sourcesStale && !painting()) {
        m_sourcesStale = false;
        m_explanation = explainDrawingFully(model, catalog, m_shown);
    }
}

} // namespace ta::session
