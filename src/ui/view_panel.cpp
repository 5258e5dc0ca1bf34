#include "ui/view_panel.h"

#include <imgui.h>

#include <string>

namespace ta::ui {
namespace {

const char* layerLabel(core::Layer l)
{
    switch (l) {
    case core::Layer::Skin: return "Skin";
    case core::Layer::Superficial: return "Superficial muscles";
    case core::Layer::Intermediate: return "Intermediate muscles";
    case core::Layer::Deep: return "Deep muscles";
    case core::Layer::Bone: return "Bones";
    }
    return "?";
}

const char* presetLabel(core::ViewPreset p)
{
    switch (p) {
    case core::ViewPreset::Anterior: return "Front";
    case core::ViewPreset::Posterior: return "Back";
    case core::ViewPreset::Left: return "Left";
    case core::ViewPreset::Right: return "Right";
    case core::ViewPreset::Superior: return "Top";
    }
    return "?";
}

} // namespace

void drawViewPanel(AppState& state)
{
    const float scale = ImGui::GetFontSize() / 16.0f;
    ImGui::SetNextWindowPos(ImVec2(12.0f * scale, 12.0f * scale), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(300.0f * scale, 0.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("View")) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("Look from");
    bool first = true;
    for (core::ViewPreset p : core::kAllViewPresets) {
        if (!first)
            ImGui::SameLine();
        first = false;
        if (ImGui::Button(presetLabel(p)))
            state.camera.applyPreset(p);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s view", std::string(core::toString(p)).c_str());
    }
    if (ImGui::Button("Frame all"))
        state.camera.frame(state.homeBounds());

    ImGui::Separator();
    ImGui::TextDisabled("Layers");
    for (core::Layer l : core::kAllLayers) {
        LayerState& ls = state.layer(l);
        ImGui::PushID(static_cast<int>(l));
        ImGui::Checkbox(layerLabel(l), &ls.visible);
        ImGui::SameLine(200.0f * scale);
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::SliderFloat("##opacity", &ls.opacity, 0.0f, 1.0f, "%.2f");
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::Checkbox("X-ray outer layers", &state.ghost);
    if (state.ghost && !state.selected) {
        int depth = static_cast<int>(state.ghostDownTo);
        const char* names[] = {"skin", "superficial", "intermediate", "deep"};
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::Combo("##ghostdepth", &depth, names, 4))
            state.ghostDownTo = static_cast<core::Layer>(depth);
    }
    ImGui::TextDisabled("%zu structures, %zu triangles", state.model.structures.size(), state.model.triangleCount());
    ImGui::End();
}

} // namespace ta::ui
