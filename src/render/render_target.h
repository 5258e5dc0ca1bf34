#pragma once
// The off-screen targets of one frame: a multisampled opaque pass (colour + depth), a multisampled
// transparency pass sharing its depth (weighted blended OIT: accumulation + revealage), their single-sample
// resolves, and the final 8-bit sRGB-encoded image that goes to the screen or to a PNG.
#include "io/png_image.h"
#include "render/gl_handles.h"

namespace ta::render {

class RenderTarget {
public:
    /// (Re)allocate for `width` x `height` pixels with up to `samples` MSAA samples (clamped to the
    /// driver's limit; 1 = no MSAA). Cheap when nothing changed.
    void resize(int width, int height, int samples);
    int width() const { return m_width; }
    int height() const { return m_height; }
    int samples() const { return m_samples; }

    void bindOpaquePass() const;
    void bindTransparencyPass() const;
    /// Resolve both multisampled passes into the single-sample textures (MSAA resolve by blit).
    void resolve() const;
    void bindOutput() const;

    GLuint opaqueTexture() const { return m_opaqueResolved.id(); }
    GLuint accumTexture() const { return m_accumResolved.id(); }
    GLuint revealTexture() const { return m_revealResolved.id(); }
    GLuint outputTexture() const { return m_output.id(); }
    GLuint outputFramebuffer() const { return m_outputFbo.id(); }

    /// The final image, rows top to bottom.
    io::RgbaImage readOutput() const;

private:
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
