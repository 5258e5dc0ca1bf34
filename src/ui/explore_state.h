#pragma once
// The explore-and-tag side of the application state: picking, selection and framing, peeling and
// isolation, the trigger point being shown and its referral pattern, the body-map document and its tags,
// presentation mode, undo, messages. Owns no GL objects: it writes into AppState (styles, markers,
// referral weights) and the frame loop draws that. Panels call these operations; none throws.
#include "core/bodymap/body_map_editor.h"
#include "core/history/undo_stack.h"
#include "core/picking/bvh.h"
#include "core/search/structure_search.h"
#include "core/settings/settings.h"
#include "ui/action_table.h"
#include "ui/app_state.h"
#include "ui/pain_tool.h"
#include "ui/trigger_point_catalog.h"
#include "ui/view_history.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ta::ui {

/// A marker the user can hover and click: a documented trigger point or a tag.
struct PickableMarker {
    enum class Kind { TriggerPoint, Tag } kind = Kind::TriggerPoint;
    std::size_t index = 0; ///< catalog index or tag id value
    glm::vec3 position{0.0f};
    bool onTop = false; ///< drawn through surfaces (so clickable through them)
};

class ExploreState {
public:
    explicit ExploreState(AppState& app);
    ExploreState(const ExploreState&) = delete;
    ExploreState& operator=(const ExploreState&) = delete;

    /// After AppState::setModel: rebuilds the BVH, the search index and the trigger-point catalog.
    void modelChanged(const std::filesystem::path& dataDir);

    AppState& app;
    core::UndoStack undo;
    ViewHistory history{undo};
    core::BodyMapEditor bodyMap{&undo};
    TriggerPointCatalog catalog;
    core::StructureSearch search;
    core::Settings settings; ///< remembered between runs (loaded and saved by the frame loop)

    // Picking.
    core::PickFilter pickFilter() const;
    std::optional<core::PickHit> pick(glm::vec2 pixel) const;
    std::optional<core::PickHit> pickRay(const core::PixelRay& ray) const;
    /// For the tag tool: like pick() but clicks pass through the skin to the muscles beneath.
    std::optional<core::PickHit> pickUnderSkin(glm::vec2 pixel) const;
    /// A marker within `radiusPixels` of `pixel`, nearest first; markers hidden behind opaque surfaces
    /// count only when drawn on top.
    std::optional<PickableMarker> pickMarker(glm::vec2 pixel, float radiusPixels) const;
    const core::Bvh& bvh() const { return m_bvh; }

    // Selection and camera.
    void select(std::optional<core::StructureId> id, bool frame = false);
    void frame(core::StructureId id);
    void frameSelection();
    void frameAll();
    void hover(std::optional<core::StructureId> id) { app.hovered = id; }

    // Layers and structures.
    std::optional<core::Layer> peel();
    std::optional<core::Layer> restore();
    void hideSelection();
    void isolateSelection();
    void isolate(core::StructureId id);
    void showAll();
    void setGhost(bool on) { app.ghost = on; }
    /// Sets layer visibility from a list like "skin,bone"; false with `error` naming the bad name.
    bool setLayers(const std::string& list, std::string& error);

    // Trigger points and referral.
    std::optional<std::size_t> shownTriggerPoint() const { return m_shownTriggerPoint; }
    /// Shows trigger point i's referral (selecting its muscle), or clears it with nullopt.
    void showTriggerPoint(std::optional<std::size_t> i, bool frameMuscle = false);
    /// Next/previous trigger point of the selected muscle (wraps).
    void stepTriggerPoint(int delta);
    std::string caption() const;

    // Tags.
    bool tagTool = false;
    std::optional<core::MarkId> selectedTag;
    bool movingTag = false;
    /// Places a tag where `hit` lies (muscles only) or moves the selected one when `movingTag`.
    void tagAt(const core::PickHit& hit);
    void selectTag(std::optional<core::MarkId> id);
    void deleteSelectedTag();
    bool openBodyMap(const std::filesystem::path& file);

    // Pain drawing (the client's pain, in the body map's current session) and its likely sources.
    PainTool pain;
    /// Paints at `hit` with the brush (any visible surface; the drawing is shown on the skin).
    void painAt(const core::PickHit& hit);
    /// Erases today's pain marks under the brush at `hit` (Ctrl+drag).
    void eraseAt(const core::PickHit& hit) { pain.eraseAt(hit.point, bodyMap); }
    void endPainStroke() { pain.endStroke(bodyMap); }
    bool saveBodyMap(const std::optional<std::filesystem::path>& file = std::nullopt);

    // Display toggles.
    bool presentation = false;
    bool showHelp = false;
    bool showMarkers = true;
    bool showLabels = true;
    bool showLandmarks = false;
    bool referralPath = false;
    bool focusSearch = false;
    bool focusTreeOnSelection = false; ///< the layers tree opens and scrolls to a new selection
    bool quitRequested = false;
    bool screenshotRequested = false;

    /// Runs an action from the menu or a shortcut.
    void run(ActionId id);
    bool enabled(ActionId id) const;
    bool checked(ActionId id) const;

    // Messages: one line, shown for a few seconds at the bottom of the view.
    void notify(std::string line, bool error = false);
    const std::string& message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    double messageAge(double now) const { return now - m_messageTime; }

    /// Per frame, after panels and input: markers, referral upkeep, history. `now` in seconds.
    void update(double now);
    double now() const { return m_now; }

    /// The referral overlay being shown: per structure, (essential, spillover) per vertex; empty = none.
    /// Bumped revision tells the frame loop to upload it.
    const std::vector<std::vector<glm::vec2>>& referralWeights() const { return m_referralWeights; }
    std::uint64_t referralRevision() const { return m_referralRevision; }
    /// Where each essential-zone region of the shown trigger point is painted (model frame).
    const std::vector<glm::vec3>& zoneCentres() const { return m_zoneCentres; }

    /// Where labels may go this frame: the view minus the panels (ImGui units); set by the UI each frame.
    glm::vec2 freeMin{0.0f}, freeMax{0.0f};

    /// Markers currently drawn and clickable.
    const std::vector<PickableMarker>& pickableMarkers() const { return m_pickable; }

private:
    void refreshReferral();
    void rebuildMarkers();
    std::vector<core::StructureId> referralTargets() const;
    /// The visible skin and the visible bones, in model order.
    void visibleSkinAndBones(std::vector<core::StructureId>& skin, std::vector<core::StructureId>& bones) const;
    /// Where the pain drawing is shown: the visible skin, or every visible bone when it is hidden.
    std::vector<core::StructureId> painTargets() const;

    core::Bvh m_bvh;
    std::optional<std::size_t> m_shownTriggerPoint;
    std::vector<core::TriggerPointCandidate> m_candidates;
    std::vector<core::Layer> m_peeled;
    std::vector<PickableMarker> m_pickable;
    std::vector<core::StructureId> m_referralTargets; ///< what the referral was painted on
    std::vector<std::vector<glm::vec2>> m_referralWeights;
    std::uint64_t m_referralRevision = 0;
    std::vector<glm::vec3> m_zoneCentres;
    std::string m_message;
    bool m_messageIsError = false;
    double m_messageTime = -1e9;
    double m_now = 0.0;
};

/// Human name of a layer: "Skin", "Superficial muscles" ...
const char* layerLabel(core::Layer l);

} // namespace ta::ui
