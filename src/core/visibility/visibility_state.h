#pragma once
// What is drawn and how: per-layer visibility and opacity, per-structure hiding, isolation, peeling one
// layer at a time, and ghost (x-ray) mode. The renderer asks it how to draw each structure; the picker asks
// it which structures a click may land on. Small and copyable, so undo keeps whole snapshots of it.
#include "core/anatomy_model.h"
#include "core/picking/pick_filter.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace ta::core {

/// How one structure is drawn this frame.
enum class DrawMode : std::uint8_t { Hidden, Ghosted, Translucent, Opaque };

class VisibilityState {
public:
    /// Opacity of ghosted structures (x-ray): enough to see the outline, little enough to see through.
    static constexpr float kGhostOpacity = 0.15f;
    /// Below this opacity a structure lets clicks through to what lies beneath.
    static constexpr float kClickThroughOpacity = 0.35f;

    VisibilityState() = default;
    /// Everything visible and opaque, for a model of `structureCount` structures.
    explicit VisibilityState(std::size_t structureCount) : m_hidden(structureCount, 0) {}

    // Layers.
    bool layerVisible(Layer l) const { return m_layers[index(l)].visible; }
    float layerOpacity(Layer l) const { return m_layers[index(l)].opacity; }
    void setLayerVisible(Layer l, bool visible);
    void setLayerOpacity(Layer l, float opacity); ///< clamped to 0..1
    /// Shows exactly these layers (`--layers skin,bone`).
    void showOnlyLayers(std::initializer_list<Layer> layers);
    void showOnlyLayers(const std::vector<Layer>& layers);
    /// Hides the outermost visible layer, never the last one; returns the layer peeled.
    std::optional<Layer> peel();
    /// Shows again the hidden layer just outside the outermost visible one; returns it.
    std::optional<Layer> restore();

    // Structures.
    bool structureHidden(StructureId s) const { return s.value < m_hidden.size() && m_hidden[s.value]; }
    void setStructureHidden(StructureId s, bool hidden);
    /// Shows only these structures (whatever their layer's visibility) until clearIsolation().
    void isolate(std::vector<StructureId> structures);
    void clearIsolation() { m_isolated.clear(); }
    bool isolating() const { return !m_isolated.empty(); }
    /// Unhides every structure, ends isolation, shows every layer at full opacity.
    void showAll();

    // Ghost mode: every visible layer outside the focus layer is drawn as a faint x-ray shell.
    bool ghost() const { return m_ghost; }
    void setGhost(bool on) { m_ghost = on; }
    /// The layer being looked at (the selection's); without one, ghost mode ghosts the skin only.
    void setFocusLayer(std::optional<Layer> layer) { m_focus = layer; }
    std::optional<Layer> focusLayer() const { return m_focus; }

    /// How to draw structure `s` of `model`, and at what opacity (0 when hidden).
    DrawMode drawMode(const AnatomyModel& model, StructureId s) const;
    float opacity(const AnatomyModel& model, StructureId s) const;
    /// Structures a click may land on: drawn, not ghosted, opaque enough.
    PickFilter pickFilter(const AnatomyModel& model) const;

    friend bool operator==(const VisibilityState&, const VisibilityState&) = default;

private:
    struct LayerState {
        bool visible = true;
        float opacity = 1.0f;
        friend bool operator==(const LayerState&, const LayerState&) = default;
    };
    static std::size_t index(Layer l) { return static_cast<std::size_t>(l); }

    std::array<LayerState, std::size(kAllLayers)> m_layers{};
    std::vector<std::uint8_t> m_hidden;     ///< per structure
    std::vector<std::uint32_t> m_isolated;  ///< structure indices; empty = not isolating
    std::vector<Layer> m_peeled;            ///< layers hidden by peel(), most recent last
    bool m_ghost = false;
    std::optional<Layer> m_focus;
};

} // namespace ta::core
