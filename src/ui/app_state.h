#pragma once
// The application state: a plain object that the panels mutate and the frame loop reads. No GL, no ImGui
// here; render styles are derived from it each frame (styles()).
#include "core/anatomy_model.h"
#include "core/orbit_camera.h"
#include "render/scene_style.h"

#include <array>
#include <filesystem>
#include <optional>
#include <vector>

namespace ta::ui {

/// Visibility and opacity of a whole layer (skin, superficial, intermediate, deep, bone).
struct LayerState {
    bool visible = true;
    float opacity = 1.0f;
};

/// Per-structure overrides on top of its layer.
struct StructureState {
    bool visible = true;
    float opacity = 1.0f;
    bool ghost = false;     ///< x-ray this structure even when ghosting of layers is off
    glm::vec4 tint{0.0f};   ///< user colour (linear rgb, amount)
};

struct AppState {
    core::AnatomyModel model;
    std::filesystem::path modelPath;
    core::OrbitCamera camera;

    std::array<LayerState, 5> layers{}; ///< indexed by core::Layer
    std::vector<StructureState> structures; ///< indexed by core::StructureId::value
    std::optional<core::StructureId> selected;
    std::optional<core::StructureId> hovered;
    /// X-ray mode: every visible layer above the selection's layer (or the chosen layer) is ghosted.
    bool ghost = false;
    /// With ghosting on and nothing selected, layers outside-in up to this one are ghosted.
    core::Layer ghostDownTo = core::Layer::Skin;
    std::vector<render::Marker> markers;
    /// Referral overlay: per structure, one (essential, spillover) weight pair per vertex, or empty for
    /// none. Bump referralRevision after changing it; the frame loop then uploads it to the GPU.
    std::vector<std::vector<glm::vec2>> referralWeights;
    std::uint64_t referralRevision = 0;
    render::FrameSettings frame;
    bool showPanels = true;

    /// Take ownership of a loaded model: resets per-structure state and frames the camera on it.
    void setModel(core::AnatomyModel newModel, std::filesystem::path path);
    LayerState& layer(core::Layer l) { return layers[static_cast<std::size_t>(l)]; }
    const LayerState& layer(core::Layer l) const { return layers[static_cast<std::size_t>(l)]; }
    /// True when the structure is drawn at all (its layer and itself visible).
    bool isVisible(core::StructureId id) const;
    /// True when the structure is drawn as x-ray this frame.
    bool isGhosted(core::StructureId id) const;
    /// One render style per structure, from layers, overrides, ghosting, selection and hover.
    std::vector<render::StructureStyle> styles() const;
    /// Replace the whole referral overlay (indexed by structure; shorter vectors are padded with "none").
    void setReferral(std::vector<std::vector<glm::vec2>> weights);
    void clearReferral();
    /// Bounds of the visible structures (the whole model when none is visible).
    core::Aabb visibleBounds() const;
    /// What "frame all" shows: the visible structures from the crown down to just below the shoulder
    /// blades (the head, neck and shoulder girdle this atlas is about). The arms and the lower trunk of
    /// the skin reach further down; they stay in the picture's lower part rather than shrink the subject.
    /// Without the scapular landmarks, the same as visibleBounds().
    core::Aabb homeBounds() const;
};

} // namespace ta::ui
