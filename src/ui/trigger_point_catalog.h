#pragma once
// The clinical data (assets/data, loaded by core/referral) as the explore UI needs it: which muscle a
// structure belongs to, the trigger points on a structure, captions for presentation mode, candidates for
// tag snapping, and referral weights painted on the skin (or on the bones when the skin is hidden).
// Loading failures are reported once as a message; the rest of the app works without the data.
#include "core/anatomy_model.h"
#include "core/bodymap/tag_snapping.h"
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

namespace ta::ui {

class TriggerPointCatalog {
public:
    /// Loads `dataDir` and resolves it on `model` (which must outlive the catalog). On failure returns
    /// false with a one-line `error`, leaving the catalog empty. Never throws.
    bool load(const std::filesystem::path& dataDir, const core::AnatomyModel& model, std::string& error);
    bool loaded() const { return m_atlas != nullptr; }
    std::size_t size() const { return m_atlas ? m_atlas->triggerPoints().size() : 0; }

    const core::TriggerPointInstance& instance(std::size_t i) const { return m_atlas->triggerPoints()[i]; }
    const core::TriggerPointRecord& record(std::size_t i) const { return m_atlas->record(instance(i)); }
    const core::MuscleRecord* muscleOfTriggerPoint(std::size_t i) const;
    /// Volumes inside the body where trigger point i's deep zones are felt (behind the eye, in the ear,
    /// in the teeth); empty when it has none or i is out of range.
    std::vector<core::ResolvedShape> deepVolumes(std::size_t i) const
    {
        return m_atlas ? m_atlas->deepVolumes(i) : std::vector<core::ResolvedShape>{};
    }
    /// "trapezius.upper.trp1-left".
    std::string key(std::size_t i) const;
    /// By key ("trapezius.upper.trp1-left"), or by id alone (left side). nullopt when unknown.
    std::optional<std::size_t> find(std::string_view keyOrId) const;
    /// Close matches for an unknown key, for error messages.
    std::vector<std::string> suggestions(std::string_view keyOrId) const;

    /// The muscle record whose structures include this structure (side suffix ignored); null when none.
    const core::MuscleRecord* muscleOf(const core::Structure& structure) const;
    /// Trigger points on this structure's muscle, same side, in data order.
    std::vector<std::size_t> triggerPointsOf(const core::Structure& structure) const;
    /// "Upper trapezius, trigger point 1: temple and behind the eye" (essential zone only).
    std::string caption(std::size_t i) const;
    /// "Temple, mastoid, behind the ear" for a zone of trigger point i.
    std::string zoneText(std::size_t i, bool essential) const;
    /// Bounds of trigger point i together with its essential zone (what to frame to explain it).
    core::Aabb explainBounds(std::size_t i) const;
    /// Centre of each essential-zone region of trigger point i as painted on `targets` (weighted mean of
    /// the painted vertices); regions that paint nothing are left out. Call after referralWeights().
    std::vector<glm::vec3> essentialCentres(std::size_t i, const std::vector<core::StructureId>& targets) const;
    /// Bounds of every region trigger point i refers to (essential and spillover).
    core::Aabb zoneBounds(std::size_t i) const;
    /// Left-side trigger points matching a query: by name ("scm sternal"), or by where they refer
    /// ("temple": those whose essential zone covers it, then those whose spillover does). Best first.
    std::vector<std::size_t> search(std::string_view query, std::size_t limit = 6) const;
    /// Documented trigger points as tag-snapping candidates (structure = the one each is snapped onto).
    std::vector<core::TriggerPointCandidate> candidates() const;

    /// Referral weights (essential, spillover) per vertex of each target structure, indexed by structure
    /// (non-targets left empty). Projectors are built on first use per structure. Never throws.
    std::vector<std::vector<glm::vec2>> referralWeights(std::size_t i, const std::vector<core::StructureId>& targets);

    /// A trigger point that could explain a pain drawing: its catalog index and the lookup's verdict.
    struct PainSource {
        std::size_t index = 0;
        core::LookupHit hit;
    };
    /// The trigger points that best explain a pain drawing on structure `surface` (one intensity in [0, 1]
    /// per vertex), best first, at most `limit`. Empty without data, drawing or hits. Never throws.
    std::vector<PainSource> explainPain(core::StructureId surface, const std::vector<float>& intensity, std::size_t limit = 8);

private:
    /// The projector of structure `id` (built on first use); null when it cannot be built.
    core::ReferralProjector* projector(core::StructureId id);

    const core::AnatomyModel* m_model = nullptr;
    std::unique_ptr<core::ReferralData> m_data;
    std::unique_ptr<core::ReferralAtlas> m_atlas;
    std::map<std::uint32_t, std::unique_ptr<core::ReferralProjector>> m_projectors;
};

/// "Upper (descending) trapezius" -> "Upper trapezius"; "Mastoid (behind the ear lobe)" -> "Mastoid".
std::string withoutParentheses(const std::string& text);

} // namespace ta::ui
