#pragma once
// Dear ImGui on a GLFW window with the OpenGL 3 backend: context, a readable font found through fontconfig
// (DejaVu Sans or Noto Sans), sizes scaled for HiDPI, and a calm dark style.
#include <filesystem>
#include <string>

struct GLFWwindow;

namespace ta::ui {

/// The path of a sans-serif TrueType font: DejaVu Sans, else Noto Sans, else any fontconfig sans.
/// Empty when fontconfig finds none (ImGui's built-in font is used then).
std::filesystem::path findUiFont();

/// The window's calm dark style, sizes scaled by `scale` (the off-screen window screenshot uses it too).
void applyUiStyle(float scale);

class ImGuiLayer {
public:
    /// `contentScale`: monitor scale (2 on HiDPI); `pixelRatio`: framebuffer pixels per window unit.
    ImGuiLayer(GLFWwindow* window, float contentScale, float pixelRatio);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    void beginFrame();
    void endFrame();
    /// True when ImGui wants the mouse (over a panel): the 3D view must then ignore it.
    bool wantsMouse() const;
    bool wantsKeyboard() const;
    /// True while a text field has the keyboard (its cursor blinks: the window must keep drawing).
    bool wantsTextInput() const;
    const std::string& fontDescription() const { return m_fontDescription; }

private:
    std::string m_fontDescription;
};

} // namespace ta::ui
