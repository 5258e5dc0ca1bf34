#pragma once
#include "render/gl_context.h"

namespace ta::render {
/// An EGL context with no window system, or nullptr with the reasons appended to `why`. Never throws.
std::unique_ptr<GlContext> createEglContext(std::string& why);
} // namespace ta::render
