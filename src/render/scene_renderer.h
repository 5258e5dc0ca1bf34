#pragma once
// Draws a GpuModel seen through an OrbitCamera into an off-screen RenderTarget: opaque surfaces with MSAA,
// translucent and ghosted surfaces with weighted blended order-independent transparency (no sorting, so no
// popping while rotating), markers, then a composite pass that encodes sRGB. The result can be read back
// as RGBA pixels or blitted to the window. Per-frame calls never throw.
#include "core/orbit_camera.h"
#include "io/png_image.h"
#include "render/gpu_model.h"
#include "render/render_target.h"
#include "render/scene_style.h"
#include "render/shader_program.h"

#include <span>
#include <vector>

namespace ta::render {

class SceneRenderer {
public:
    /// Loads the shaders. Needs a current GL 4.1 context. Throws IoError or ParseError (shader files).
    SceneRenderer();

    /// Renders at the camera's viewport size times settings.renderScale. `styles` has one entry per structure (missing entries use
    /// the default style).
    void render(const GpuModel& model, std::span<const StructureStyle> styles, const core::OrbitCamera& camera,
                std::span<const Marker> markers, const FrameSettings& settings);

    /// Copy the last frame into framebuffer `target` (0 = the window) of the given size.
    void blitTo(GLuint target, int width, int height) const;
    /// The last frame, rows top to bottom.
    io::RgbaImage readPixels() const { return m_target.readOutput(); }
    const RenderTarget& target() const { return m_target; }
    /// How many opaque structures the last frame skipped because they were hidden (for tests and --bench).
    std::size_t lastCulled() const { return m_lastCulled; }

private:
    void drawStructures(const GpuModel& model, std::span<const StructureStyle> styles, bool transparentPass,
                        const FrameSettings& settings);
    /// The opaque pass: the outermost opaque layer first, then every other opaque structure whose
    /// bounding box is not hidden behind it (occlusion queries; exact, since a box seen from outside and
    /// hidden entirely hides everything in it).
    void drawOpaque(const GpuModel& model, std::span<const StructureStyle> styles, const core::OrbitCamera& camera,
                    const FrameSettings& settings);
    void drawMesh(const GpuMesh& mesh, const StructureStyle& style, const FrameSettings& settings);
    /// Solid markers in the opaque pass; glow markers (Marker::glow > 0) in the transparency pass.
    void drawMarkers(std::span<const Marker> markers, const core::OrbitCamera& camera, bool glowPass);
    void composite(const FrameSettings& settings, bool hasTransparency);

    ShaderProgram m_scene;
    ShaderProgram m_marker;
    ShaderProgram m_composite;
    VertexArray m_emptyVao;
    VertexArray m_sphereVao;
    Buffer m_sphereVertices;
    Buffer m_sphereIndices;
    GLsizei m_sphereIndexCount = 0;
    ShaderProgram m_bounds; ///< bounding boxes for the occlusion queries
    VertexArray m_cubeVao;
    Buffer m_cubeVertices;
    Buffer m_cubeIndices;
    std::vector<Query> m_queries; ///< one per structure tested in a frame, reused
    std::vector<std::size_t> m_tested;
    std::size_t m_lastCulled = 0;
    RenderTarget m_target;
    std::vector<std::size_t> m_order; ///< the draw order of one pass (kept to reuse its storage)
};

} // namespace ta::render
