#pragma once
// Dear ImGui without a window: draws the explore overlay (labels, presentation caption) into an off-screen
// framebuffer, so --screenshot saves exactly what the window would show over the 3D view. Also saves the
// window's own back buffer (F12 in the viewer). Needs a current GL 4.1 context.
#include "io/png_image.h"

#include <epoxy/gl.h>

#include <filesystem>
#include <functional>

struct ImGuiContext;

namespace ta::app {

class OverlayRenderer {
public:
    /// A private ImGui context for a `width` x `height` pixel target, with the UI font and the window's
    /// style scaled by `uiScale`.
    OverlayRenderer(int width, int height, float uiScale);
    ~OverlayRenderer();
    OverlayRenderer(const OverlayRenderer&) = delete;
    OverlayRenderer& operator=(const OverlayRenderer&) = delete;

    /// Runs `draw` inside an ImGui frame and renders the result over framebuffer `fbo`. Never throws.
    void render(GLuint fbo, const std::function<void()>& draw);
    /// Runs `draw` inside an ImGui frame and renders nothing (auto-sized windows measure themselves).
    void settle(const std::function<void()>& draw);

private:
    ImGuiContext* m_context = nullptr;
    ImGuiContext* m_previous = nullptr;
    int m_width, m_height;
};

/// The current window's back buffer (after ImGui drew), rows top to bottom.
io::RgbaImage readWindowPixels(int width, int height);

} // namespace ta::app
