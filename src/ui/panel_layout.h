#pragma once
// Where each panel sits: docked to the window's edges and sized to it, so nothing overlaps or runs off
// screen at 1280x720, 1600x1000 or 3840x2160 (HiDPI: sizes are in font units, `em`, capped by fractions of
// the window). Left column: Layers over Trigger points. Right column: Info, Findings (body map), Client.
// Top middle: the search box. Bottom middle: the status line (two lines). Each panel collapses with its title bar and
// scrolls inside. layoutPanels() is plain arithmetic (tests check it); placePanel() applies it to the next
// ImGui window.
#include <glm/glm.hpp>

#include <array>
#include <cstddef>

namespace ta::ui {

enum class Panel : std::uint8_t { Layers, TriggerPoints, Info, BodyMap, Client, Search, Status, Count };

struct PanelRect {
    glm::vec2 pos{0.0f};  ///< top-left, ImGui units
    glm::vec2 size{0.0f};
    glm::vec2 max() const { return pos + size; }
};

struct PanelLayout {
    std::array<PanelRect, static_cast<std::size_t>(Panel::Count)> rects{};
    const PanelRect& operator[](Panel p) const { return rects[static_cast<std::size_t>(p)]; }
    PanelRect& operator[](Panel p) { return rects[static_cast<std::size_t>(p)]; }
};

/// The panels for a work area (below the menu bar) at `workPos` of `workSize`, with font size `em`.
PanelLayout layoutPanels(glm::vec2 workPos, glm::vec2 workSize, float em);

/// "Layers", "Trigger points", ... (for messages and tests).
const char* panelName(Panel p);

/// SetNextWindowPos/Size for panel `p` in the current ImGui frame (always: the panels are docked).
void placePanel(Panel p);

} // namespace ta::ui
