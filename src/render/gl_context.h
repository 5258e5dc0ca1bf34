#pragma once
// OpenGL contexts: an off-screen one for screenshots, tests and benchmarks (EGL with no window system,
// falling back to a hidden GLFW window), and the visible GLFW window (window.h).
#include <memory>
#include <string>

namespace ta::render {

/// An OpenGL 4.1+ core context that owns no visible surface; rendering goes to framebuffer objects.
class GlContext {
public:
    virtual ~GlContext() = default;
    virtual void makeCurrent() = 0;
    /// e.g. "EGL surfaceless: llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5 (Core Profile) Mesa 22.3.6".
    virtual std::string description() const = 0;
};

/// Tries EGL (Mesa surfaceless platform, then the EGL device platform), then a hidden GLFW window.
/// Returns nullptr when none works; `whyNot` then receives one line per attempt. Never throws.
std::unique_ptr<GlContext> createHeadlessContext(std::string* whyNot = nullptr);

/// "renderer, version" of the current context.
std::string currentGlDescription();

} // namespace ta::render
