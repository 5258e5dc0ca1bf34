#pragma once
// What the render tests draw: a model, a camera, layer and structure visibility (styled by the session's
// own Visibility rules), hand-placed markers and frame settings. Lighter than a whole session: render tests
// place markers and overlays themselves.
#include "core/orbit_camera.h"
#include "render/scene_style.h"
#include "session/visibility.h"

#include <array>
#include <filesystem>
#include <vector>

namespace ta::testing {

struct RenderState {
    core::AnatomyModel model;
    core::OrbitCamera camera;
    std::array<session::LayerState, 5> layers{};
    std::vector<session::StructureState> structures;
    bool ghost = false;
    core::Layer ghostDownTo = core::Layer::Skin;
    std::vector<render::Marker> markers;
    render::FrameSettings frame;

    /// Takes the model, resets visibility and frames the camera on it (as opening a model does).
    void setModel(core::AnatomyModel m, const std::filesystem::path& = {})
    {
        model = std::move(m);
        structures.assign(model.structures.size(), {});
        const core::Aabb box = model.bounds();
        camera.setSceneRadius(box.valid() ? 0.5f * glm::length(box.size()) : 1.0f);
        camera.frame(box, true);
    }
    session::LayerState& layer(core::Layer l) { return layers[static_cast<std::size_t>(l)]; }
    std::vector<render::StructureStyle> styles() const
    {
        session::Visibility v;
        v.reset(model.structures.size());
        for (core::Layer l : core::kAllLayers)
            v.layer(l) = layers[static_cast<std::size_t>(l)];
        for (std::uint32_t i = 0; i < structures.size(); ++i)
            if (auto* s = v.structure(core::StructureId{i}))
                *s = structures[i];
        v.setGhost(ghost);
        v.setGhostDownTo(ghostDownTo);
        return v.styles(model, std::nullopt, std::nullopt);
    }
};

} // namespace ta::testing
