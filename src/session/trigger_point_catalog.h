#pragma once
// The clinical data (assets/data, loaded by core/referral) resolved on the open model, as every front end
// needs it: which muscle a structure belongs to, the trigger points on a structure, captions for
// presentation mode, candidates for tag snapping, referral weights painted on the skin (or on the bones
// when the skin is hidden), and the reverse lookup of a pain drawing. Trigger points are named by
// core::TriggerPointId (an index into the atlas); ids passed in must come from this catalog.
#include "core/anatomy_model.h"
#include "core/bodymap/tag_snapping.h"
#include "core/referral/drawing_cover.h"
#include "core/referral/muscle_groups.h"
#include "core/referral/referral_atlas.h"
#include "core/referral/referral_data.h"
#include "core/referral/referral_projector.h"
#include "core/referral/reverse_lookup.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ta::session {

class TriggerPointCatalog {
public:
    /// Loads `dataDir` and resolves it on `model` (which must outlive the catalog). Throws IoError,
    /// ParseError or ValidationError naming the file and key (the catalog is then left empty).
    void load(const std::filesystem::path& dataDir, const core::AnatomyModel& model);
    void clear();
    bool loaded() const { return m_atlas != nullptr; }
    std::size_t size() const { return m_atlas ? m_atlas->triggerPoints().size() : 0; }

    /// Every trigger point, in atlas order.
    std::vector<core::TriggerPointId> all() const;
    const core::TriggerPointInstance& instance(core::TriggerPointId id) const { return m_atlas->triggerPoints()[id.value]; }
    const core::TriggerPointRecord& record(core::TriggerPointId id) const { return m_atlas->record(instance(id)); }
    const core::MuscleRecord* muscleOfTriggerPoint(core::TriggerPointId id) const;
    /// The clinical data set; only while loaded().
    const core::ReferralData& data() const { return *m_data; }
    const core::ReferralAtlas& atlas() const { return *m_atlas; }
    /// Volumes inside the body where trigger point `id`'s deep zones are felt (behind the eye, in the ear,
    /// in the teeth); empty when it has none or i is out of range.
    std::vector<core::ResolvedShape> deepVolumes(core::TriggerPointId id) const
    {
        return m_atlas ? m_atlas->deepVolumes(id.value) : std::vector<core::ResolvedShape>{};
    }
    /// "trapezius.upper.trp1-left".
    std::string key(core::TriggerPointId id) const;
    /// By key ("trapezius.upper.trp1-left"), or by id alone (left side). nullopt when unknown.
    std::optional<core::TriggerPointId> find(std::string_view keyOrId) const;
    /// Close matches for an unknown key, for error messages.
    std::vector<std::string> suggestions(std::string_view keyOrId) const;

    /// The muscle record whose structures include this structure (side suffix ignored); null when none.
    const core::MuscleRecord* muscleOf(const core::Structure& structure) const;
    /// Trigger points on this structure's muscle, same side, in data order.
    std::vector<core::TriggerPointId> triggerPointsOf(const core::Structure& structure) const;
    /// "Upper trapezius, trigger point 1: temple and behind the eye" (essential zone only).
    std::string caption(core::TriggerPointId id) const;
    /// "Temple, mastoid, behind the ear" for a zone of trigger point `id`.
    std::string zoneText(core::TriggerPointId id, bool essential) const;
    /// Bounds of trigger point `id` together with its essential zone (what to frame to explain it).
    core::Aabb explainBounds(core::TriggerPointId id) const;
    /// Centre of each essential-zone region of trigger point `id` as painted on `targets` (weighted mean of
    /// the painted vertices); regions that paint nothing are left out. Call after referralWeights().
    std::vector<glm::vec3> essentialCentres(core::TriggerPointId id, const std::vector<core::StructureId>& targets) const;
    /// Bounds of every region trigger point `id` refers to (essential and spillover).
    core::Aabb zoneBounds(core::TriggerPointId id) const;
    /// Left-side trigger points matching a query: by name ("scm sternal"), or by where they refer
    /// ("temple": those whose essential zone covers it, then those whose spillover does). Best first.
    std::vector<core::TriggerPointId> search(std::string_view query, std::size_t limit = 6) const;
    /// Documented trigger points as tag-snapping candidates (structure = the one each is snapped onto).
    std::vector<core::TriggerPointCandidate> candidates() const;

    /// Referral weights (essential, spillover) per vertex of each target structure, indexed by structure
    /// (non-targets left empty). Projectors are built on first use per structure. Never throws.
    std::vector<std::vector<glm::vec2>> referralWeights(core::TriggerPointId id, const std::vector<core::StructureId>& targets);

    /// A trigger point that could explain a pain drawing, and the lookup's verdict.
    struct PainSource {
        core::TriggerPointId triggerPoint;
        core::LookupHit hit;
    };
    /// The whole verdict on a drawing: every source best first, the same grouped by muscle and the small
    /// sets that explain it together (groups and sets index into `sources`).
    struct PainExplanation {
        std::vector<PainSource> sources;
        std::vector<core::MuscleGroup> groups;
        std::vector<core::CoverSet> sets;
    };
    /// The trigger points that best explain a pain drawing on structure `surface` (one intensity in [0, 1]
    /// per vertex), best first, at most `limit` (0 = all). Empty without data, drawing or hits. Never throws
    /// beyond std::bad_alloc.
    std::vector<PainSource> explainPain(core::StructureId surface, const std::vector<float>& intensity, std::size_t limit = 8);
    /// The same verdict, whole: every source, grouped by muscle, and the sets that cover the drawing.
    /// Empty without data, drawing or hits. Never throws beyond std::bad_alloc.
    PainExplanation explainPainFully(core::StructureId surface, const std::vector<float>& intensity);
    /// Region instances (region record + side) painted as their footprint on structure `surface`, with the
    /// faint halo of core::paintRegions: the drawing `lookup --region` explains. Empty without data or
    /// surface. Never throws beyond std::bad_alloc.
    std::vector<float> regionFootprint(core::StructureId surface, const std::vector<core::SidedIndex>& regions);

    /// The projection of every region onto structure `id` (built on first use, kept); null when it cannot
    /// be built (no data, unknown or empty structure). Never throws.
    core::ReferralProjector* projector(core::StructureId id);
    /// A region instance's display name: "Temple (left)"; the id when unknown.
    std::string regionInstanceName(std::uint32_t regionIndex) const;

private:
    bool valid(core::TriggerPointId id) const;
    /// A region's display name without parentheses ("Mastoid"); the id itself when unknown.
    std::string regionName(const std::string& regionId) const;

    const core::AnatomyModel* m_model = nullptr;
    std::unique_ptr<core::ReferralData> m_data;
    std::unique_ptr<core::ReferralAtlas> m_atlas;
    std::map<std::uint32_t, std::unique_ptr<core::ReferralProjector>> m_projectors;
};

/// "Upper (descending) trapezius" -> "Upper trapezius"; "Mastoid (behind the ear lobe)" -> "Mastoid".
std::string withoutParentheses(const std::string& text);

} // namespace ta::session
