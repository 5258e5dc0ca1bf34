#pragma once
// What is drawn and how, and what a click may land on: per-layer visibility and opacity, per-structure
// overrides, peeling one layer at a time, isolation and x-ray (ghost) mode. The one implementation of
// these rules: the renderer's styles, the picker's filter and undo's snapshots all come from here.
// Plain data with value semantics (undo keeps whole copies). No GL, no UI.
#include "core/anatomy_model.h"
#include "core/picking/pick_filter.h"
#include "core/view/draw_style.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace ta::session {

/// Visibility and opacity of a whole layer (skin, superficial, intermediate, deep, bone).
struct LayerState {
    bool visible = true;
    float opacity = 1.0f;
    friend bool operator==(const LayerState&, const LayerState&) = default;
};

/// Per-structure overrides on top of its layer.
struct StructureState {
    bool visible = true;
    float opacity = 1.0f;
    bool ghost = false;     ///< x-ray this structure even when ghosting of layers is off
    glm::vec4 tint{0.0f};   ///< user colour (linear rgb, amount)
    friend bool operator==(const StructureState&, const StructureState&) = default;
};

class Visibility {
public:
    /// Below this opacity a structure lets clicks through to what lies beneath.
    static constexpr float kClickThroughOpacity = 0.35f;

    /// Everything visible and opaque for a model of `structureCount` structures.
    void reset(std::size_t structureCount);

    LayerState& layer(core::Layer l) { return m_layers[static_cast<std::size_t>(l)]; }
    const LayerState& layer(core::Layer l) const { return m_layers[static_cast<std::size_t>(l)]; }
    const std::array<LayerState, 5>& layers() const { return m_layers; }
    /// Per structure (index = StructureId::value); null when out of range.
    StructureState* structure(core::StructureId id) { return id.value < m_structures.size() ? &m_structures[id.value] : nullptr; }
    const StructureState* structure(core::StructureId id) const
    {
        return id.value < m_structures.size() ? &m_structures[id.value] : nullptr;
    }
    const std::vector<StructureState>& structures() const { return m_structures; }

    /// X-ray mode: every visible layer above the selection's layer (or, with nothing selected, the layers
    /// outside-in up to ghostDownTo()) is drawn as a faint shell that clicks pass through.
    bool ghost() const { return m_ghost; }
    void setGhost(bool on) { m_ghost = on; }
    core::Layer ghostDownTo() const { return m_ghostDownTo; }
    void setGhostDownTo(core::Layer l) { m_ghostDownTo = l; }

    /// Drawn at all: its layer and itself visible, neither at zero opacity.
    bool isVisible(const core::AnatomyModel& model, core::StructureId id) const;
    /// Drawn as x-ray this frame, given the selection.
    bool isGhosted(const core::AnatomyModel& model, core::StructureId id, std::optional<core::StructureId> selected) const;
    /// Layer opacity times the structure's own.
    float opacity(const core::AnatomyModel& model, core::StructureId id) const;
    /// Structures a click may land on: drawn, not x-rayed, at least kClickThroughOpacity opaque.
    core::PickFilter pickFilter(const core::AnatomyModel& model, std::optional<core::StructureId> selected) const;
    /// One style per structure, from layers, overrides, ghosting, selection and hover.
    std::vector<core::StructureStyle> styles(const core::AnatomyModel& model, std::optional<core::StructureId> selected,
                                             std::optional<core::StructureId> hovered) const;

    /// Hides the outermost visible layer, never the last one; returns the layer peeled.
    std::optional<core::Layer> peel();
    /// Shows again the layer peeled last (or the hidden one just outside the outermost visible); returns it.
    std::optional<core::Layer> restore();
    /// Hides one structure.
    void hide(core::StructureId id);
    /// Shows every layer and only `id` (with the bones as a frame of reference unless `id` is a bone);
    /// ends x-ray.
    void isolate(const core::AnatomyModel& model, core::StructureId id);
    /// Every layer and structure visible at full opacity.
    void showAll();
    /// Shows exactly the layers of a list like "skin,bone" ("muscles" = the three muscle layers).
    /// Throws ArgumentError naming the bad name.
    void setLayers(const std::string& list);

    /// Same layers, structures and x-ray (what undo compares).
    friend bool operator==(const Visibility& a, const Visibility& b)
    {
        return a.m_layers == b.m_layers && a.m_structures == b.m_structures && a.m_ghost == b.m_ghost &&
               a.m_ghostDownTo == b.m_ghostDownTo;
    }

private:
    std::array<LayerState, 5> m_layers{}; ///< indexed by core::Layer
    std::vector<StructureState> m_structures;
    bool m_ghost = false;
    core::Layer m_ghostDownTo = core::Layer::Skin;
    std::vector<core::Layer> m_peeled; ///< layers hidden by peel(), most recent last
};

/// Human name of a layer: "Skin", "Superficial muscles" ...
const char* layerLabel(core::Layer l);

} // namespace ta::session
