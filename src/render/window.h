#pragma once
// The GLFW window: OpenGL 4.1 core, forward compatible (so it runs on macOS too), HiDPI aware.
// Also provides the hidden-window fallback for headless rendering where EGL is missing.
#include "render/gl_context.h"

#include <memory>
#include <string>

struct GLFWwindow;

namespace ta::render {

class Window {
public:
    /// Opens a window of `width` x `height` screen units (scaled to the monitor on HiDPI).
    /// Throws ta::Error with a one-line reason when GLFW or the context cannot start.
    Window(int width, int height, const std::string& title, bool visible = true);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return m_window; }
    bool shouldClose() const;
    void swapBuffers();
    void makeCurrent();
    /// Framebuffer size in pixels (differs from the window size on HiDPI).
    void framebufferSize(int& width, int& height) const;
    /// Ratio of framebuffer pixels to window units, for cursor coordinates and UI scale.
    float pixelRatio() const;
    /// Monitor content scale (1 on a normal display, 2 on a "retina" one); for font size.
    float contentScale() const;

private:
    GLFWwindow* m_window = nullptr;
};

/// A GlContext backed by a hidden GLFW window (the fallback when EGL is missing). nullptr on failure.
std::unique_ptr<GlContext> createHiddenWindowContext(std::string& why);

} // namespace ta::render
