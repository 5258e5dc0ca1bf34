#include "render/window.h"

#include "core/error.h"
#include "render/egl_context.h"

#include <epoxy/gl.h>
#include <GLFW/glfw3.h>

#include <algorithm>

namespace ta::render {
namespace {

std::string g_lastGlfwError;

void onGlfwError(int code, const char* description) { g_lastGlfwError = description ? description : "unknown"; }

int g_glfwUsers = 0;

bool acquireGlfw()
{
    if (g_glfwUsers == 0) {
        glfwSetErrorCallback(onGlfwError);
        if (!glfwInit())
            return false;
    }
    ++g_glfwUsers;
    return true;
}

void releaseGlfw()
{
    if (--g_glfwUsers == 0)
        glfwTerminate();
}

void setContextHints(bool visible)
{
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 4);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 1);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);       // HiDPI on Windows and X11
    glfwWindowHint(GLFW_COCOA_RETINA_FRAMEBUFFER, GLFW_TRUE); // HiDPI on macOS
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SAMPLES, 0); // the scene renderer does its own MSAA off-screen
}

class HiddenWindowContext final : public GlContext {
public:
    explicit HiddenWindowContext(std::unique_ptr<Window> window) : m_window(std::move(window)) {}
    void makeCurrent() override { m_window->makeCurrent(); }
    std::string description() const override { return "hidden GLFW window: " + currentGlDescription(); }

private:
    std::unique_ptr<Window> m_window;
};

} // namespace

Window::Window(int width, int height, const std::string& title, bool visible)
{
    if (!acquireGlfw())
        throw Error("cannot start GLFW (no display? try xvfb-run, or --screenshot for headless use): " +
                    g_lastGlfwError);
    setContextHints(visible);
    m_window = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!m_window) {
        releaseGlfw();
        throw Error("cannot open an OpenGL 4.1 core window: " + g_lastGlfwError);
    }
    glfwMakeContextCurrent(m_window);
}

Window::~Window()
{
    glfwDestroyWindow(m_window);
    releaseGlfw();
}

bool Window::shouldClose() const { return glfwWindowShouldClose(m_window); }
void Window::swapBuffers() { glfwSwapBuffers(m_window); }
void Window::makeCurrent() { glfwMakeContextCurrent(m_window); }

void Window::framebufferSize(int& width, int& height) const { glfwGetFramebufferSize(m_window, &width, &height); }

float Window::pixelRatio() const
{
    int fw = 0, fh = 0, ww = 0, wh = 0;
    glfwGetFramebufferSize(m_window, &fw, &fh);
    glfwGetWindowSize(m_window, &ww, &wh);
    return ww > 0 ? static_cast<float>(fw) / static_cast<float>(ww) : 1.0f;
}

float Window::contentScale() const
{
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(m_window, &sx, &sy);
    return std::max(sx, sy);
}

std::unique_ptr<GlContext> createHiddenWindowContext(std::string& why)
{
    try {
        return std::make_unique<HiddenWindowContext>(std::make_unique<Window>(64, 64, "trigger-atlas", false));
    } catch (const Error& e) {
        why += std::string("hidden GLFW window: ") + e.what() + "\n";
        return nullptr;
    }
}

std::unique_ptr<GlContext> createHeadlessContext(std::string* whyNot)
{
    std::string why;
    std::unique_ptr<GlContext> context = createEglContext(why);
    if (!context)
        context = createHiddenWindowContext(why);
    if (!context && whyNot)
        *whyNot = why;
    return context;
}

} // namespace ta::render
