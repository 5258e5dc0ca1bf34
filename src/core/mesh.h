#pragma once
// Triangle meshes in the model frame: metres, +Y up, subject facing +Z, subject's left at +X, feet at y = 0.
#include <glm/glm.hpp>

#include <cstdint>
#include <limits>
#include <vector>

namespace ta::core {

struct Aabb {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{-std::numeric_limits<float>::max()};

    bool valid() const { return min.x <= max.x && min.y <= max.y && min.z <= max.z; }
    void expand(const glm::vec3& p) { min = glm::min(min, p); max = glm::max(max, p); }
    void expand(const Aabb& b) { if (b.valid()) { expand(b.min); expand(b.max); } }
    glm::vec3 centre() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return max - min; }
    /// Whether `p` lies inside or on the box.
    bool contains(const glm::vec3& p) const
    {
        return p.x >= min.x && p.y >= min.y && p.z >= min.z && p.x <= max.x && p.y <= max.y && p.z <= max.z;
    }
};

/// An indexed triangle mesh. Triangles wind counter-clockwise seen from outside.
/// `normals` and `fibres` are per vertex and either empty or the same length as `positions`.
/// `fibres` holds the unit muscle-fibre direction (model frame) for muscles; empty for other tissue.
/// `occlusion` (empty or one per vertex) is the baked ambient occlusion: the share of the hemisphere above the
/// vertex open to ambient light, 1 = fully open, 0 = closed (core/geometry/ambient_occlusion.h).
struct Mesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec3> fibres;
    std::vector<float> occlusion;
    /// Muscles only (else empty): metres across the muscle sheet from one side edge, a coordinate whose
    /// constant lines run along the fibres (the shader draws the striations from it).
    std::vector<float> across;
    /// Muscles only (else empty): how much of tendon or aponeurosis the surface is there, 0 = fleshy belly,
    /// 1 = tendon, with a soft edge between (from the specification's `tendons`; the shader paints it pale).
    std::vector<float> tendon;
    std::vector<std::uint32_t> indices;

    std::size_t vertexCount() const { return positions.size(); }
    std::size_t triangleCount() const { return indices.size() / 3; }
    bool empty() const { return indices.empty(); }

    Aabb bounds() const;
    /// Area-weighted smooth vertex normals from the triangles.
    void computeNormals();
    /// Total surface area in square metres.
    double area() const;
    /// Signed volume (m^3) enclosed by a closed mesh; positive when its triangles wind outward.
    double signedVolume() const;
};

} // namespace ta::core
