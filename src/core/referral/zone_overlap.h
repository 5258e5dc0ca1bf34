#pragma once
// How far a pain drawing lies inside a set of referral zones, on one projected mesh: the per-vertex
// arithmetic that the reverse lookup (one trigger point, or one on each side) and the set cover (several
// trigger points together) share. Zones are scattered sparsely into scratch buffers and reset afterwards,
// so one evaluation costs the zones' size plus the drawing's, not the mesh's. Never throws.
#include "core/referral/referral_projector.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace ta::core {

/// A drawing on a projected mesh: intensities in [0,1] (non-finite values read as 0) and the drawn vertices.
struct ProjectedDrawing {
    std::vector<float> intensity;       ///< one per mesh vertex
    std::vector<std::uint32_t> drawn;   ///< vertices with intensity > 0
    /// Builds the drawing; empty (no drawn vertices) when `values` does not have one value per vertex.
    ProjectedDrawing(const ReferralProjector& skin, std::span<const float> values);
};

/// Explained-drawing sums over one part of a drawing (weighted by vertex area, m^2):
///   covered by the essential zone   ce = min(drawn, essential)
///   covered only by the spillover   cs = min(drawn - ce, spillover)
struct OverlapSums {
    double drawn = 0, essential = 0, ce = 0, cs = 0;
    /// Share of the drawing explained: (ce + 0.5 cs) / drawn, 0 for an empty part.
    double explained() const;
};

class ZoneOverlap {
public:
    static constexpr float kSpilloverWeight = 0.5f; ///< spillover overlap counts half

    explicit ZoneOverlap(const ReferralProjector& skin);

    /// Loads the union (per-vertex maximum) of the zones of atlas trigger points `instances` (indices into
    /// atlas().triggerPoints(); out of range skipped), replacing what was loaded.
    void load(std::span<const std::uint32_t> instances);
    /// Loads plain region instances as an essential zone (no spillover), e.g. an area of the pain guide.
    void loadRegions(std::span<const std::uint32_t> regions);

    float essential(std::uint32_t v) const { return m_essential[v]; }
    float spillover(std::uint32_t v) const { return m_spillover[v]; }
    /// What the loaded zones explain of vertex v drawn at intensity d: ce + 0.5 cs.
    float explains(std::uint32_t v, float d) const;

    /// Sums over the drawn vertices for which `keep(v)` holds; `essential` is the area of the whole loaded
    /// essential zone (drawn or not).
    template <typename Keep>
    OverlapSums sums(const ProjectedDrawing& drawing, Keep keep) const
    {
        OverlapSums s;
        s.essential = m_essentialArea;
        const auto& areas = m_skin->vertexAreas();
        for (std::uint32_t v : drawing.drawn) {
            if (!keep(v))
                continue;
            const double a = areas[v];
            const float d = drawing.intensity[v];
            const float ce = std::min(d, m_essential[v]);
            s.drawn += a * d;
            s.ce += a * ce;
            s.cs += a * std::min(d - ce, m_spillover[v]);
        }
        return s;
    }
    /// Area-weighted overlap of one region instance with the drawing (sum of min(drawn, weight)).
    double regionOverlap(const ProjectedDrawing& drawing, std::uint32_t region) const;

private:
    void reset();
    void scatter(std::span<const std::uint32_t> regions, std::vector<float>& buf);

    const ReferralProjector* m_skin;
    std::vector<float> m_essential, m_spillover;
    std::vector<std::uint32_t> m_touched;
    double m_essentialArea = 0.0;
};

} // namespace ta::core
