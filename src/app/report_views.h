#pragma once
// The pictures of a session for its report and handout: the client's pain drawing and the tags, from the
// front, the back and the side (or, for the handout, the main finding's referral over the drawing), drawn
// off-screen by the same SceneFrame as the window. Needs a current GL context.
#include "io/report/report_data.h"
#include "session/app_session.h"

#include <optional>
#include <vector>

namespace ta::app {

/// Renders the open record session of `session` (its drawing and tags) from `views` at width x height.
/// With `triggerPoint` its referral is shown too. The camera and the shown trigger point are put back.
/// Throws what SceneRenderer throws (shader files).
std::vector<io::ReportImage> renderSessionViews(session::AppSession& session, const std::vector<core::ViewPreset>& views,
                                                int width, int height, std::optional<core::TriggerPointId> triggerPoint = {});

} // namespace ta::app
