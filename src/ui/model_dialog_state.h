#pragma once
// What File > Open model... and File > Import model... remember while the window is open: the typed paths,
// the running import, and the model the frame loop is asked to open after this frame (it shows a progress
// bar and swaps the GPU model, so it runs outside the ImGui frame).
#include "session/model_import_job.h"

#include <memory>
#include <optional>
#include <string>

namespace ta::ui {

struct ModelDialogState {
    int focusFrames = 0; ///< frames left to give the first field of the dialog just opened the keyboard
    // Open model...
    bool showOpen = false;
    std::string openPath;  ///< the file field
    std::string openError; ///< the last file that did not open, one line naming it
    /// For the frame loop: the model file to open after this frame ("" = the built-in model).
    std::optional<std::string> openRequest;

    // Import model...
    bool showImport = false;
    std::string importSource;                     ///< a BodyParts3D folder or one mesh file
    std::string importOutput;                     ///< the .glb to write
    bool importOutputEdited = false;              ///< typed by hand: no longer follows the source
    int importTriangles = 0;                      ///< 0 = keep every triangle
    bool confirmReplace = false;                  ///< "FILE exists. Replace it?" is asked
    std::unique_ptr<session::ModelImportJob> job; ///< the import running (or just finished)
    std::string importError;                      ///< the last import's failure, one line naming the file
    std::string importSummary;                    ///< what the last import found and wrote
    std::string imported;                         ///< the file the last import wrote (offered to open); empty = none
};

} // namespace ta::ui
