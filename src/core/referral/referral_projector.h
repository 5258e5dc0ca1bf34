#pragma once
// Referral zones projected onto a mesh: every region instance of an atlas becomes soft per-vertex weights
// in [0,1] on any mesh in the model frame (the skin, the skull when the skin is hidden, an imported model).
// Each region shape is laid along the surface from its core (core/referral/surface_zone.h): a vertex's
// weight is softFalloff of its distance over the surface in the shape's normalised metric, so zones follow
// the skin around curves and never reach through a thin part (an ear, between the arm and the trunk).
// Vertices duplicated along seams are welded for the walk, so zones cross the seams.
// A trigger point's map is the maximum of its regions' weights, separately for the essential and the
// spillover zone. Computed once per mesh; maps are cheap to assemble afterwards. Never throws for a
// mesh of any size (an empty mesh gives empty maps).
#include "core/mesh.h"
#include "core/referral/referral_atlas.h"

#include <cstdint>
#include <vector>

namespace ta::core {

struct SparseWeights {
    std::vector<std::uint32_t> vertices; ///< vertices with weight > 0, ascending
    std::vector<float> weights;          ///< same length, each in (0,1]
};

/// Per-vertex weights of one trigger point's zones. Both vectors have one entry per mesh vertex.
/// Where a vertex is in both zones both values are set; the essential zone takes precedence for display.
struct ReferralMap {
    std::vector<float> essential;
    std::vector<float> spillover;
};

class ReferralProjector {
public:
    /// Keeps a reference to `atlas`; copies nothing from `mesh` but its vertex areas.
    ReferralProjector(const ReferralAtlas& atlas, const Mesh& mesh);

    const ReferralAtlas& atlas() const { return *m_atlas; }
    std::size_t vertexCount() const { return m_vertexAreas.size(); }
    /// One third of the area of the triangles around each vertex (m^2): the surface each vertex stands for.
    const std::vector<float>& vertexAreas() const { return m_vertexAreas; }
    /// Which side of the body each vertex lies on: +1 the subject's left (x > kMidline), -1 the right
    /// (x < -kMidline), 0 the midline band between.
    const std::vector<std::int8_t>& vertexSides() const { return m_vertexSides; }
    static constexpr float kMidline = 0.01f; ///< half-width of the midline band, metres
    /// Sparse weights of one region instance (index into atlas().regions()); empty when out of range.
    const SparseWeights& region(std::size_t regionIndex) const;
    /// Dense weights of one region instance.
    std::vector<float> regionMap(std::size_t regionIndex) const;

    /// Maps of trigger point `triggerPoint` (index into atlas().triggerPoints()); all zero when out of range.
    /// A spillover zone the data grades occasional or rare is scaled by its shade (frequencyShade), so the
    /// picture draws it lighter; the reverse lookup reads the regions' own weights and is not affected.
    ReferralMap map(std::size_t triggerPoint) const;
    /// Same, reusing `out`'s storage.
    void mapInto(std::size_t triggerPoint, ReferralMap& out) const;
    /// Area (m^2) of the mesh painted by a region instance, weighted.
    double regionArea(std::size_t regionIndex) const;

private:
    const ReferralAtlas* m_atlas;
    std::vector<float> m_vertexAreas;
    std::vector<std::int8_t> m_vertexSides;
    std::vector<SparseWeights> m_regions;
};

} // namespace ta::core
