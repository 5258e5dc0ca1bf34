#include "core/geometry/fibre_transfer.h"

#include "core/geometry/closest_point_tree.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace ta::core {
namespace {

/// Barycentric weights of p (on or near triangle a, b, c); an even split for a degenerate triangle.
glm::vec3 barycentric(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    const glm::vec3 e0 = b - a, e1 = c - a, d = p - a;
    const float d00 = glm::dot(e0, e0), d01 = glm::dot(e0, e1), d11 = glm::dot(e1, e1);
    const float d20 = glm::dot(d, e0), d21 = glm::dot(d, e1);
    const float den = d00 * d11 - d01 * d01;
    if (!(std::abs(den) > 1e-30f))
        return glm::vec3(1.0f / 3.0f);
    const float v = std::clamp((d11 * d20 - d01 * d21) / den, 0.0f, 1.0f);
    const float w = std::clamp((d00 * d21 - d01 * d20) / den, 0.0f, 1.0f - v);
    return {1.0f - v - w, v, w};
}

/// A unit vector in the plane normal to n (any; n is a unit vector).
glm::vec3 anyTangent(const glm::vec3& n)
{
    const glm::vec3 axis = std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    return glm::normalize(glm::cross(n, axis));
}

} // namespace

FibreTransferStats transferFibres(const Mesh& from, Mesh& to)
{
    FibreTransferStats stats;
    if (from.indices.size() < 3 || from.fibres.size() != from.positions.size() ||
        to.normals.size() != to.positions.size() || to.positions.empty())
        return stats;
    const bool withAcross = from.across.size() == from.positions.size();
    const bool withTendon = from.tendon.size() == from.positions.size();
    const ClosestPointTree tree(from);
    std::vector<glm::vec3> fibres(to.positions.size());
    std::vector<float> across(withAcross ? to.positions.size() : 0);
    std::vector<float> tendon(withTendon ? to.positions.size() : 0);
    for (std::size_t v = 0; v < to.positions.size(); ++v) {
        const auto hit = tree.closest(to.positions[v]);
        if (!hit)
            return {};
        const std::uint32_t* tri = &from.indices[3 * static_cast<std::size_t>(hit->triangle)];
        const glm::vec3 w =
            barycentric(hit->point, from.positions[tri[0]], from.positions[tri[1]], from.positions[tri[2]]);
        // Fibres are directions without a sense: turn the corners' to agree with the first before mixing.
        glm::vec3 f = w.x * from.fibres[tri[0]];
        for (int k = 1; k < 3; ++k) {
            const glm::vec3& g = from.fibres[tri[k]];
            f += w[k] * (glm::dot(g, from.fibres[tri[0]]) < 0.0f ? -g : g);
        }
        glm::vec3 n = to.normals[v];
        const float nl = glm::length(n);
        n = nl > 0.0f ? n / nl : glm::vec3(0, 1, 0);
        glm::vec3 t = f - glm::dot(f, n) * n;
        const float tl = glm::length(t);
        fibres[v] = tl > 1e-6f ? t / tl : anyTangent(n);
        if (withAcross)
            across[v] = w.x * from.across[tri[0]] + w.y * from.across[tri[1]] + w.z * from.across[tri[2]];
        if (withTendon)
            tendon[v] = w.x * from.tendon[tri[0]] + w.y * from.tendon[tri[1]] + w.z * from.tendon[tri[2]];
        stats.worstDistance = std::max(stats.worstDistance, hit->distance);
    }
    to.fibres = std::move(fibres);
    to.across = std::move(across);
    to.tendon = std::move(tendon);
    stats.vertices = to.positions.size();
    return stats;
}

} // namespace ta::core
