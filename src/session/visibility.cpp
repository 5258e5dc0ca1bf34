#include "session/visibility.h"

#include "core/error.h"
#include "core/split_list.h"

#include <algorithm>

namespace ta::session {

const char* layerLabel(core::Layer l)
{
    switch (l) {
    case core::Layer::Skin: return "Skin";
    case core::Layer::Superficial: return "Superficial muscles";
    case core::Layer::Intermediate: return "Intermediate muscles";
    case core::Layer::Deep: return "Deep muscles";
    case core::Layer::Bone: return "Bones";
    }
    return "?";
}

void Visibility::reset(std::size_t structureCount)
{
    m_structures.assign(structureCount, StructureState{});
    m_peeled.clear();
}

bool Visibility::isVisible(const core::AnatomyModel& model, core::StructureId id) const
{
    const core::Structure* s = model.get(id);
    const StructureState* st = structure(id);
    if (!s || !st)
        return false;
    const LayerState& l = layer(s->layer);
    return l.visible && l.opacity > 0.0f && st->visible && st->opacity > 0.0f;
}

bool Visibility::isGhosted(const core::AnatomyModel& model, core::StructureId id,
                           std::optional<core::StructureId> selected) const
{
    const core::Structure* s = model.get(id);
    const StructureState* st = structure(id);
    if (!s || !st)
        return false;
    if (st->ghost)
        return true;
    if (!m_ghost)
        return false;
    if (selected) {
        // Ghost the layers above the selected structure's layer, so it shows through them.
        const core::Structure* sel = model.get(*selected);
        return sel && s->layer < sel->layer && id != *selected;
    }
    return s->layer <= m_ghostDownTo;
}

float Visibility::opacity(const core::AnatomyModel& model, core::StructureId id) const
{
    const core::Structure* s = model.get(id);
    const StructureState* st = structure(id);
    return s ? layer(s->layer).opacity * (st ? st->opacity : 1.0f) : 0.0f;
}

core::PickFilter Visibility::pickFilter(const core::AnatomyModel& model, std::optional<core::StructureId> selected) const
{
    return core::PickFilter::from(model, [&](core::StructureId id) {
        return isVisible(model, id) && !isGhosted(model, id, selected) && opacity(model, id) >= kClickThroughOpacity;
    });
}

std::vector<core::StructureStyle> Visibility::styles(const core::AnatomyModel& model, std::optional<core::StructureId> selected,
                                                     std::optional<core::StructureId> hovered) const
{
    std::vector<core::StructureStyle> out(model.structures.size());
    for (std::uint32_t i = 0; i < out.size(); ++i) {
        const core::StructureId id{i};
        core::StructureStyle& style = out[i];
        style.visible = isVisible(model, id);
        style.opacity = opacity(model, id);
        style.ghost = isGhosted(model, id, selected);
        if (const StructureState* st = structure(id))
            style.tint = st->tint;
        if (selected && *selected == id)
            style.highlight = 0.8f;
        else if (hovered && *hovered == id)
            style.highlight = 0.3f;
    }
    return out;
}

std::optional<core::Layer> Visibility::peel()
{
    int visible = 0;
    for (core::Layer l : core::kAllLayers)
        visible += layer(l).visible ? 1 : 0;
    if (visible <= 1)
        return std::nullopt;
    for (core::Layer l : core::kAllLayers)
        if (layer(l).visible) {
            layer(l).visible = false;
            m_peeled.push_back(l);
            return l;
        }
    return std::nullopt;
}

std::optional<core::Layer> Visibility::restore()
{
    while (!m_peeled.empty()) {
        const core::Layer l = m_peeled.back();
        m_peeled.pop_back();
        if (!layer(l).visible) {
            layer(l).visible = true;
            return l;
        }
    }
    std::optional<core::Layer> candidate;
    for (core::Layer l : core::kAllLayers) {
        if (layer(l).visible)
            break;
        candidate = l;
    }
    if (candidate)
        layer(*candidate).visible = true;
    return candidate;
}

void Visibility::hide(core::StructureId id)
{
    if (StructureState* st = structure(id))
        st->visible = false;
}

void Visibility::isolate(const core::AnatomyModel& model, core::StructureId id)
{
    const core::Structure* target = model.get(id);
    if (!target)
        return;
    for (core::Layer l : core::kAllLayers)
        layer(l).visible = true;
    for (std::uint32_t i = 0; i < m_structures.size() && i < model.structures.size(); ++i) {
        const core::Structure& s = model.structures[i];
        // Keep the bones as a frame of reference unless a bone itself is isolated.
        m_structures[i].visible = i == id.value || (target->kind != core::Kind::Bone && s.kind == core::Kind::Bone);
    }
    m_ghost = false;
    m_peeled.clear();
}

void Visibility::showAll()
{
    for (core::Layer l : core::kAllLayers)
        layer(l) = LayerState{};
    for (auto& s : m_structures) {
        s.visible = true;
        s.opacity = 1.0f;
    }
    m_peeled.clear();
}

void Visibility::setLayers(const std::string& list)
{
    std::vector<core::Layer> layers;
    for (std::string item : core::splitList(list)) {
        if (item == "muscles" || item == "muscle") {
            layers.insert(layers.end(), {core::Layer::Superficial, core::Layer::Intermediate, core::Layer::Deep});
            continue;
        }
        if (item == "bones")
            item = "bone";
        const auto l = core::layerFromString(item);
        if (!l)
            throw ArgumentError("--layers: unknown layer \"" + item +
                                "\" (use skin, superficial, intermediate, deep, bone, muscles)");
        layers.push_back(*l);
    }
    if (layers.empty())
        throw ArgumentError("--layers: no layer given (use e.g. skin,bone)");
    for (core::Layer l : core::kAllLayers)
        layer(l).visible = std::find(layers.begin(), layers.end(), l) != layers.end();
    m_peeled.clear();
}

} // namespace ta::session
