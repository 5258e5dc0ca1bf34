#include "render/gl_handles.h"

namespace ta::render {
namespace detail {
void deleteBuffer(GLuint id) { glDeleteBuffers(1, &id); }
void deleteVertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
void deleteTexture(GLuint id) { glDeleteTextures(1, &id); }
void deleteRenderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
void deleteFramebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
void deleteProgram(GLuint id) { glDeleteProgram(id); }
void deleteQuery(GLuint id) { glDeleteQueries(1, &id); }
} // namespace detail

Buffer makeBuffer()
{
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer(id);
}

VertexArray makeVertexArray()
{
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}

Texture makeTexture()
{
    GLuint id = 0;
    glGenTextures(1, &id);
    return Texture(id);
}

Renderbuffer makeRenderbuffer()
{
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return Renderbuffer(id);
}

Framebuffer makeFramebuffer()
{
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return Framebuffer(id);
}

Query makeQuery()
{
    GLuint id = 0;
    glGenQueries(1, &id);
    return Query(id);
}

} // namespace ta::render
