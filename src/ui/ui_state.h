#pragma once
// What only the window's user interface remembers: which panels are open, what is being typed, where the
// labels may go this frame, and requests the frame loop carries out (quit, screenshot). The application
// model itself is session::AppSession; nothing here is needed by the command line or the tests.
#include "core/bodymap/body_map.h"
#include "ui/action_table.h"
#include "ui/input_queue.h"
#include "ui/model_dialog_state.h"
#include "session/records/record_services.h"
#include "session/study/quiz_files.h"
#include "session/study/quiz_session.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ta::ui {

struct UiState {
    InputQueue input;                  ///< filled by the window's callbacks, emptied once a frame
    std::vector<InputEvent> frameEvents; ///< what this frame took from `input` (panels may read it)
    std::optional<InputEvent> lastLeftPress; ///< for double clicks timed by the events
    int searchCursor = 0;              ///< the search result the arrow keys are on
    std::string searchCursorQuery;     ///< the query the cursor belongs to (it goes back to 0 on a new one)
    bool showPanels = true;
    bool showHelp = false;
    bool showAboutModel = false;       ///< Help > About this model
    ModelDialogState models;           ///< File > Open model..., File > Import model...
    bool labelEverything = false;      ///< Ctrl+L: a label on every visible structure (study aid)
    bool focusSearch = false;          ///< give the search box the keyboard next frame
    std::uint64_t treeSelection = 0;   ///< the session's selection revision the structure tree last scrolled to
    bool quitRequested = false;
    bool quitConfirmed = false;        ///< the user chose to discard unsaved changes and quit
    bool screenshotRequested = false;  ///< F12: save the 3D view as PNG after this frame
    /// Where labels may go this frame: the view minus the panels (ImGui units).
    glm::vec2 freeMin{0.0f}, freeMax{0.0f};

    std::string searchQuery;           ///< the text in the search box
    int triggerPointSide = 0;          ///< trigger-point panel: 0 left, 1 right
    std::string bodyMapFile;           ///< body-map panel: the file field
    std::string bodyMapFileOf;         ///< the document path the file field last showed (it follows opens)
    /// A body-map file action waiting for the user: discard unsaved changes (New, Open, Quit), or replace
    /// another file on Save.
    enum class Pending : std::uint8_t { None, DiscardForNew, DiscardForQuit, DiscardForOpen, ReplaceOnSave };
    Pending pending = Pending::None;
    std::string pendingFile;           ///< the file to open or to save over
    core::TriggerPointTag editingTag;  ///< body-map panel: the selected tag while its fields are edited
    core::TagId editingTagId;

    // The client window.
    std::string clientSearch;          ///< search as you type
    std::string newClientName, newClientReference;
    std::string newSessionDate, newSessionTime; ///< empty = today, now
    bool newSessionCarryOver = true;
    std::string signerName;            ///< who signs sessions (remembered while the window is open)
    std::string addendumText;
    int ndiAnswers[10] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    int hit6Answers[6] = {0, 0, 0, 0, 0, 0};
    std::string journalDate;           ///< empty = today
    int compareWith = -1;              ///< index into the open client's sessions; -1 = the one before
    /// What the Progress tab shows, recomputed only when the records or the choice change.
    std::vector<session::ProgressSeries> progress;
    std::optional<session::SessionComparison> comparison;
    std::uint64_t progressRevision = UINT64_MAX;
    int comparedWith = -2;

    /// A PDF the frame loop writes after this frame (it renders pictures, so it needs the GL context).
    struct PdfRequest {
        bool handout = false; ///< false: the session report
        std::string file;
        bool overwrite = false;
        bool letter = false;  ///< Letter instead of A4
    };
    std::optional<PdfRequest> pdfRequest;
    std::string pdfFile;   ///< the Session tab's file field; empty = a name made from client and date
    bool pdfLetter = false;

    // The quiz window (ui/quiz_panel.cpp).
    bool showQuiz = false;
    session::QuizSession quiz;
    std::vector<session::QuizSetInfo> quizSets; ///< the built-in sets, read when the window first opens
    std::string quizSetFile;  ///< a teacher's set file to open
    int quizLevel = 0;        ///< drill: 0 all layers, 1 superficial, 2 intermediate, 3 deep
    std::string quizText;     ///< a typed name
    int quizChoice = -1;
    std::string quizHint;
    std::string quizMessage;  ///< the last error (a bad set file)

    // The protocol window (ui/protocol_panel.cpp).
    bool showProtocol = false;
    bool protocolOpenedOnce = false; ///< the window opened itself for a protocol started elsewhere
    int protocolChoice = 0;     ///< index into the installed protocols
    int protocolSide = 0;       ///< 0 left, 1 right
    double protocolCueAt = -1.0; ///< session time of the last hold-complete cue (the timer glows)
};

} // namespace ta::ui
