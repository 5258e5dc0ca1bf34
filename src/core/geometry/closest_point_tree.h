#pragma once
// Exact closest-point queries against a triangle mesh, accelerated by a bounding-volume hierarchy.
// Used to measure surface distances (fidelity against reference anatomy) and anywhere a point must be
// snapped onto a surface. Units are whatever the mesh uses (the model frame: metres).
#include "core/mesh.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace ta::core {

/// The point of triangle (a, b, c) nearest to p (exact; handles vertex, edge and face regions).
glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

struct ClosestPointHit {
    glm::vec3 point{0.0f};      ///< nearest surface point
    float distance = 0.0f;      ///< |point - query|
    std::uint32_t triangle = 0; ///< index of the triangle holding `point`
};

/// A static BVH over the triangles of a mesh (copied at construction, so the mesh may go away).
/// Queries never throw and are safe to run from several threads at once.
class ClosestPointTree {
public:
    ClosestPointTree() = default;
    explicit ClosestPointTree(const Mesh& mesh);

    /// Nearest point on the surface; std::nullopt when the mesh has no triangles.
    std::optional<ClosestPointHit> closest(const glm::vec3& query) const;
    /// Nearest point no farther than maxDistance; std::nullopt when there is none.
    std::optional<ClosestPointHit> closestWithin(const glm::vec3& query, float maxDistance) const;

    std::size_t triangleCount() const { return m_triangles.size(); }
    bool empty() const { return m_triangles.empty(); }

private:
    struct Triangle {
        glm::vec3 a, b, c;
        std::uint32_t index;
    };
    struct Node {
        glm::vec3 min, max;
        std::uint32_t first = 0; ///< leaf: first triangle; inner: index of the right child (left = self + 1)
        std::uint32_t count = 0; ///< leaf: triangle count (> 0); inner: 0
    };

    void build(std::uint32_t first, std::uint32_t count, std::vector<std::uint32_t>& order,
               const std::vector<glm::vec3>& centroids);

    std::vector<Triangle> m_triangles;
    std::vector<Node> m_nodes;
};

} // namespace ta::core
