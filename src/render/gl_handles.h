#pragma once
// Small move-only owners of OpenGL object names (sokol-style handles). Each deletes its object in the
// destructor; a moved-from handle holds 0. They need a current context to be created and destroyed.
#include <epoxy/gl.h>

#include <utility>

namespace ta::render {

/// Generic owner: `Deleter` is a function deleting one name.
template <void (*Deleter)(GLuint)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : m_id(id) {}
    ~GlHandle() { reset(); }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    GlHandle(GlHandle&& other) noexcept : m_id(std::exchange(other.m_id, 0)) {}
    GlHandle& operator=(GlHandle&& other) noexcept
    {
        if (this != &other) {
            reset();
            m_id = std::exchange(other.m_id, 0);
        }
        return *this;
    }
    GLuint id() const { return m_id; }
    explicit operator bool() const { return m_id != 0; }
    void reset()
    {
        if (m_id)
            Deleter(m_id);
        m_id = 0;
    }

private:
    GLuint m_id = 0;
};

namespace detail {
void deleteBuffer(GLuint id);
void deleteVertexArray(GLuint id);
void deleteTexture(GLuint id);
void deleteRenderbuffer(GLuint id);
void deleteFramebuffer(GLuint id);
void deleteProgram(GLuint id);
void deleteQuery(GLuint id);
} // namespace detail

using Buffer = GlHandle<detail::deleteBuffer>;
using VertexArray = GlHandle<detail::deleteVertexArray>;
using Texture = GlHandle<detail::deleteTexture>;
using Renderbuffer = GlHandle<detail::deleteRenderbuffer>;
using Framebuffer = GlHandle<detail::deleteFramebuffer>;
using ProgramHandle = GlHandle<detail::deleteProgram>;
using Query = GlHandle<detail::deleteQuery>;

Buffer makeBuffer();
VertexArray makeVertexArray();
Texture makeTexture();
Renderbuffer makeRenderbuffer();
Framebuffer makeFramebuffer();
Query makeQuery();

} // namespace ta::render
