#include "app/report_views.h"

#include "app/scene_frame.h"

namespace ta::app {
namespace {

const char* caption(core::ViewPreset v)
{
    switch (v) {
    case core::ViewPreset::Anterior: return "Front";
    case core::ViewPreset::Posterior: return "Back";
    case core::ViewPreset::Left: return "Left side";
    case core::ViewPreset::Right: return "Right side";
    case core::ViewPreset::Superior: return "From above";
    }
    return "";
}

} // namespace

std::vector<io::ReportImage> renderSessionViews(session::AppSession& session, const std::vector<core::ViewPreset>& views,
                                                int width, int height, std::optional<core::TriggerPointId> triggerPoint)
{
    core::OrbitCamera& camera = session.camera();
    const core::OrbitCamera saved = camera;
    const auto shown = session.shownTriggerPoint();
    const auto selected = session.selected();
    const int savedW = camera.width(), savedH = camera.height();
    camera.setViewport(width, height);
    session.showTriggerPoint(triggerPoint);
    session.select(std::nullopt);
    if (triggerPoint)
        session.showTriggerPoint(triggerPoint);
    render::FrameSettings frame;
    frame.samples = 4;
    frame.pixelScale = std::max(1.0f, static_cast<float>(height) / 1000.0f);
    SceneFrame scene(session);
    std::vector<io::ReportImage> out;
    for (core::ViewPreset v : views) {
        camera.applyPreset(v, true);
        camera.frame(session.homeBounds(), true);
        camera.snap();
        session.update(0.0);
        scene.render(session, frame);
        out.push_back({scene.renderer().readPixels(), caption(v)});
    }
    camera = saved;
    camera.setViewport(savedW, savedH);
    session.showTriggerPoint(shown);
    if (!shown)
        session.select(selected);
    session.update(0.0);
    session.history().reset(); // the pictures are not a change of the user's view
    return out;
}

} // namespace ta::app
