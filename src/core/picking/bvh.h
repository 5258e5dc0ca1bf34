#pragma once
// A bounding-volume hierarchy over the triangles of every structure of an AnatomyModel, built once.
// Answers "which structure does this ray hit first?" (hover and click picking) and "which surface point is
// nearest to this point?" (snapping tags and markers onto a surface). Model frame throughout (metres).
//
// Queries never throw and never allocate per triangle; a caller-supplied filter decides which structures
// take part, so hidden layers are skipped and ghosted layers let a click through to what lies beneath.
#include "core/anatomy_model.h"
#include "core/picking/pick_filter.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace ta::core {

/// A ray in the model frame. `direction` need not be unit length; distances are reported along the
/// normalised direction, in metres.
struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};
};

/// Where a ray first meets an accepted structure.
struct PickHit {
    StructureId structure;
    std::uint32_t triangle = 0;     ///< triangle index inside that structure's mesh
    glm::vec3 barycentrics{0.0f};   ///< weights of the triangle's vertices 0, 1, 2 (sum to 1)
    glm::vec3 point{0.0f};          ///< model frame, metres
    glm::vec3 normal{0.0f};         ///< unit; smooth vertex normal when the mesh has normals, else the face normal
    float distance = 0.0f;          ///< metres from the ray origin along the normalised direction
};

/// The surface point of an accepted structure nearest to a query point.
struct SurfacePoint {
    StructureId structure;
    std::uint32_t triangle = 0;
    glm::vec3 barycentrics{0.0f};
    glm::vec3 point{0.0f};
    glm::vec3 normal{0.0f};
    float distance = 0.0f; ///< metres from the query point
};

class Bvh {
public:
    Bvh() = default;
    /// Builds over every triangle of every structure (binned SAH). Degenerate triangles and indices out of
    /// range are left out rather than reported: picking must work on whatever loaded.
    explicit Bvh(const AnatomyModel& model);

    /// First hit along the ray among structures the filter accepts, nearer than `maxDistance`.
    /// Hits on either face count (a click from inside the skull still finds the skull).
    std::optional<PickHit> raycast(const Ray& ray, const PickFilter& filter,
                                   float maxDistance = std::numeric_limits<float>::infinity()) const;
    /// Nearest surface point among accepted structures, no farther than `maxDistance` from `point`.
    std::optional<SurfacePoint> nearestSurfacePoint(const glm::vec3& point, const PickFilter& filter,
                                                    float maxDistance = std::numeric_limits<float>::infinity()) const;

    std::size_t triangleCount() const { return m_tris.size(); }
    std::size_t nodeCount() const { return m_nodes.size(); }
    std::size_t structureCount() const { return m_normals.size(); }
    /// Deepest leaf level (root = 1); for tests and diagnostics.
    int depth() const;
    Aabb bounds() const;

private:
    struct Node {
        glm::vec3 min;
        std::uint32_t leftOrFirst = 0; ///< inner: index of the left child (right = left + 1); leaf: first tri
        glm::vec3 max;
        std::uint32_t count = 0;       ///< 0 for inner nodes; number of triangles for leaves
    };
    /// Triangle in a form quick to intersect (Möller-Trumbore): one vertex and two edges.
    struct Tri {
        glm::vec3 v0, e1, e2;
        std::uint32_t structure = 0;
        std::uint32_t triangle = 0;
    };

    void build();
    glm::vec3 smoothNormal(const Tri& t, const glm::vec3& bary) const;

    std::vector<Node> m_nodes;
    std::vector<Tri> m_tris;
    /// Per structure: vertex normals and indices copied from the model (for smooth hit normals), so the
    /// Bvh does not keep a reference to the model.
    std::vector<std::vector<glm::vec3>> m_normals;
    std::vector<std::vector<std::uint32_t>> m_indices;
};

} // namespace ta::core
