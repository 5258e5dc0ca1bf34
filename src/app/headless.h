#pragma once
// Off-screen runs: --screenshot and --bench. Both use the headless context (EGL, or a hidden GLFW window).
#include "app/view_options.h"
#include "render/gl_context.h"
#include "session/start_options.h"

#include <memory>

namespace ta::app {

/// An off-screen OpenGL 4.1 context (EGL, or a hidden GLFW window). Throws ta::Error with one line saying
/// why there is none.
std::unique_ptr<render::GlContext> requireHeadlessContext();

/// Renders the requested view to options.screenshot and returns the exit status (0 on success).
/// Throws ta::Error with one line for a bad value, a bad model or no GL context.
int runScreenshot(const ViewOptions& options, const session::StartOptions& start);

/// Times frames at options.size with every layer visible and the outer layers ghosted, and picks through
/// the session's real pick path; prints a report.
int runBench(const ViewOptions& options, const session::StartOptions& start);

} // namespace ta::app
