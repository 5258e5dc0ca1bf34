#pragma once
// Off-screen runs: --screenshot and --bench. Both use the headless context (EGL, or a hidden GLFW window).
#include "app/view_options.h"
#include "core/orbit_camera.h"

#include <functional>

namespace ta::app {

/// Renders the requested view to options.screenshot and returns the exit status (0 on success).
/// Throws ta::Error with one line for a bad value, a bad model or no GL context.
int runScreenshot(const ViewOptions& options);

/// Hook for timing picks in --bench: called once per probe ray; it should run the real pick path.
/// Empty (the default) = no pick timing.
using PickProbe = std::function<void(const core::PixelRay&)>;
void setBenchPickProbe(PickProbe probe);

/// Times frames at options.size with every layer visible and the outer layers ghosted; prints a report.
int runBench(const ViewOptions& options);

} // namespace ta::app
