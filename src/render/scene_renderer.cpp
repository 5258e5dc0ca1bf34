#include "render/scene_renderer.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace ta::render {
namespace {

bool isTransparent(const StructureStyle& s) { return s.ghost || s.opacity < 0.999f; }

const StructureStyle& styleAt(std::span<const StructureStyle> styles, std::size_t i)
{
    static const StructureStyle kDefault;
    return i < styles.size() ? styles[i] : kDefault;
}

// A UV sphere of radius 1: positions double as normals.
void buildSphere(std::vector<glm::vec3>& positions, std::vector<std::uint32_t>& indices)
{
    constexpr int kStacks = 12;
    constexpr int kSlices = 20;
    constexpr float kPi = std::numbers::pi_v<float>;
    for (int i = 0; i <= kStacks; ++i) {
        const float phi = kPi * static_cast<float>(i) / kStacks;
        for (int j = 0; j <= kSlices; ++j) {
            const float theta = 2.0f * kPi * static_cast<float>(j) / kSlices;
            positions.emplace_back(std::sin(phi) * std::cos(theta), std::cos(phi), std::sin(phi) * std::sin(theta));
        }
    }
    for (int i = 0; i < kStacks; ++i)
        for (int j = 0; j < kSlices; ++j) {
            const std::uint32_t a = i * (kSlices + 1) + j;
            const std::uint32_t b = a + kSlices + 1;
            indices.insert(indices.end(), {a, a + 1, b, b, a + 1, b + 1});
        }
}

} // namespace

glm::vec3 tissueColour(core::Kind kind)
{
    switch (kind) {
    case core::Kind::Bone: return {0.78f, 0.70f, 0.52f};      // ivory
    case core::Kind::Cartilage: return {0.62f, 0.70f, 0.72f}; // bluish white
    case core::Kind::Muscle: return {0.34f, 0.055f, 0.040f};  // red-brown
    case core::Kind::Tendon: return {0.56f, 0.58f, 0.60f};    // pearly, a cool white apart from the ivory bone
    case core::Kind::Skin: return core::skinToneColour(core::SkinTone::Light);
    }
    return glm::vec3(0.7f);
}

SceneRenderer::SceneRenderer()
    : m_scene(ShaderProgram::fromFiles("scene.vert.glsl", "scene.frag.glsl")),
      m_marker(ShaderProgram::fromFiles("marker.vert.glsl", "marker.frag.glsl")),
      m_composite(ShaderProgram::fromFiles("fullscreen.vert.glsl", "composite.frag.glsl")),
      m_emptyVao(makeVertexArray()), m_bounds(ShaderProgram::fromFiles("bounds.vert.glsl", "bounds.frag.glsl"))
{
    // The unit cube for the occlusion queries: 8 corners, 12 triangles.
    const float corners[] = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1};
    const std::uint32_t faces[] = {0, 1, 3, 0, 3, 2, 4, 6, 7, 4, 7, 5, 0, 2, 6, 0, 6, 4,
                                   1, 5, 7, 1, 7, 3, 0, 4, 5, 0, 5, 1, 2, 3, 7, 2, 7, 6};
    m_cubeVao = makeVertexArray();
    m_cubeVertices = makeBuffer();
    m_cubeIndices = makeBuffer();
    glBindVertexArray(m_cubeVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_cubeVertices.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_cubeIndices.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(faces), faces, GL_STATIC_DRAW);
    glBindVertexArray(0);

    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;
    buildSphere(positions, indices);
    m_sphereVao = makeVertexArray();
    m_sphereVertices = makeBuffer();
    m_sphereIndices = makeBuffer();
    glBindVertexArray(m_sphereVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_sphereVertices.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(positions.size() * sizeof(glm::vec3)), positions.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_sphereIndices.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
                 indices.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    m_sphereIndexCount = static_cast<GLsizei>(indices.size());
}

void SceneRenderer::render(const GpuModel& model, std::span<const StructureStyle> styles,
                           const core::OrbitCamera& camera, std::span<const Marker> markers,
                           const FrameSettings& settings)
{
    const float scale = std::clamp(settings.renderScale, 0.1f, 1.0f);
    m_target.resize(std::max(1, static_cast<int>(std::lround(camera.width() * scale))),
                    std::max(1, static_cast<int>(std::lround(camera.height() * scale))), settings.samples);

    // Opaque pass: depth-tested, depth-written, MSAA.
    m_target.bindOpaquePass();
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDepthMask(GL_TRUE);
    glDisable(GL_CULL_FACE); // meshes may be open; back faces are lit too
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClearDepth(1.0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);

    m_scene.use();
    m_scene.set("uView", camera.view());
    m_scene.set("uProjection", camera.projection());
    m_scene.set("uGhostOpacity", settings.ghostOpacity);
    m_scene.set("uStippleCell", 7.0f * settings.pixelScale * scale);
    m_scene.set("uReferralColour", settings.referralColour);
    m_scene.set("uTendonColour", tissueColour(core::Kind::Tendon)); // tendons and aponeuroses inside a muscle
    m_scene.set("uPainColour", settings.painColour);
    drawOpaque(model, styles, camera, settings);
    drawMarkers(markers, camera, false);

    // Transparency pass: weighted blended OIT against the opaque depth, no depth writes, no sorting.
    bool hasTransparency = false;
    for (std::size_t i = 0; i < model.size(); ++i) {
        const StructureStyle& s = styleAt(styles, i);
        hasTransparency = hasTransparency || (s.visible && isTransparent(s));
    }
    const bool hasGlow = std::any_of(markers.begin(), markers.end(), [](const Marker& m) { return m.glow > 0.0f; });
    hasTransparency = hasTransparency || hasGlow;
    if (hasTransparency) {
        m_target.bindTransparencyPass();
        const GLfloat zero[] = {0.0f, 0.0f, 0.0f, 0.0f};
        const GLfloat one[] = {1.0f, 1.0f, 1.0f, 1.0f};
        glClearBufferfv(GL_COLOR, 0, zero);
        glClearBufferfv(GL_COLOR, 1, one);
        glDepthMask(GL_FALSE);
        glEnable(GL_BLEND);
        glBlendFunci(0, GL_ONE, GL_ONE);
        glBlendFunci(1, GL_ZERO, GL_ONE_MINUS_SRC_COLOR);
        m_scene.use();
        drawStructures(model, styles, true, settings);
        drawMarkers(markers, camera, true);
        glDisable(GL_BLEND);
        glDepthMask(GL_TRUE);
    }

    m_target.resolve(hasTransparency);
    composite(settings, hasTransparency);
}

void SceneRenderer::drawMesh(const GpuMesh& mesh, const StructureStyle& style, const FrameSettings& settings)
{
    m_scene.set("uKind", static_cast<int>(mesh.kind));
    m_scene.set("uBaseColour",
                mesh.kind == core::Kind::Skin ? core::skinToneColour(settings.skinTone) : tissueColour(mesh.kind));
    m_scene.set("uTint", style.tint);
    m_scene.set("uHighlight", style.highlight);
    m_scene.set("uOpacity", style.opacity);
    m_scene.set("uGhost", style.ghost ? 1 : 0);
    glBindVertexArray(mesh.vertexArray.id());
    if (settings.coarse && mesh.lodIndexCount > 0) {
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.lodIndices.id());
        glDrawElements(GL_TRIANGLES, mesh.lodIndexCount, GL_UNSIGNED_INT, nullptr);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.indices.id()); // the vertex array keeps its own
    } else {
        glDrawElements(GL_TRIANGLES, mesh.indexCount, GL_UNSIGNED_INT, nullptr);
    }
}

void SceneRenderer::drawStructures(const GpuModel& model, std::span<const StructureStyle> styles,
                                   bool transparentPass, const FrameSettings& settings)
{
    m_scene.set("uPass", transparentPass ? 1 : 0);
    for (std::size_t i = 0; i < model.size(); ++i) {
        const StructureStyle& style = styleAt(styles, i);
        if (!style.visible || style.opacity <= 0.0f || isTransparent(style) != transparentPass)
            continue;
        if (model.mesh(i).indexCount > 0)
            drawMesh(model.mesh(i), style, settings);
    }
    glBindVertexArray(0);
}

void SceneRenderer::drawOpaque(const GpuModel& model, std::span<const StructureStyle> styles,
                               const core::OrbitCamera& camera, const FrameSettings& settings)
{
    m_scene.set("uPass", 0);
    m_lastCulled = 0;
    // Opaque structures from the outside in (skin, muscles from superficial to deep, then bone).
    m_order.clear();
    for (std::size_t i = 0; i < model.size(); ++i) {
        const StructureStyle& style = styleAt(styles, i);
        if (style.visible && style.opacity > 0.0f && !isTransparent(style) && model.mesh(i).indexCount > 0)
            m_order.push_back(i);
    }
    std::stable_sort(m_order.begin(), m_order.end(),
                     [&](std::size_t a, std::size_t b) { return model.mesh(a).layer < model.mesh(b).layer; });
    // The outermost opaque layer is drawn as it is; it is what hides the rest.
    std::size_t first = 0;
    while (first < m_order.size() && model.mesh(m_order[first]).layer == model.mesh(m_order.front()).layer) {
        drawMesh(model.mesh(m_order[first]), styleAt(styles, m_order[first]), settings);
        ++first;
    }
    if (first == m_order.size()) {
        glBindVertexArray(0);
        return;
    }
    // Every other opaque structure: its bounding box against that depth, nothing written. A box only
    // counts when it lies wholly in front of the near plane (a clipped box could look hidden when it is
    // not); the others are drawn untested. All queries go out before the first result is read: one wait.
    const glm::mat4 viewProjection = camera.viewProjection();
    const auto boxInFront = [&](const GpuMesh& mesh) {
        for (int c = 0; c < 8; ++c) {
            const glm::vec3 p{c & 1 ? mesh.boundsMax.x : mesh.boundsMin.x, c & 2 ? mesh.boundsMax.y : mesh.boundsMin.y,
                              c & 4 ? mesh.boundsMax.z : mesh.boundsMin.z};
            const glm::vec4 clip = viewProjection * glm::vec4(p, 1.0f);
            if (clip.w <= 0.0f || clip.z <= -clip.w)
                return false;
        }
        return true;
    };
    m_tested.assign(m_order.size(), 0);
    m_bounds.use();
    m_bounds.set("uViewProjection", viewProjection);
    glBindVertexArray(m_cubeVao.id());
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glDepthMask(GL_FALSE);
    std::size_t queries = 0;
    for (std::size_t k = first; k < m_order.size(); ++k) {
        const GpuMesh& mesh = model.mesh(m_order[k]);
        if (!boxInFront(mesh))
            continue;
        // A margin of 0.1 % (at least 0.1 mm): a surface lying on the box stays inside it.
        const glm::vec3 margin = glm::max(glm::vec3(1e-4f), 1e-3f * (mesh.boundsMax - mesh.boundsMin));
        m_bounds.set("uBoundsMin", mesh.boundsMin - margin);
        m_bounds.set("uBoundsMax", mesh.boundsMax + margin);
        if (queries == m_queries.size())
            m_queries.push_back(makeQuery());
        glBeginQuery(GL_ANY_SAMPLES_PASSED, m_queries[queries].id());
        glDrawElements(GL_TRIANGLES, 36, GL_UNSIGNED_INT, nullptr);
        glEndQuery(GL_ANY_SAMPLES_PASSED);
        m_tested[k] = ++queries; // 1-based index of its query
    }
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glDepthMask(GL_TRUE);
    m_scene.use();
    for (std::size_t k = first; k < m_order.size(); ++k) {
        if (m_tested[k] != 0) {
            GLuint visible = 1;
            glGetQueryObjectuiv(m_queries[m_tested[k] - 1].id(), GL_QUERY_RESULT, &visible);
            if (visible == 0) {
                ++m_lastCulled;
                continue;
            }
        }
        drawMesh(model.mesh(m_order[k]), styleAt(styles, m_order[k]), settings);
    }
    glBindVertexArray(0);
}

void SceneRenderer::drawMarkers(std::span<const Marker> markers, const core::OrbitCamera& camera, bool glowPass)
{
    if (std::none_of(markers.begin(), markers.end(), [&](const Marker& m) { return (m.glow > 0.0f) == glowPass; }))
        return;
    m_marker.use();
    m_marker.set("uView", camera.view());
    m_marker.set("uProjection", camera.projection());
    glBindVertexArray(m_sphereVao.id());
    // The sphere is closed and convex: culling back faces keeps on-top markers (no depth test) correct.
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    for (const Marker& m : markers) {
        if ((m.glow > 0.0f) != glowPass)
            continue;
        // A glow is seen through every surface: it shows where pain is felt inside the head.
        glDepthFunc(m.onTop || glowPass ? GL_ALWAYS : GL_LEQUAL);
        m_marker.set("uCentre", m.position);
        m_marker.set("uRadius", m.radius);
        m_marker.set("uAxes", m.axes);
        m_marker.set("uGlow", m.glow);
        m_marker.set("uColour", m.colour);
        m_marker.set("uOnTop", m.onTop ? 1 : 0);
        glDrawElements(GL_TRIANGLES, m_sphereIndexCount, GL_UNSIGNED_INT, nullptr);
    }
    glDepthFunc(GL_LEQUAL);
    glDisable(GL_CULL_FACE);
    glBindVertexArray(0);
}

void SceneRenderer::composite(const FrameSettings& settings, bool hasTransparency)
{
    m_target.bindOutput();
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    m_composite.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_target.opaqueTexture());
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, m_target.accumTexture());
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, m_target.revealTexture());
    m_composite.set("uOpaque", 0);
    m_composite.set("uAccum", 1);
    m_composite.set("uReveal", 2);
    m_composite.set("uBackgroundTop", settings.backgroundTop);
    m_composite.set("uBackgroundBottom", settings.backgroundBottom);
    m_composite.set("uHasTransparency", hasTransparency ? 1 : 0);
    glBindVertexArray(m_emptyVao.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
    glEnable(GL_DEPTH_TEST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void SceneRenderer::blitTo(GLuint target, int width, int height) const
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_target.outputFramebuffer());
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
    glBlitFramebuffer(0, 0, m_target.width(), m_target.height(), 0, 0, width, height, GL_COLOR_BUFFER_BIT,
                      GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

} // namespace ta::render
