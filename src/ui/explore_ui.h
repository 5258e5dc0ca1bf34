#pragma once
// The explore UI for one frame: keyboard shortcuts, hover and click picking in the 3D view, the menu
// bar, every panel, and the view overlay. Call between ImGui NewFrame and Render, after the camera input.
#include "ui/explore_state.h"

namespace ta::ui {

class ExploreUi {
public:
    explicit ExploreUi(ExploreState& ex) : m_ex(ex) {}

    /// `pixelRatio`: framebuffer pixels per ImGui unit; `uiWantsMouse/Keyboard` from ImGui before panels.
    void frame(float pixelRatio, bool uiWantsMouse, bool uiWantsKeyboard, double now);

private:
    void shortcuts(bool uiWantsKeyboard);
    void mouse(float pixelRatio, bool uiWantsMouse);
    void hoverTooltip();

    ExploreState& m_ex;
    bool m_pressInView = false;
    std::optional<PickableMarker> m_hoveredMarker;
};

} // namespace ta::ui
