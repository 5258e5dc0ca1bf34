#pragma once
// The application model, with no UI and no GL in it: the open model and what is known about it (picking
// BVH, search index, trigger-point catalog), the view (camera, visibility, selection), the trigger point
// being explained and its referral, the body-map document with undo, the tag tool and the pain brush, the
// overlays and markers the scene shows, and one-line messages. The window's panels read it and send it
// commands; the command line and the tests drive the same object. Split by feature (Tracy's View_*):
//   app_session.cpp            model, messages, per-frame update, settings
//   app_session_view.cpp       selection, framing, layers, peel, isolate
//   app_session_picking.cpp    surface and marker picking
//   app_session_referral.cpp   the trigger point shown and its referral overlay
//   app_session_document.cpp   the body map: open, save, tags, pain strokes
//   app_session_markers.cpp    markers drawn and clicked
// Per-frame operations never throw; document and start-up operations throw ta::Error subclasses.
#include "core/anatomy_model.h"
#include "core/bodymap/body_map_editor.h"
#include "core/history/undo_stack.h"
#include "core/orbit_camera.h"
#include "core/overlay/overlay_set.h"
#include "core/picking/bvh.h"
#include "core/search/structure_search.h"
#include "core/settings/settings.h"
#include "core/view/draw_style.h"
#include "session/pain_tool.h"
#include "session/records/record_book.h"
#include "session/treatment/protocol_run.h"
#include "session/treatment/treatment_service.h"
#include "session/trigger_point_catalog.h"
#include "session/view_history.h"
#include "session/visibility.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ta::session {

/// A marker the user can hover and click: a documented trigger point or one of the client's tags.
struct PickableMarker {
    std::variant<core::TriggerPointId, core::TagId> target;
    glm::vec3 position{0.0f}; ///< model frame, metres
    bool onTop = false;       ///< drawn through surfaces (so clickable through them)
};

/// In presentation mode, the most of the view's width the 'What helps' text may take; a trigger point's
/// explanation is framed in the rest, so the text never covers its zones.
inline constexpr float kPresentationTextShare = 0.4f;

/// What is shown besides the model; set by menus, keys and the command line alike.
struct DisplayOptions {
    bool presentation = false;  ///< no panels, large caption
    bool showMarkers = true;    ///< documented trigger points
    bool showLabels = true;     ///< leader-line labels
    bool showLandmarks = false; ///< bony landmarks near the selection
    bool referralPath = false;  ///< path from the trigger point to each zone
    bool latinNames = false;    ///< labels and lists in Latin (for students) instead of common names
    core::SkinTone skinTone = core::SkinTone::Light; ///< the colour the skin is drawn in
};

/// A leader-line label the view overlay draws this frame: only for what is visible from the eye.
struct ViewLabel {
    enum class Kind : std::uint8_t { Structure, TriggerPoint };
    Kind kind = Kind::Structure;
    std::string text;             ///< the short name people use ("Upper trapezius"), or Latin
    glm::vec3 anchor{0.0f};       ///< model frame: the visible surface point the leader line starts at
    core::StructureId structure;  ///< the structure named (Structure) or the trigger point's muscle
};

/// Which tool the left mouse button holds.
enum class Tool : std::uint8_t { None, Tag, Pain };

class AppSession {
public:
    AppSession();
    AppSession(const AppSession&) = delete;
    AppSession& operator=(const AppSession&) = delete;

    // The model. openModel() takes ownership, resets the view and the per-model state, frames the camera,
    // and loads the trigger-point data from `dataDir` (a failure there is reported as a message: the rest
    // of the app works without it).
    void openModel(core::AnatomyModel model, std::filesystem::path path, const std::filesystem::path& dataDir);
    const core::AnatomyModel& model() const { return m_model; }
    const std::filesystem::path& modelPath() const { return m_modelPath; }
    /// The picking BVH, built on first use: a screenshot that picks nothing never builds it.
    const core::Bvh& bvh() const;
    bool bvhBuilt() const { return m_bvhBuilt; }
    const core::StructureSearch& search() const { return m_search; }
    TriggerPointCatalog& catalog() { return m_catalog; }
    const TriggerPointCatalog& catalog() const { return m_catalog; }

    // The view.
    core::OrbitCamera& camera() { return m_camera; }
    const core::OrbitCamera& camera() const { return m_camera; }
    Visibility& visibility() { return m_visibility; }
    const Visibility& visibility() const { return m_visibility; }
    DisplayOptions& display() { return m_display; }
    const DisplayOptions& display() const { return m_display; }
    bool isVisible(core::StructureId id) const { return m_visibility.isVisible(m_model, id); }
    bool isGhosted(core::StructureId id) const { return m_visibility.isGhosted(m_model, id, m_selected); }
    /// One render style per structure for this frame.
    std::vector<core::StructureStyle> styles() const { return m_visibility.styles(m_model, m_selected, m_hovered); }
    /// Bounds of the visible structures (the whole model when none is visible).
    core::Aabb visibleBounds() const;
    /// What "frame all" shows: the visible structures from the crown down to just below the shoulder
    /// blades (the head, neck and shoulder girdle this atlas is about). Without the scapular landmarks,
    /// the same as visibleBounds().
    core::Aabb homeBounds() const;

    // Selection and camera.
    std::optional<core::StructureId> selected() const { return m_selected; }
    std::optional<core::StructureId> hovered() const { return m_hovered; }
    void select(std::optional<core::StructureId> id, bool frame = false);
    void hover(std::optional<core::StructureId> id) { m_hovered = id; }
    void frame(core::StructureId id);
    void frameSelection();
    void frameAll();
    /// View keys 1-5: look from a preset direction and frame the home view again (any zoom is reset).
    void viewFrom(core::ViewPreset preset);
    /// Counts up whenever the selection changes (the structure tree scrolls to a new selection).
    std::uint64_t selectionRevision() const { return m_selectionRevision; }

    // Layers and structures (each says what it did in a message).
    std::optional<core::Layer> peel();
    std::optional<core::Layer> restore();
    void hideSelection();
    void isolateSelection();
    void isolate(core::StructureId id);
    void showAll();
    /// G: x-ray the layers above the selection; says in the message line why when that changes nothing.
    void toggleGhost();
    /// X: see through the selected structure itself and its other parts (the whole trapezius when one part
    /// is selected), so what lies beneath shows and takes the clicks; again to make them solid.
    void xraySelection();
    /// The structure and its sibling parts on the same side (same first id word: trapezius-descending-left
    /// -> the three trapezius parts of the left), in model order; just `id` when it has none.
    std::vector<core::StructureId> partsOf(core::StructureId id) const;
    /// True when the selection (and its parts) are x-rayed by xraySelection().
    bool selectionXrayed() const;
    /// Shows exactly the layers of a list like "skin,bone". Throws ArgumentError naming the bad name.
    void setLayers(const std::string& list) { m_visibility.setLayers(list); }

    // Picking (never throws; nullopt when nothing is hit).
    std::optional<core::PickHit> pick(glm::vec2 pixel) const;
    std::optional<core::PickHit> pickRay(const core::PixelRay& ray) const;
    /// For the tag tool: like pick() but clicks pass through the skin to the muscles beneath.
    std::optional<core::PickHit> pickUnderSkin(glm::vec2 pixel) const;
    std::optional<core::PickHit> pickUnderSkinRay(const core::PixelRay& ray) const;
    /// A marker within `radiusPixels` of `pixel`, nearest first; markers hidden behind opaque surfaces
    /// count only when drawn on top.
    std::optional<PickableMarker> pickMarker(glm::vec2 pixel, float radiusPixels) const;
    /// Whether a model point lies in the half of the body nearer the eye: along the ray from the eye to it,
    /// no farther than the middle of the chord the ray cuts through the skin (shown or not). A click, a
    /// marker drawn on top or a deep-zone glow beyond that belongs to the far side and is left out. True
    /// when the model has no skin or the ray misses it.
    bool onNearSide(const glm::vec3& point) const;

    // Names (structure_names.*): the short name people use on labels and in presentation mode, or the
    // Latin one with display().latinNames; the formal English name stays in the info panel.
    std::string labelName(core::StructureId id) const;
    /// Labels to draw this frame: the selection (when visible) and the trigger point shown (when on the
    /// near side), in that order.
    std::vector<ViewLabel> viewLabels() const;

    // Trigger points and referral.
    std::optional<core::TriggerPointId> shownTriggerPoint() const { return m_shownTriggerPoint; }
    /// Shows a trigger point's referral (selecting its muscle), or clears it with nullopt.
    void showTriggerPoint(std::optional<core::TriggerPointId> id, bool frameMuscle = false);
    /// Frames the shown trigger point, its muscle and its essential zones; in presentation mode, beside the
    /// 'What helps' text (on the side away from the rest of the body). Nothing when none is shown.
    void frameShownTriggerPoint();
    /// Next/previous trigger point of the selected muscle (wraps).
    void stepTriggerPoint(int delta);
    /// The presentation caption: the trigger point shown, else the selected structure's name.
    std::string caption() const;
    /// Where each essential-zone region of the shown trigger point is painted (model frame).
    const std::vector<glm::vec3>& zoneCentres() const { return m_zoneCentres; }
    /// The per-vertex overlays (referral, pain); render mirrors them by revision.
    const core::OverlaySet& overlays() const { return m_overlays; }

    // Tools.
    Tool tool() const { return m_tool; }
    /// Picks up a tool (Tool::None puts it down). The tag tool x-rays the skin so the muscles show.
    void setTool(Tool tool);
    bool movingTag() const { return m_movingTag; }
    void setMovingTag(bool on);

    // The body map (the client's document) and its tags.
    core::BodyMapEditor& bodyMap() { return m_bodyMap; }
    const core::BodyMapEditor& bodyMap() const { return m_bodyMap; }
    std::optional<core::TagId> selectedTag() const { return m_selectedTag; }
    /// Places a tag where `hit` lies (muscles only) or moves the selected one while moving.
    void tagAt(const core::PickHit& hit);
    void selectTag(std::optional<core::TagId> id);
    void deleteSelectedTag();
    void newBodyMap();
    /// Opens a body map. Throws IoError/ParseError/ValidationError naming the file and key; the open
    /// document is then kept.
    void openBodyMap(const std::filesystem::path& file);
    /// Saves to `file` (or the document's own path). Throws ArgumentError without a path, IoError when the
    /// write fails; the file on disk is then unchanged.
    void saveBodyMap(const std::optional<std::filesystem::path>& file = std::nullopt);

    // Treatment (app_session_protocol.cpp): the library, self-care and protocols, loaded with the model's
    // data (null when they did not load: a message says why). shownSheet(): the shown trigger point whole
    // (null when none is shown), built once per trigger point and kept until another is shown.
    const TreatmentService* treatment() const { return m_treatment.get(); }
    const TriggerPointSheet* shownSheet() const;
    /// Steps through protocol `id` on `side`: shows step 1. Throws ArgumentError (unknown id) or
    /// ValidationError (no treatment data).
    void startProtocol(std::string_view id, core::Side side);
    void endProtocol();
    ProtocolRun* protocolRun() { return m_protocolRun ? &*m_protocolRun : nullptr; }
    const ProtocolRun* protocolRun() const { return m_protocolRun ? &*m_protocolRun : nullptr; }
    /// Next (+1) or previous (-1) step, shown.
    void protocolStep(int delta);
    /// Shows the current step: its view, every layer with those above it x-rayed, its trigger point (and
    /// referral) or muscle on the side worked on.
    void showProtocolStep();
    /// Done: the step is marked done with the seconds held and, with a client session open, the finding
    /// there is marked treated (technique, seconds), created at the documented point when there is none.
    /// Moves to the next step. Returns what it said in the message line. Never throws.
    std::string markProtocolStepDone();
    /// The current step's trigger point / muscle structure on the side worked on.
    std::optional<core::TriggerPointId> protocolTriggerPoint() const;
    std::optional<core::StructureId> protocolMuscle() const;

    // Client records. With a record store attached, the body map above is the open client's mirror
    // (RecordBook::mirror) and every change to it is written to the store when it is made; without one
    // (--screenshot, --tags) it is a body-map file as before.
    void attachRecords(std::unique_ptr<core::records::RecordStore> store);
    RecordBook* records() { return m_records.get(); }
    const RecordBook* records() const { return m_records.get(); }
    /// Why no record store is attached, in words for the client panel ("" = none given).
    void setRecordsClosedReason(std::string why) { m_recordsClosedReason = std::move(why); }
    const std::string& recordsClosedReason() const { return m_recordsClosedReason; }
    /// Opens a client (its latest session) / one of its sessions / a new session of it, and shows it.
    /// Throw what the store throws; the message line says so at the UI's boundary.
    void openClient(const core::records::ClientId& id);
    void openRecordSession(const core::records::SessionId& id);
    void newRecordSession(const std::string& dateTime, bool carryOver);
    /// After a change made straight through records() (session fields, a confirmed finding): show it.
    void recordsChanged();
    /// True when a record store is attached but the open session cannot take tags or pain (none open, or
    /// signed); says why in the message line.
    bool recordsRefuseEdits();

    // The pain brush (the client's pain, in the body map's current session) and its likely sources.
    PainTool& pain() { return m_pain; }
    const PainTool& pain() const { return m_pain; }
    /// Paints at `hit` with the brush (any visible surface; the drawing is shown on the skin).
    void painAt(const core::PickHit& hit);
    /// Erases today's pain marks under the brush at `hit` (Ctrl+drag).
    void eraseAt(const core::PickHit& hit)
    {
        if (m_quizDrawing)
            m_pain.eraseAt(hit.point, *m_quizDrawing);
        else if (!recordsRefuseEdits())
            m_pain.eraseAt(hit.point, m_bodyMap);
    }
    void endPainStroke();

    // A quiz's scratch drawing (teaching mode, session/study/quiz_session.h): while one is started, the
    // pain brush paints into it instead of the body map, so a student's answer never lands in a client's
    // record; it is shown like any pain drawing. Ending it drops it.
    void startQuizDrawing();
    void endQuizDrawing() { m_quizDrawing.reset(); }
    bool quizDrawing() const { return m_quizDrawing.has_value(); }
    /// The scratch drawing's marks (empty without one).
    std::vector<core::PainMark> quizDrawingMarks() const;

    // Undo: view changes, visibility, selection and document edits share one stack.
    core::UndoStack& undoStack() { return m_undo; }
    const core::UndoStack& undoStack() const { return m_undo; }
    ViewHistory& history() { return m_history; }
    void undo();
    void redo();

    // Settings remembered between runs: apply() puts layers and display toggles into effect; capture()
    // writes the current ones back (window placement and panel layout are the app's).
    core::Settings& settings() { return m_settings; }
    void applySettings(core::Settings settings);
    void captureSettings();

    // Messages: one line, shown for a few seconds at the bottom of the view.
    void notify(std::string line, bool error = false);
    const std::string& message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    double messageAge(double now) const { return now - m_messageTime; }

    /// Per frame, after panels and input: referral and pain upkeep, markers, history. `now` in seconds.
    void update(double now);
    double now() const { return m_now; }

    /// Markers drawn this frame (trigger points, deep-zone glows, tags) and those that can be clicked.
    const std::vector<core::Marker>& markers() const { return m_markers; }
    const std::vector<PickableMarker>& pickableMarkers() const { return m_pickable; }

private:
    void refreshReferral();
    void rebuildMarkers();
    std::vector<core::StructureId> referralTargets() const;
    /// Where the ray enters and leaves the skin (distances along it); nullopt without skin or a hit.
    std::optional<std::pair<float, float>> skinChord(const core::Ray& ray) const;
    /// Picks along a ray, but nothing beyond the middle of the body (onNearSide).
    std::optional<core::PickHit> pickNear(const core::Ray& ray, const core::PickFilter& filter) const;
    /// The visible skin and the visible bones, in model order.
    void visibleSkinAndBones(std::vector<core::StructureId>& skin, std::vector<core::StructureId>& bones) const;
    /// Where the pain drawing is shown: the visible skin, or every visible bone when it is hidden.
    std::vector<core::StructureId> painTargets() const;
    void setSelected(std::optional<core::StructureId> id);
    /// Writes a change of the body map into the open record session; on failure says why and shows what
    /// is stored. Never throws.
    void syncRecords();
    void loadTreatment(const std::filesystem::path& dataDir);
    std::string recordTreated(const ResolvedStep& step, int seconds);
    std::optional<core::TriggerPointId> protocolTriggerPointFor(const ResolvedStep& step, core::Side side) const;
    void showRecordMirror();

    core::AnatomyModel m_model;
    std::filesystem::path m_modelPath;
    mutable core::Bvh m_bvh; // lazily built by bvh()
    mutable bool m_bvhBuilt = false;
    core::StructureSearch m_search;
    TriggerPointCatalog m_catalog;
    std::vector<core::TriggerPointCandidate> m_candidates;
    std::unique_ptr<TreatmentService> m_treatment;
    mutable std::optional<std::pair<core::TriggerPointId, TriggerPointSheet>> m_sheetCache; ///< shownSheet()'s
    std::optional<ProtocolRun> m_protocolRun;

    core::OrbitCamera m_camera;
    Visibility m_visibility;
    DisplayOptions m_display;
    std::optional<core::StructureId> m_selected;
    std::optional<core::StructureId> m_hovered;
    std::uint64_t m_selectionRevision = 0;

    core::UndoStack m_undo;
    ViewHistory m_history;
    core::BodyMapEditor m_bodyMap;
    std::unique_ptr<RecordBook> m_records;
    std::string m_recordsClosedReason;
    std::uint64_t m_syncedDocument = 0; ///< body-map revision last written to (or read from) the records
    static constexpr double kRecordsRetrySeconds = 3.0;
    std::optional<double> m_recordsRetryAt; ///< when the store was unreachable: the next try (session time)
    std::uint64_t m_shownRecords = 0;   ///< records revision last shown in the body map
    PainTool m_pain;
    std::optional<core::BodyMapEditor> m_quizDrawing; ///< a quiz answer being painted (no undo, no records)
    Tool m_tool = Tool::None;
    bool m_movingTag = false;
    std::optional<core::TagId> m_selectedTag;

    std::optional<core::TriggerPointId> m_shownTriggerPoint;
    std::vector<core::StructureId> m_referralTargets; ///< what the referral was painted on
    std::vector<glm::vec3> m_zoneCentres;
    core::OverlaySet m_overlays;
    std::vector<core::Marker> m_markers;
    std::vector<PickableMarker> m_pickable;

    core::Settings m_settings;
    std::string m_message;
    bool m_messageIsError = false;
    double m_messageTime = -1e9;
    double m_now = 0.0;
};

} // namespace ta::session
