#include "core/study/paint_score.h"

#include <algorithm>

namespace ta::core::study {

std::vector<double> vertexAreas(const Mesh& mesh)
{
    std::vector<double> areas(mesh.positions.size(), 0.0);
    const auto n = static_cast<std::uint32_t>(mesh.positions.size());
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
        if (a >= n || b >= n || c >= n)
            continue;
        const glm::dvec3 pa(mesh.positions[a]), pb(mesh.positions[b]), pc(mesh.positions[c]);
        const double third = glm::length(glm::cross(pb - pa, pc - pa)) / 6.0; // half the parallelogram / 3
        areas[a] += third;
        areas[b] += third;
        areas[c] += third;
    }
    return areas;
}

ZoneCell zoneCell(glm::vec2 weights, float threshold)
{
    if (weights.x >= threshold)
        return ZoneCell::Essential;
    if (weights.y >= threshold)
        return ZoneCell::Spillover;
    return ZoneCell::Outside;
}

PaintScore scorePaint(std::span<const double> areas, std::span<const glm::vec2> referral,
                      std::span<const float> painted, float threshold)
{
    PaintScore s;
    const std::size_t n = std::min({areas.size(), referral.size(), painted.size()});
    for (std::size_t v = 0; v < n; ++v) {
        const ZoneCell cell = zoneCell(referral[v], threshold);
        const bool drawn = painted[v] >= threshold;
        if (cell == ZoneCell::Spillover) {
            if (drawn)
                s.spilloverPainted += areas[v];
            continue;
        }
        const bool essential = cell == ZoneCell::Essential;
        if (essential)
            s.essentialArea += areas[v];
        if (drawn)
            s.paintedArea += areas[v];
        if (drawn && essential)
            s.overlapArea += areas[v];
    }
    if (s.essentialArea > 0.0)
        s.dice = 2.0 * s.overlapArea / (s.essentialArea + s.paintedArea);
    return s;
}

} // namespace ta::core::study
