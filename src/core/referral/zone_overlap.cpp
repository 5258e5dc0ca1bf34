#include "core/referral/zone_overlap.h"

#include <algorithm>
#include <cmath>

namespace ta::core {

ProjectedDrawing::ProjectedDrawing(const ReferralProjector& skin, std::span<const float> values)
{
    if (values.size() != skin.vertexCount())
        return;
    intensity.assign(values.size(), 0.0f);
    for (std::size_t v = 0; v < values.size(); ++v) {
        intensity[v] = std::clamp(std::isfinite(values[v]) ? values[v] : 0.0f, 0.0f, 1.0f);
        if (intensity[v] > 0.0f)
            drawn.push_back(static_cast<std::uint32_t>(v));
    }
}

double OverlapSums::explained() const
{
    return drawn > 0.0 ? (ce + ZoneOverlap::kSpilloverWeight * cs) / drawn : 0.0;
}

ZoneOverlap::ZoneOverlap(const ReferralProjector& skin)
    : m_skin(&skin), m_essential(skin.vertexCount(), 0.0f), m_spillover(skin.vertexCount(), 0.0f)
{
}

void ZoneOverlap::reset()
{
    for (std::uint32_t v : m_touched)
        m_essential[v] = m_spillover[v] = 0.0f;
    m_touched.clear();
    m_essentialArea = 0.0;
}

void ZoneOverlap::scatter(std::span<const std::uint32_t> regions, std::vector<float>& buf)
{
    for (std::uint32_t r : regions) {
        const SparseWeights& w = m_skin->region(r);
        for (std::size_t i = 0; i < w.vertices.size(); ++i) {
            const std::uint32_t v = w.vertices[i];
            if (m_essential[v] == 0.0f && m_spillover[v] == 0.0f)
                m_touched.push_back(v);
            buf[v] = std::max(buf[v], w.weights[i]);
        }
    }
}

void ZoneOverlap::load(std::span<const std::uint32_t> instances)
{
    reset();
    const auto& tps = m_skin->atlas().triggerPoints();
    for (std::uint32_t t : instances)
        if (t < tps.size())
            scatter(tps[t].essential, m_essential);
    for (std::uint32_t t : instances)
        if (t < tps.size())
            scatter(tps[t].spillover, m_spillover);
    const auto& areas = m_skin->vertexAreas();
    for (std::uint32_t v : m_touched)
        m_essentialArea += static_cast<double>(areas[v]) * m_essential[v];
}

void ZoneOverlap::loadRegions(std::span<const std::uint32_t> regions)
{
    reset();
    scatter(regions, m_essential);
    const auto& areas = m_skin->vertexAreas();
    for (std::uint32_t v : m_touched)
        m_essentialArea += static_cast<double>(areas[v]) * m_essential[v];
}

float ZoneOverlap::explains(std::uint32_t v, float d) const
{
    const float ce = std::min(d, m_essential[v]);
    return ce + kSpilloverWeight * std::min(d - ce, m_spillover[v]);
}

double ZoneOverlap::regionOverlap(const ProjectedDrawing& drawing, std::uint32_t region) const
{
    const SparseWeights& w = m_skin->region(region);
    const auto& areas = m_skin->vertexAreas();
    double overlap = 0.0;
    for (std::size_t i = 0; i < w.vertices.size(); ++i) {
        const float d = drawing.intensity.empty() ? 0.0f : drawing.intensity[w.vertices[i]];
        overlap += static_cast<double>(areas[w.vertices[i]]) * std::min(d, w.weights[i]);
    }
    return overlap;
}

} // namespace ta::core
