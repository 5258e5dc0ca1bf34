#pragma once
// The explore UI for one frame: keyboard shortcuts, hover and click picking in the 3D view, the menu
// bar, every panel, and the view overlay. Call between ImGui NewFrame and Render, after the camera input.
// Reads the session and sends it commands; UI-only state lives in UiState.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {

class ExploreUi {
public:
    ExploreUi(session::AppSession& session, UiState& ui) : m_s(session), m_ui(ui) {}

    /// `pixelRatio`: framebuffer pixels per ImGui unit; `uiWantsMouse/Keyboard` from ImGui before panels.
    void frame(float pixelRatio, bool uiWantsMouse, bool uiWantsKeyboard, double now);

private:
    void shortcuts(bool uiWantsKeyboard);
    void mouse(float pixelRatio, bool uiWantsMouse);
    void hoverTooltip();

    session::AppSession& m_s;
    UiState& m_ui;
    bool m_pressInView = false;
    std::optional<session::PickableMarker> m_hoveredMarker;
};

} // namespace ta::ui
