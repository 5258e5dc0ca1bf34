#include "render/render_target.h"

#include <algorithm>
#include <cstring>

namespace ta::render {
namespace {

Renderbuffer multisampled(GLenum format, int samples, int width, int height)
{
    Renderbuffer rb = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, rb.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, width, height);
    return rb;
}

Texture texture2d(GLenum internalFormat, GLenum format, GLenum type, int width, int height)
{
    Texture t = makeTexture();
    glBindTexture(GL_TEXTURE_2D, t.id());
    glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(internalFormat), width, height, 0, format, type, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return t;
}

} // namespace

void RenderTarget::resize(int width, int height, int samples)
{
    width = std::max(width, 1);
    height = std::max(height, 1);
    if (width == m_width && height == m_height && samples == m_requestedSamples)
        return;
    GLint maxSamples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    m_requestedSamples = samples;
    m_samples = std::clamp(samples, 1, std::max(maxSamples, 1));
    m_width = width;
    m_height = height;

    // Free the old targets before making the new ones: peak memory is one set, not two.
    const bool hadTransparency = m_transparentAllocated;
    m_transparentAllocated = false;
    m_opaqueFbo = {};
    m_transparentFbo = {};
    m_opaqueResolveFbo = {};
    m_transparentResolveFbo = {};
    m_outputFbo = {};
    m_colourMs = {};
    m_depthMs = {};
    m_accumMs = {};
    m_revealMs = {};
    m_opaqueResolved = {};
    m_accumResolved = {};
    m_revealResolved = {};
    m_output = {};

    m_colourMs = multisampled(GL_RGBA16F, m_samples, width, height);
    m_depthMs = multisampled(GL_DEPTH_COMPONENT24, m_samples, width, height);

    m_opaqueFbo = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, m_opaqueFbo.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colourMs.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, m_depthMs.id());

    m_opaqueResolved = texture2d(GL_RGBA16F, GL_RGBA, GL_HALF_FLOAT, width, height);
    m_output = texture2d(GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, width, height);

    m_opaqueResolveFbo = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, m_opaqueResolveFbo.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_opaqueResolved.id(), 0);

    m_outputFbo = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, m_outputFbo.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_output.id(), 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);

    if (hadTransparency)
        allocateTransparency(); // a window being resized keeps using them
}

void RenderTarget::allocateTransparency()
{
    m_accumMs = multisampled(GL_RGBA16F, m_samples, m_width, m_height);
    m_revealMs = multisampled(GL_R16F, m_samples, m_width, m_height);

    m_transparentFbo = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, m_transparentFbo.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_accumMs.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_RENDERBUFFER, m_revealMs.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, m_depthMs.id());
    const GLenum both[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, both);

    m_accumResolved = texture2d(GL_RGBA16F, GL_RGBA, GL_HALF_FLOAT, m_width, m_height);
    m_revealResolved = texture2d(GL_R16F, GL_RED, GL_HALF_FLOAT, m_width, m_height);

    m_transparentResolveFbo = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, m_transparentResolveFbo.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_accumResolved.id(), 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_TEXTURE_2D, m_revealResolved.id(), 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    m_transparentAllocated = true;
}

void RenderTarget::bindOpaquePass() const
{
    glBindFramebuffer(GL_FRAMEBUFFER, m_opaqueFbo.id());
    glViewport(0, 0, m_width, m_height);
}

void RenderTarget::bindTransparencyPass()
{
    if (!m_transparentAllocated)
        allocateTransparency();
    glBindFramebuffer(GL_FRAMEBUFFER, m_transparentFbo.id());
    glViewport(0, 0, m_width, m_height);
}

void RenderTarget::resolve(bool transparency) const
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_opaqueFbo.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_opaqueResolveFbo.id());
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glDrawBuffer(GL_COLOR_ATTACHMENT0);
    glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    if (!transparency || !m_transparentAllocated) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return;
    }

    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_transparentFbo.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_transparentResolveFbo.id());
    for (GLenum attachment : {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1}) {
        glReadBuffer(attachment);
        glDrawBuffer(attachment);
        glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::bindOutput() const
{
    glBindFramebuffer(GL_FRAMEBUFFER, m_outputFbo.id());
    glViewport(0, 0, m_width, m_height);
}

io::RgbaImage readFramebuffer(GLuint fbo, int width, int height)
{
    io::RgbaImage image;
    image.width = std::max(width, 0);
    image.height = std::max(height, 0);
    image.pixels.resize(static_cast<std::size_t>(image.width) * image.height * 4);
    if (image.empty())
        return image;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    glReadBuffer(fbo == 0 ? GL_BACK : GL_COLOR_ATTACHMENT0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // OpenGL rows run bottom to top; images run top to bottom.
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* a = image.pixels.data() + static_cast<std::size_t>(y) * row;
        std::uint8_t* b = image.pixels.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    for (std::size_t i = 3; i < image.pixels.size(); i += 4)
        image.pixels[i] = 255; // the window's alpha is meaningless in a picture
    return image;
}

io::RgbaImage RenderTarget::readOutput() const { return readFramebuffer(m_outputFbo.id(), m_width, m_height); }

} // namespace ta::render
