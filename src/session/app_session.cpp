#include "session/app_session.h"

#include "core/error.h"

#include <algorithm>

namespace ta::session {

AppSession::AppSession()
    : m_history(m_undo, ViewRefs{m_visibility, m_selected, m_camera}), m_bodyMap(&m_undo)
{
}

void AppSession::openModel(core::AnatomyModel model, std::filesystem::path path, const std::filesystem::path& dataDir)
{
    m_model = std::move(model);
    m_modelPath = std::move(path);
    m_visibility.reset(m_model.structures.size());
    m_selected.reset();
    m_hovered.reset();
    m_markers.clear();
    m_pickable.clear();
    m_overlays.referral.clear();
    m_overlays.pain.clear();
    m_pain.forgetModel(); // a second model reuses m_model's address: repaint the drawing on the new skin
    const core::Aabb box = m_model.bounds();
    m_camera.setSceneRadius(box.valid() ? 0.5f * glm::length(box.size()) : 1.0f);
    m_camera.frame(box, true);

    m_bvh = core::Bvh(); // built on the first pick (bvh())
    m_bvhBuilt = false;
    m_search = core::StructureSearch(m_model);
    try {
        m_catalog.load(dataDir, m_model);
    } catch (const Error& e) {
        m_catalog.clear();
        notify(std::string("trigger-point data not available: ") + e.what(), true);
    }
    m_candidates = m_catalog.candidates();
    loadTreatment(dataDir);
    m_shownTriggerPoint.reset();
    m_referralTargets.clear();
    m_zoneCentres.clear();
    m_undo.clear();
    m_history.reset();
}

core::Aabb AppSession::visibleBounds() const
{
    core::Aabb box;
    for (std::uint32_t i = 0; i < m_model.structures.size(); ++i)
        if (isVisible(core::StructureId{i}))
            box.expand(m_model.structures[i].mesh.bounds());
    return box.valid() ? box : m_model.bounds();
}

core::Aabb AppSession::homeBounds() const
{
    core::Aabb box = visibleBounds();
    const core::Landmark* left = m_model.landmark("scapula-inferior-angle-left");
    const core::Landmark* right = m_model.landmark("scapula-inferior-angle-right");
    if (!left || !right)
        return box;
    const float floor = std::min(left->position.y, right->position.y) - 0.03f;
    if (box.min.y < floor && box.max.y > floor + 0.1f)
        box.min.y = floor;
    return box;
}

void AppSession::setTool(Tool tool)
{
    m_tool = tool;
    if (tool != Tool::Tag)
        m_movingTag = false;
    if (tool == Tool::Tag) {
        // See the muscles through the skin; clicks pass through it too.
        if (m_visibility.layer(core::Layer::Skin).visible && !m_visibility.ghost()) {
            m_visibility.setGhost(true);
            m_visibility.setGhostDownTo(core::Layer::Skin);
        }
        notify("Tag tool: click the muscle where you found the trigger point (Esc to stop)");
    } else if (tool == Tool::Pain) {
        notify("Pain brush: drag over the body where it hurts, Ctrl+drag erases; Shift+drag or right-drag moves the view (Esc to stop)");
    }
}

void AppSession::setMovingTag(bool on)
{
    m_movingTag = on && m_selectedTag.has_value();
    if (m_movingTag)
        m_tool = Tool::Tag;
}

void AppSession::undo()
{
    m_undo.undo();
    syncRecords();
    refreshReferral();
}

void AppSession::redo()
{
    m_undo.redo();
    syncRecords();
    refreshReferral();
}

void AppSession::applySettings(core::Settings settings)
{
    m_settings = std::move(settings);
    for (core::Layer l : core::kAllLayers) {
        m_visibility.layer(l).visible = m_settings.layer(l).visible;
        m_visibility.layer(l).opacity = m_settings.layer(l).opacity;
    }
    m_visibility.setGhost(m_settings.ghost);
    m_display.showMarkers = m_settings.showTriggerPoints;
    m_display.showLabels = m_settings.showLabels;
    m_display.skinTone = m_settings.skinTone;
}

void AppSession::captureSettings()
{
    for (core::Layer l : core::kAllLayers) {
        m_settings.layer(l).visible = m_visibility.layer(l).visible;
        m_settings.layer(l).opacity = m_visibility.layer(l).opacity;
    }
    m_settings.ghost = m_visibility.ghost();
    m_settings.showTriggerPoints = m_display.showMarkers;
    m_settings.showLabels = m_display.showLabels;
    m_settings.skinTone = m_display.skinTone;
    if (m_bodyMap.path())
        m_settings.addRecent(m_bodyMap.path()->string());
    if (m_records)
        m_settings.lastClient = m_records->client() ? m_records->client()->id.str() : std::string();
}

void AppSession::notify(std::string line, bool error)
{
    if (m_recordsRetryAt && !error) {
        // While a change waits for the records to come back, every message says so.
        line += " (not stored yet: the records are unreachable; the change is kept and retried)";
        error = true;
    }
    m_message = std::move(line);
    m_messageIsError = error;
    m_messageTime = m_now;
}

void AppSession::update(double now)
{
    m_now = now;
    syncRecords();    // edits made straight on the body map (the tag panel's fields)
    recordsChanged(); // changes made straight through the records (the client panel)
    if (m_shownTriggerPoint && referralTargets() != m_referralTargets)
        refreshReferral(); // the skin was hidden or shown: repaint on what is visible now
    m_pain.refresh(m_model, m_catalog, m_quizDrawing ? *m_quizDrawing : m_bodyMap, painTargets(), m_overlays.pain);
    rebuildMarkers();
    m_history.record(now);
}

} // namespace ta::session
