#include "core/visibility/visibility_state.h"

#include <algorithm>
#include <cmath>

namespace ta::core {

void VisibilityState::setLayerVisible(Layer l, bool visible)
{
    m_layers[index(l)].visible = visible;
    std::erase(m_peeled, l);
}

void VisibilityState::setLayerOpacity(Layer l, float opacity)
{
    m_layers[index(l)].opacity = std::clamp(std::isnan(opacity) ? 1.0f : opacity, 0.0f, 1.0f);
}

void VisibilityState::showOnlyLayers(std::initializer_list<Layer> layers)
{
    showOnlyLayers(std::vector<Layer>(layers));
}

void VisibilityState::showOnlyLayers(const std::vector<Layer>& layers)
{
    for (Layer l : kAllLayers)
        m_layers[index(l)].visible = std::find(layers.begin(), layers.end(), l) != layers.end();
    m_peeled.clear();
}

std::optional<Layer> VisibilityState::peel()
{
    int visible = 0;
    for (Layer l : kAllLayers)
        visible += layerVisible(l) ? 1 : 0;
    if (visible <= 1)
        return std::nullopt;
    for (Layer l : kAllLayers) // outermost first
        if (layerVisible(l)) {
            m_layers[index(l)].visible = false;
            m_peeled.push_back(l);
            return l;
        }
    return std::nullopt;
}

std::optional<Layer> VisibilityState::restore()
{
    if (!m_peeled.empty()) {
        const Layer l = m_peeled.back();
        m_peeled.pop_back();
        m_layers[index(l)].visible = true;
        return l;
    }
    // Nothing peeled: show the hidden layer just outside the outermost visible one.
    std::optional<Layer> candidate;
    for (Layer l : kAllLayers) {
        if (layerVisible(l))
            break;
        candidate = l;
    }
    if (candidate)
        m_layers[index(*candidate)].visible = true;
    return candidate;
}

void VisibilityState::setStructureHidden(StructureId s, bool hidden)
{
    if (!s.valid())
        return;
    if (s.value >= m_hidden.size())
        m_hidden.resize(s.value + 1, 0);
    m_hidden[s.value] = hidden ? 1 : 0;
}

void VisibilityState::isolate(std::vector<StructureId> structures)
{
    m_isolated.clear();
    for (StructureId s : structures)
        if (s.valid())
            m_isolated.push_back(s.value);
    std::sort(m_isolated.begin(), m_isolated.end());
    m_isolated.erase(std::unique(m_isolated.begin(), m_isolated.end()), m_isolated.end());
}

void VisibilityState::showAll()
{
    std::fill(m_hidden.begin(), m_hidden.end(), 0);
    m_isolated.clear();
    m_peeled.clear();
    for (auto& l : m_layers)
        l = LayerState{};
}

DrawMode VisibilityState::drawMode(const AnatomyModel& model, StructureId s) const
{
    const Structure* st = model.get(s);
    if (!st || structureHidden(s))
        return DrawMode::Hidden;
    if (!m_isolated.empty())
        return std::binary_search(m_isolated.begin(), m_isolated.end(), s.value) ? DrawMode::Opaque
                                                                                  : DrawMode::Hidden;
    const LayerState& ls = m_layers[index(st->layer)];
    if (!ls.visible || ls.opacity <= 0.0f)
        return DrawMode::Hidden;
    if (m_ghost) {
        const Layer focus = m_focus.value_or(Layer::Superficial);
        if (index(st->layer) < index(focus)) // outside the layer being looked at
            return DrawMode::Ghosted;
    }
    return ls.opacity < 1.0f ? DrawMode::Translucent : DrawMode::Opaque;
}

float VisibilityState::opacity(const AnatomyModel& model, StructureId s) const
{
    switch (drawMode(model, s)) {
    case DrawMode::Hidden: return 0.0f;
    case DrawMode::Ghosted: return std::min(kGhostOpacity, layerOpacity(model.get(s)->layer));
    case DrawMode::Translucent: return layerOpacity(model.get(s)->layer);
    case DrawMode::Opaque: return m_isolated.empty() ? layerOpacity(model.get(s)->layer) : 1.0f;
    }
    return 0.0f;
}

PickFilter VisibilityState::pickFilter(const AnatomyModel& model) const
{
    return PickFilter::from(model, [&](StructureId s) {
        const DrawMode m = drawMode(model, s);
        return m != DrawMode::Hidden && m != DrawMode::Ghosted && opacity(model, s) >= kClickThroughOpacity;
    });
}

} // namespace ta::core
