#pragma once
// What only the window's user interface remembers: which panels are open, what is being typed, where the
// labels may go this frame, and requests the frame loop carries out (quit, screenshot). The application
// model itself is session::AppSession; nothing here is needed by the command line or the tests.
#include "core/bodymap/body_map.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <string>

namespace ta::ui {

struct UiState {
    bool showPanels = true;
    bool showHelp = false;
    bool focusSearch = false;          ///< give the search box the keyboard next frame
    std::uint64_t treeSelection = 0;   ///< the session's selection revision the structure tree last scrolled to
    bool quitRequested = false;
    bool screenshotRequested = false;  ///< F12: save the 3D view as PNG after this frame
    /// Where labels may go this frame: the view minus the panels (ImGui units).
    glm::vec2 freeMin{0.0f}, freeMax{0.0f};

    std::string searchQuery;           ///< the text in the search box
    int triggerPointSide = 0;          ///< trigger-point panel: 0 left, 1 right
    std::string bodyMapFile;           ///< body-map panel: the file field
    core::TriggerPointTag editingTag;  ///< body-map panel: the selected tag while its fields are edited
    core::TagId editingTagId;
};

} // namespace ta::ui
