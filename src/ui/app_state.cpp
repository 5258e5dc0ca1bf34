#include "ui/app_state.h"

namespace ta::ui {

void AppState::setModel(core::AnatomyModel newModel, std::filesystem::path path)
{
    model = std::move(newModel);
    modelPath = std::move(path);
    structures.assign(model.structures.size(), StructureState{});
    selected.reset();
    hovered.reset();
    markers.clear();
    clearReferral();
    const core::Aabb box = model.bounds();
    camera.setSceneRadius(box.valid() ? 0.5f * glm::length(box.size()) : 1.0f);
    camera.frame(box, true);
}

bool AppState::isVisible(core::StructureId id) const
{
    const core::Structure* s = model.get(id);
    if (!s || id.value >= structures.size())
        return false;
    const LayerState& l = layer(s->layer);
    return l.visible && l.opacity > 0.0f && structures[id.value].visible && structures[id.value].opacity > 0.0f;
}

bool AppState::isGhosted(core::StructureId id) const
{
    const core::Structure* s = model.get(id);
    if (!s || id.value >= structures.size())
        return false;
    if (structures[id.value].ghost)
        return true;
    if (!ghost)
        return false;
    if (selected) {
        // Ghost the layers above the selected structure's layer, so it shows through them.
        const core::Structure* sel = model.get(*selected);
        return sel && s->layer < sel->layer && id != *selected;
    }
    return s->layer <= ghostDownTo;
}

std::vector<render::StructureStyle> AppState::styles() const
{
    std::vector<render::StructureStyle> out(model.structures.size());
    for (std::uint32_t i = 0; i < out.size(); ++i) {
        const core::StructureId id{i};
        const core::Structure& s = model.structures[i];
        const StructureState& st = i < structures.size() ? structures[i] : StructureState{};
        render::StructureStyle& style = out[i];
        style.visible = isVisible(id);
        style.opacity = layer(s.layer).opacity * st.opacity;
        style.ghost = isGhosted(id);
        style.tint = st.tint;
        if (selected && *selected == id)
            style.highlight = 0.8f;
        else if (hovered && *hovered == id)
            style.highlight = 0.3f;
    }
    return out;
}

void AppState::setReferral(std::vector<std::vector<glm::vec2>> weights)
{
    weights.resize(model.structures.size());
    referralWeights = std::move(weights);
    ++referralRevision;
}

void AppState::clearReferral()
{
    referralWeights.assign(model.structures.size(), {});
    ++referralRevision;
}

core::Aabb AppState::visibleBounds() const
{
    core::Aabb box;
    for (std::uint32_t i = 0; i < model.structures.size(); ++i)
        if (isVisible(core::StructureId{i}))
            box.expand(model.structures[i].mesh.bounds());
    return box.valid() ? box : model.bounds();
}

core::Aabb AppState::homeBounds() const
{
    core::Aabb box = visibleBounds();
    const core::Landmark* left = model.landmark("scapula-inferior-angle-left");
    const core::Landmark* right = model.landmark("scapula-inferior-angle-right");
    if (!left || !right)
        return box;
    const float floor = std::min(left->position.y, right->position.y) - 0.03f;
    if (box.min.y < floor && box.max.y > floor + 0.1f)
        box.min.y = floor;
    return box;
}

} // namespace ta::ui
