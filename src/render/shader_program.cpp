#include "render/shader_program.h"

#include "core/error.h"
#include "io/asset_paths.h"

#include <glm/gtc/type_ptr.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ta::render {
namespace {

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw IoError(file.string() + ": shader file not found (set TA_SHADER_DIR or TRIGGER_ATLAS_ROOT)");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

GLuint compile(GLenum stage, const std::filesystem::path& file)
{
    const std::string source = readText(file);
    const GLuint shader = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
        std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
        glGetShaderInfoLog(shader, length, nullptr, log.data());
        glDeleteShader(shader);
        while (!log.empty() && (log.back() == '\n' || log.back() == '\0'))
            log.pop_back();
        throw ParseError(file.string() + ": GLSL compile error: " + log);
    }
    return shader;
}

} // namespace

std::filesystem::path shaderDirectory()
{
    if (const char* env = std::getenv("TA_SHADER_DIR"); env && *env)
        return env;
    return io::projectRoot() / "shaders";
}

ShaderProgram ShaderProgram::fromFiles(const std::string& vertexFile, const std::string& fragmentFile)
{
    const std::filesystem::path dir = shaderDirectory();
    const GLuint vs = compile(GL_VERTEX_SHADER, dir / vertexFile);
    GLuint fs = 0;
    try {
        fs = compile(GL_FRAGMENT_SHADER, dir / fragmentFile);
    } catch (...) {
        glDeleteShader(vs);
        throw;
    }
    ShaderProgram program;
    program.m_program = ProgramHandle(glCreateProgram());
    const GLuint id = program.m_program.id();
    glAttachShader(id, vs);
    glAttachShader(id, fs);
    glLinkProgram(id);
    glDetachShader(id, vs);
    glDetachShader(id, fs);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(id, GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetProgramiv(id, GL_INFO_LOG_LENGTH, &length);
        std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
        glGetProgramInfoLog(id, length, nullptr, log.data());
        throw ParseError(vertexFile + " + " + fragmentFile + ": GLSL link error: " + log);
    }
    return program;
}

GLint ShaderProgram::location(const char* name) const
{
    auto it = m_locations.find(name);
    if (it == m_locations.end())
        it = m_locations.emplace(name, glGetUniformLocation(m_program.id(), name)).first;
    return it->second;
}

void ShaderProgram::set(const char* name, int value) const { glUniform1i(location(name), value); }
void ShaderProgram::set(const char* name, float value) const { glUniform1f(location(name), value); }
void ShaderProgram::set(const char* name, const glm::vec2& v) const { glUniform2fv(location(name), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* name, const glm::vec3& v) const { glUniform3fv(location(name), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* name, const glm::vec4& v) const { glUniform4fv(location(name), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* name, const glm::mat3& m) const
{
    glUniformMatrix3fv(location(name), 1, GL_FALSE, glm::value_ptr(m));
}
void ShaderProgram::set(const char* name, const glm::mat4& m) const
{
    glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(m));
}

} // namespace ta::render
