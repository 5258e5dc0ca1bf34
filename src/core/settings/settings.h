#pragma once
// What the app remembers between runs: window placement and panel layout, layer visibility and opacity,
// display toggles, recent body maps, the model last open and the recent models. Stored as JSON in the XDG config folder (settings_file.h).
#include "core/anatomy_model.h"
#include "core/view/skin_tone.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace ta::core {

struct WindowPlacement {
    int x = -1; ///< screen position; -1 = let the window system choose
    int y = -1;
    int width = 1600;
    int height = 1000;
    bool maximised = false;
    friend bool operator==(const WindowPlacement&, const WindowPlacement&) = default;
};

struct LayerSetting {
    bool visible = true;
    float opacity = 1.0f; ///< 0..1
    friend bool operator==(const LayerSetting&, const LayerSetting&) = default;
};

struct Settings {
    static constexpr std::size_t kMaxRecent = 8;

    WindowPlacement window;
    std::string imguiLayout; ///< Dear ImGui's .ini text (panel positions and sizes)
    std::array<LayerSetting, std::size(kAllLayers)> layers{}; ///< indexed by Layer
    bool ghost = false;
    bool showTriggerPoints = true;
    bool showLabels = true;
    bool showLandmarks = false;
    bool animateReferral = true;
    SkinTone skinTone = SkinTone::Light; ///< the colour the skin is drawn in
    float uiScale = 1.0f;      ///< 0.5..3
    float orbitSpeed = 1.0f;   ///< 0.1..5
    std::vector<std::string> recentBodyMaps; ///< newest first, at most kMaxRecent, no duplicates
    std::string lastClient; ///< UUID of the client open when the window closed (reopened at start); may be empty
    /// The model file open when the window closed, opened at the next start without --model; empty = the
    /// built-in model.
    std::string lastModel;
    std::vector<std::string> recentModels; ///< model files opened, newest first, at most kMaxRecent, no duplicates

    LayerSetting& layer(Layer l) { return layers[static_cast<std::size_t>(l)]; }
    const LayerSetting& layer(Layer l) const { return layers[static_cast<std::size_t>(l)]; }
    /// Moves `file` to the front of the recent list.
    void addRecent(const std::string& file);
    /// Remembers `file` as the model open now (empty: the built-in one) and, when not empty, moves it to the
    /// front of the recent models.
    void rememberModel(const std::string& file);

    friend bool operator==(const Settings&, const Settings&) = default;
};

} // namespace ta::core
