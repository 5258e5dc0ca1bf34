#include "ui/panel_layout.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace ta::ui {

PanelLayout layoutPanels(glm::vec2 workPos, glm::vec2 workSize, float em)
{
    PanelLayout out;
    const float gap = 0.4f * em;
    const float w = std::max(workSize.x, 1.0f), h = std::max(workSize.y, 1.0f);
    // Columns: their natural width in font units, but never more than a quarter (left) and under a third
    // (right) of the window, so the view in the middle keeps at least about 40 %.
    const float left = std::min(21.0f * em, 0.24f * w);
    const float right = std::min(25.0f * em, 0.30f * w);
    const float top = workPos.y + gap, bottom = workPos.y + h - gap;
    const float column = bottom - top;

    const float leftX = workPos.x + gap;
    const float layersH = std::round(0.56f * (column - gap));
    out[Panel::Layers] = {{leftX, top}, {left, layersH}};
    out[Panel::TriggerPoints] = {{leftX, top + layersH + gap}, {left, column - layersH - gap}};

    const float rightX = workPos.x + w - gap - right;
    const float third = std::round((column - 2.0f * gap) / 3.0f);
    out[Panel::Info] = {{rightX, top}, {right, third}};
    out[Panel::BodyMap] = {{rightX, top + third + gap}, {right, third}};
    out[Panel::Client] = {{rightX, top + 2.0f * (third + gap)}, {right, column - 2.0f * (third + gap)}};

    const float middleX = leftX + left + gap, middleW = std::max(rightX - gap - middleX, 1.0f);
    const float searchW = std::min(28.0f * em, middleW);
    out[Panel::Search] = {{middleX + 0.5f * (middleW - searchW), top}, {searchW, 0.0f}}; // height: its content
    const float statusH = 3.1f * em; // two lines: messages wrap instead of running off the edge
    out[Panel::Status] = {{middleX, bottom - statusH}, {middleW, statusH}};
    return out;
}

const char* panelName(Panel p)
{
    switch (p) {
    case Panel::Layers: return "Layers";
    case Panel::TriggerPoints: return "Trigger points";
    case Panel::Info: return "Info";
    case Panel::BodyMap: return "Findings and pain";
    case Panel::Client: return "Client";
    case Panel::Search: return "Search";
    case Panel::Status: return "Status";
    case Panel::Count: break;
    }
    return "?";
}

void placePanel(Panel p)
{
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const PanelLayout layout = layoutPanels({vp->WorkPos.x, vp->WorkPos.y}, {vp->WorkSize.x, vp->WorkSize.y}, ImGui::GetFontSize());
    const PanelRect& r = layout[p];
    ImGui::SetNextWindowPos(ImVec2(r.pos.x, r.pos.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(r.size.x, r.size.y), ImGuiCond_Always);
}

} // namespace ta::ui
