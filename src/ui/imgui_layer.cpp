#include "ui/imgui_layer.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>

namespace ta::ui {
namespace {

std::filesystem::path matchFont(const char* family)
{
    std::filesystem::path result;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
    if (!pattern)
        return result;
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult status = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(nullptr, pattern, &status)) {
        FcChar8* file = nullptr;
        FcChar8* matchedFamily = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FAMILY, 0, &matchedFamily) == FcResultMatch) {
            const std::string path = reinterpret_cast<const char*>(file);
            const std::string ext = std::filesystem::path(path).extension().string();
            // ImGui reads TrueType/OpenType outlines only.
            if (ext == ".ttf" || ext == ".otf")
                result = path;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return result;
}

} // namespace

void applyUiStyle(float scale)
{
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.WindowBorderSize = 0.0f;
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 0.94f);
    c[ImGuiCol_Header] = ImVec4(0.55f, 0.16f, 0.14f, 0.55f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.65f, 0.20f, 0.17f, 0.80f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.70f, 0.22f, 0.18f, 1.00f);
    c[ImGuiCol_Button] = ImVec4(0.22f, 0.24f, 0.28f, 1.00f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.60f, 0.20f, 0.17f, 0.90f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.22f, 0.18f, 1.00f);
    c[ImGuiCol_CheckMark] = ImVec4(0.95f, 0.45f, 0.38f, 1.00f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.85f, 0.35f, 0.30f, 1.00f);
    c[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.17f, 0.20f, 1.00f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.14f, 0.15f, 0.18f, 1.00f);
    style.ScaleAllSizes(scale);
}


std::filesystem::path findUiFont()
{
    if (!FcInit())
        return {};
    for (const char* family : {"DejaVu Sans:style=Book", "Noto Sans:style=Regular", "sans-serif"}) {
        const std::filesystem::path p = matchFont(family);
        if (!p.empty())
            return p;
    }
    return {};
}

ImGuiLayer::ImGuiLayer(GLFWwindow* window, float contentScale, float pixelRatio)
{
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout persistence is the settings store's job, not a file in the cwd
    // On macOS-style HiDPI the window units stay small and the framebuffer doubles (pixelRatio > 1): ImGui
    // works in window units there, so the font is rasterised at pixelRatio and shown at 1/pixelRatio.
    // On X11/Windows the window itself is scaled (contentScale > 1, pixelRatio = 1): sizes grow instead.
    const float uiScale = std::max(1.0f, pixelRatio > 1.0f ? 1.0f : contentScale);
    const float raster = std::max(1.0f, pixelRatio);
    const float fontPixels = 16.0f * uiScale;
    const std::filesystem::path font = findUiFont();
    if (!font.empty() && io.Fonts->AddFontFromFileTTF(font.string().c_str(), fontPixels * raster)) {
        io.FontGlobalScale = 1.0f / raster;
        m_fontDescription = font.filename().string() + " at " + std::to_string(static_cast<int>(fontPixels)) + " px";
    } else {
        ImFontConfig config;
        config.SizePixels = 13.0f * uiScale;
        io.Fonts->AddFontDefault(&config);
        m_fontDescription = "ImGui default font (fontconfig found no DejaVu or Noto)";
    }
    applyUiStyle(uiScale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 410 core");
}

ImGuiLayer::~ImGuiLayer()
{
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiLayer::beginFrame()
{
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void ImGuiLayer::endFrame()
{
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool ImGuiLayer::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool ImGuiLayer::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

bool ImGuiLayer::wantsTextInput() const { return ImGui::GetIO().WantTextInput; }

} // namespace ta::ui
