#pragma once
// The connectivity of a triangle mesh's surface, for walking over it: vertices that share a position (a mesh
// split along texture or normal seams) are welded into one node, so that a walk crosses the seams; each node
// knows its triangles and the connected piece of surface it belongs to. Model frame, metres. Built once per
// mesh; never throws beyond std::bad_alloc (indices out of range and degenerate triangles are left out).
#include "core/mesh.h"

#include <glm/glm.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace ta::core {

class SurfaceGraph {
public:
    /// Welds vertices whose positions are equal to within `weldTolerance` metres (same cell of a grid of
    /// that size; exact duplicates always weld).
    explicit SurfaceGraph(const Mesh& mesh, float weldTolerance = 1e-6f);

    std::size_t nodeCount() const { return m_positions.size(); }
    std::size_t vertexCount() const { return m_nodeOf.size(); }
    /// The node of mesh vertex `vertex` (< vertexCount()).
    std::uint32_t node(std::uint32_t vertex) const { return m_nodeOf[vertex]; }
    /// Position of a node (that of the first of its vertices).
    const glm::vec3& position(std::uint32_t node) const { return m_positions[node]; }
    /// Unit area-weighted normal of a node from its triangles (zero where it has none).
    const glm::vec3& normal(std::uint32_t node) const { return m_normals[node]; }
    /// The mesh vertices welded into `node`.
    std::span<const std::uint32_t> vertices(std::uint32_t node) const;
    /// Triangles (as node triples) around `node`: indices for triangle().
    std::span<const std::uint32_t> trianglesAround(std::uint32_t node) const;
    const std::array<std::uint32_t, 3>& triangle(std::uint32_t t) const { return m_triangles[t]; }
    std::size_t triangleCount() const { return m_triangles.size(); }
    /// The connected piece of surface (over shared edges and vertices) a node belongs to, 0 .. componentCount()-1.
    std::uint32_t component(std::uint32_t node) const { return m_component[node]; }
    std::size_t componentCount() const { return m_componentCount; }

private:
    std::vector<std::uint32_t> m_nodeOf;      ///< per mesh vertex
    std::vector<glm::vec3> m_positions;       ///< per node
    std::vector<glm::vec3> m_normals;         ///< per node
    std::vector<std::uint32_t> m_vertexStart; ///< CSR: node -> m_vertexList
    std::vector<std::uint32_t> m_vertexList;
    std::vector<std::array<std::uint32_t, 3>> m_triangles; ///< non-degenerate triangles on nodes
    std::vector<std::uint32_t> m_triangleStart;            ///< CSR: node -> m_triangleList
    std::vector<std::uint32_t> m_triangleList;
    std::vector<std::uint32_t> m_component; ///< per node
    std::size_t m_componentCount = 0;
};

} // namespace ta::core
