#pragma once
// The pain brush and what follows from the drawing: the therapist (or the client) drags over the body to
// mark where it hurts; the marks go into the body map's current session, one undoable step per stroke;
// the drawing is painted on the skin (blue hatching) and the reverse lookup ranks the trigger points that
// could explain it. The per-vertex drawing goes into the session's pain overlay (a VertexQuantity that
// render mirrors on the GPU). No GL, no UI.
#include "core/anatomy_model.h"
#include "core/bodymap/body_map_editor.h"
#include "core/overlay/vertex_quantity.h"
#include "session/trigger_point_catalog.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace ta::session {

class PainTool {
public:
    float radius = 0.02f;   ///< brush radius, metres
    int intensity = 6;      ///< 1..10
    /// Show (and explain) every session's pain. Otherwise: today's, or, while today has none, the latest
    /// session's that has some (what the client drew last time).
    bool allSessions = false;

    /// Adds a mark at `point` (model frame) on `structure` to the stroke in progress, unless the last
    /// one is nearer than half a radius (a slow drag does not pile up marks).
    void paintAt(const glm::vec3& point, const std::string& structure);
    /// Erases, as the stroke goes, the marks of today's session that the brush touches at `point` (they
    /// vanish at once; the body map changes when the stroke ends).
    void eraseAt(const glm::vec3& point, const core::BodyMapEditor& bodyMap);
    /// Ends the stroke: its marks go into the body map, or the erased ones leave it, as one undoable step.
    void endStroke(core::BodyMapEditor& bodyMap);
    bool painting() const { return !m_stroke.empty() || !m_erased.empty(); }

    /// Recomputes the per-vertex drawing on `targets` (into `overlay`) and the likely sources when the
    /// marks (committed or in progress), the targets or the model changed. Cheap when nothing did. Never throws.
    void refresh(const core::AnatomyModel& model, TriggerPointCatalog& catalog, const core::BodyMapEditor& bodyMap,
                 const std::vector<core::StructureId>& targets, core::VertexQuantity<float>& overlay);

    /// The model was replaced (AppSession::openModel; it lives at the same address): the next refresh
    /// recomputes everything.
    void forgetModel() { m_model = nullptr; }

    /// The marks shown: the session's (or every session's) plus the stroke in progress.
    const std::vector<core::PainMark>& shownMarks() const { return m_shown; }
    /// The session date those marks come from; empty for all sessions or none.
    const std::string& shownDate() const { return m_shownDate; }
    /// Trigger points that could explain the drawing, best first (empty without a drawing).
    const std::vector<TriggerPointCatalog::PainSource>& sources() const { return m_explanation.sources; }
    /// The same sources grouped by muscle, and the sets that explain the drawing together.
    const TriggerPointCatalog::PainExplanation& explanation() const { return m_explanation; }

private:
    std::vector<core::PainMark> m_stroke;
    std::vector<core::PainMarkId> m_erased; ///< marks the erasing stroke in progress has touched
    std::vector<core::PainMark> m_shown;
    std::string m_shownDate;
    std::vector<core::StructureId> m_targets;
    const core::AnatomyModel* m_model = nullptr;
    TriggerPointCatalog::PainExplanation m_explanation;
    bool m_sourcesStale = false;
};

} // namespace ta::session
