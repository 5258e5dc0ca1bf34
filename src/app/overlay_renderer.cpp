#include "app/overlay_renderer.h"

#include "ui/imgui_layer.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace ta::app {

OverlayRenderer::OverlayRenderer(int width, int height, float uiScale) : m_width(width), m_height(height)
{
    m_previous = ImGui::GetCurrentContext();
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    const std::filesystem::path font = ui::findUiFont();
    // Rasterised at twice the size and drawn at half scale, so large captions stay crisp.
    constexpr float kRaster = 2.0f;
    if (!font.empty() && io.Fonts->AddFontFromFileTTF(font.string().c_str(), 16.0f * uiScale * kRaster))
        io.FontGlobalScale = 1.0f / kRaster;
    else
        io.Fonts->AddFontDefault();
    ui::applyUiStyle(uiScale);
    ImGui_ImplOpenGL3_Init("#version 410 core");
    ImGui::SetCurrentContext(m_previous);
}

OverlayRenderer::~OverlayRenderer()
{
    ImGui::SetCurrentContext(m_context);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(m_context);
    ImGui::SetCurrentContext(m_previous);
}

void OverlayRenderer::render(GLuint fbo, const std::function<void()>& draw)
{
    ImGui::SetCurrentContext(m_context);
    ImGui_ImplOpenGL3_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glViewport(0, 0, m_width, m_height);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    ImGui::SetCurrentContext(m_previous);
}

void OverlayRenderer::settle(const std::function<void()>& draw)
{
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw();
    ImGui::EndFrame();
    ImGui::SetCurrentContext(m_previous);
}

io::RgbaImage readWindowPixels(int width, int height)
{
    io::RgbaImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<std::size_t>(width) * height * 4);
    std::vector<std::uint8_t> raw(image.pixels.size());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, raw.data());
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y) // GL rows are bottom to top
        std::copy_n(raw.data() + static_cast<std::size_t>(height - 1 - y) * row, row, image.pixels.data() + y * row);
    for (std::size_t i = 3; i < image.pixels.size(); i += 4)
        image.pixels[i] = 255;
    return image;
}

} // namespace ta::app
