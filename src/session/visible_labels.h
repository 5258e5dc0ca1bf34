#pragma once
// "Label everything visible" (a study aid): one label per structure the eye can see, anchored where it sees
// it, the biggest on screen first. A structure is seen when the ray from the eye to its centre meets it first
// (x-rayed and hidden structures are skipped, so is anything on the far side of the body); one smaller than
// `minScreenFraction` of the view height is left out, so zooming out shows fewer labels. The overlay then
// places them without collisions. No UI, no GL.
#include "session/app_session.h"

#include <cstddef>
#include <vector>

namespace ta::session {

std::vector<ViewLabel> labelEverythingVisible(const AppSession& session, std::size_t limit = 40,
                                              float minScreenFraction = 0.04f);

} // namespace ta::session
