#include "core/mesh.h"

namespace ta::core {

Aabb Mesh::bounds() const
{
    Aabb b;
    for (const auto& p : positions)
        b.expand(p);
    return b;
}

void Mesh::computeNormals()
{
    normals.assign(positions.size(), glm::vec3(0.0f));
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const auto i0 = indices[t], i1 = indices[t + 1], i2 = indices[t + 2];
        // The cross product's length is twice the area: larger triangles weigh more.
        const glm::vec3 n = glm::cross(positions[i1] - positions[i0], positions[i2] - positions[i0]);
        normals[i0] += n;
        normals[i1] += n;
        normals[i2] += n;
    }
    for (auto& n : normals) {
        const float len = glm::length(n);
        n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

double Mesh::area() const
{
    double a = 0.0;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const auto& p0 = positions[indices[t]];
        a += 0.5 * glm::length(glm::cross(positions[indices[t + 1]] - p0, positions[indices[t + 2]] - p0));
    }
    return a;
}

double Mesh::signedVolume() const
{
    double v = 0.0;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const glm::dvec3 a = positions[indices[t]];
        const glm::dvec3 b = positions[indices[t + 1]];
        const glm::dvec3 c = positions[indices[t + 2]];
        v += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return v;
}

} // namespace ta::core
