#pragma once
// The clinical data placed on one anatomy model: every region and trigger point, on both sides, with
// its geometry resolved from the model's landmarks and structures (model frame, metres).
#include "core/anatomy_model.h"
#include "core/referral/referral_data.h"

#include <optional>
#include <vector>

namespace ta::core {

struct RegionInstance {
    SidedIndex key;                      ///< region record + side
    std::vector<ResolvedShape> shapes;   ///< surface footprint
    std::optional<ResolvedShape> volume; ///< deep regions: the volume to show inside the body
    float feather = 0.35f;
    Aabb bounds;                         ///< of all shapes (framing the view on a zone)
};

/// One trigger point on one side of one model: an index into ReferralAtlas::triggerPoints(). Only
/// meaningful for the atlas that issued it.
struct TriggerPointId {
    std::uint32_t value = 0;
    friend bool operator==(TriggerPointId, TriggerPointId) = default;
    friend auto operator<=>(TriggerPointId, TriggerPointId) = default;
};

struct TriggerPointInstance {
    SidedIndex key;                 ///< trigger-point record + side
    glm::vec3 defined{0.0f};        ///< the point as the landmarks define it, before snapping
    glm::vec3 position{0.0f};       ///< snapped onto the nearest surface of its structures
    StructureId structure;          ///< the structure it was snapped onto
    float snapDistance = 0.0f;      ///< |position - defined|, metres
    std::vector<std::uint32_t> essential; ///< indices into ReferralAtlas::regions
    std::vector<std::uint32_t> spillover;
    /// Per spillover entry: how strongly it is drawn, frequencyShade of its zone (1 unless a source says
    /// the zone is felt only occasionally or rarely).
    std::vector<float> spilloverShade;
};

class ReferralAtlas {
public:
    /// Resolve `data` on `model`. Region footprints are anchored on the body surface: when the model has a
    /// `skin` structure, every footprint shape's anchor is moved to the nearest skin vertex, so that zones
    /// land on the skin whatever its thickness over the landmarks (deep volumes stay where defined).
    /// Throws ValidationError naming the record and the missing landmark or structure when the model lacks
    /// one. Keeps a reference to `data` (must outlive the atlas).
    static ReferralAtlas build(const ReferralData& data, const AnatomyModel& model);

    const ReferralData& data() const { return *m_data; }
    const std::vector<RegionInstance>& regions() const { return m_regions; }
    const std::vector<TriggerPointInstance>& triggerPoints() const { return m_triggerPoints; }

    /// Index into regions() / triggerPoints(); nullopt when absent.
    std::optional<std::uint32_t> regionIndex(SidedIndex key) const;
    std::optional<TriggerPointId> triggerPointIndex(SidedIndex key) const;
    std::optional<TriggerPointId> triggerPointIndex(std::string_view id, Side side) const;
    const TriggerPointRecord& record(const TriggerPointInstance& t) const { return m_data->triggerPoints[t.key.index]; }
    const RegionRecord& record(const RegionInstance& r) const { return m_data->regions[r.key.index]; }

    /// Volumes of the deep regions of a trigger point's zones (to show inside the body); empty when the
    /// index is out of range. Never throws.
    std::vector<ResolvedShape> deepVolumes(std::size_t triggerPoint) const;

private:
    const ReferralData* m_data = nullptr;
    std::vector<RegionInstance> m_regions;           ///< region r, side s at index 2 r + (s == Right)
    std::vector<TriggerPointInstance> m_triggerPoints; ///< same layout
};

} // namespace ta::core
