#pragma once
// The off-screen targets of one frame: a multisampled opaque pass (colour + depth), a multisampled
// transparency pass sharing its depth (weighted blended OIT: accumulation + revealage), their single-sample
// resolves, and the final 8-bit sRGB-encoded image that goes to the screen or to a PNG. The transparency
// targets (about half the memory: 80 MB at 1600x1000 with 4x MSAA) are allocated only once a frame has
// something transparent, so a picture without x-ray never pays for them.
#include "io/png_image.h"
#include "render/gl_handles.h"

namespace ta::render {

/// Read `width` x `height` RGBA pixels from framebuffer `fbo` (0 = the window's back buffer, e.g. after
/// ImGui drew on it, for screenshots of exactly what the user sees). Rows top to bottom. Never throws.
io::RgbaImage readFramebuffer(GLuint fbo, int width, int height);

class RenderTarget {
public:
    /// (Re)allocate for `width` x `height` pixels with up to `samples` MSAA samples (clamped to the
    /// driver's limit; 1 = no MSAA). Cheap when nothing changed.
    void resize(int width, int height, int samples);
    int width() const { return m_width; }
    int height() const { return m_height; }
    int samples() const { return m_samples; }

    void bindOpaquePass() const;
    /// Allocates the transparency targets at the current size on first use, then binds them.
    void bindTransparencyPass();
    bool hasTransparencyTargets() const { return m_transparentAllocated; }
    /// Resolve the opaque pass (and the transparency pass when `transparency`) into the single-sample
    /// textures (MSAA resolve by blit).
    void resolve(bool transparency) const;
    void bindOutput() const;

    GLuint opaqueTexture() const { return m_opaqueResolved.id(); }
    GLuint accumTexture() const { return m_accumResolved.id(); }
    GLuint revealTexture() const { return m_revealResolved.id(); }
    GLuint outputTexture() const { return m_output.id(); }
    GLuint outputFramebuffer() const { return m_outputFbo.id(); }

    /// The final image, rows top to bottom.
    io::RgbaImage readOutput() const;

private:
    void allocateTransparency();

    bool m_transparentAllocated = false;
    int m_width = 0;
    int m_height = 0;
    int m_samples = 0;
    int m_requestedSamples = -1;
    Renderbuffer m_colourMs, m_depthMs, m_accumMs, m_revealMs;
    Framebuffer m_opaqueFbo, m_transparentFbo;
    Texture m_opaqueResolved, m_accumResolved, m_revealResolved, m_output;
    Framebuffer m_opaqueResolveFbo, m_transparentResolveFbo, m_outputFbo;
};

} // namespace ta::render
