#pragma once
// The pain brush and what follows from the drawing: the therapist (or the client) drags over the body to
// mark where it hurts; the marks go into the body map's current session, one undoable step per stroke;
// the drawing is painted on the skin (blue hatching) and the reverse lookup ranks the trigger points that
// could explain it. Owns no GL objects: the frame loop uploads weights() when revision() changes.
#include "core/anatomy_model.h"
#include "core/bodymap/body_map_editor.h"
#include "ui/trigger_point_catalog.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace ta::ui {

class PainTool {
public:
    bool active = false;    ///< the brush is in the user's hand: left drag paints instead of orbiting
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

    /// Recomputes the per-vertex drawing on `targets` and the likely sources when the marks (committed
    /// or in progress), the targets or the model changed. Cheap when nothing did. Never throws.
    void refresh(const core::AnatomyModel& model, TriggerPointCatalog& catalog, const core::BodyMapEditor& bodyMap,
                 const std::vector<core::StructureId>& targets);

    /// The marks shown: the session's (or every session's) plus the stroke in progress.
    const std::vector<core::PainMark>& shownMarks() const { return m_shown; }
    /// The session date those marks come from; empty for all sessions or none.
    const std::string& shownDate() const { return m_shownDate; }
    /// Per structure, one intensity per vertex (empty for structures not painted); see revision().
    const std::vector<std::vector<float>>& weights() const { return m_weights; }
    std::uint64_t revision() const { return m_revision; }
    /// Trigger points that could explain the drawing, best first (empty without a drawing).
    const std::vector<TriggerPointCatalog::PainSource>& sources() const { return m_sources; }

private:
    std::vector<core::PainMark> m_stroke;
    std::vector<core::MarkId> m_erased; ///< marks the erasing stroke in progress has touched
    std::vector<core::PainMark> m_shown;
    std::string m_shownDate;
    std::vector<core::StructureId> m_targets;
    const core::AnatomyModel* m_model = nullptr;
    std::vector<std::vector<float>> m_weights;
    std::vector<TriggerPointCatalog::PainSource> m_sources;
    std::uint64_t m_revision = 0;
    bool m_sourcesStale = false;
};

} // namespace ta::ui
