#pragma once
// A linked GLSL program built from real .glsl files in the shader folder (TA_SHADER_DIR environment
// variable, else <project root>/shaders). Uniform locations are cached by name.
#include "render/gl_handles.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <string>
#include <unordered_map>

namespace ta::render {

/// The folder holding the .glsl files.
std::filesystem::path shaderDirectory();

class ShaderProgram {
public:
    ShaderProgram() = default;
    /// Compile and link `vertexFile` and `fragmentFile` (names relative to shaderDirectory()).
    /// Throws IoError (missing file) or ParseError (compile or link log, naming the file and line).
    static ShaderProgram fromFiles(const std::string& vertexFile, const std::string& fragmentFile);

    GLuint id() const { return m_program.id(); }
    void use() const { glUseProgram(m_program.id()); }

    // Setters on the program currently in use; unknown names are ignored (the GLSL compiler may drop them).
    void set(const char* name, int value) const;
    void set(const char* name, float value) const;
    void set(const char* name, const glm::vec2& value) const;
    void set(const char* name, const glm::vec3& value) const;
    void set(const char* name, const glm::vec4& value) const;
    void set(const char* name, const glm::mat3& value) const;
    void set(const char* name, const glm::mat4& value) const;

private:
    GLint location(const char* name) const;

    ProgramHandle m_program;
    mutable std::unordered_map<std::string, GLint> m_locations;
};

} // namespace ta::render
