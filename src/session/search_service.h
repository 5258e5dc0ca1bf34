#pragma once
// One search for every front end: the window's search box and `trigger-atlas search TEXT` call this, so
// both find and rank alike. A query finds structures by name ("levator", "upper trap"), trigger points by
// name, and pain by what people call it ("headache", "jaw pain", "behind the eye", "stiff neck"): the
// regions whose name, alias or symptom words match, followed by the trigger points that refer there
// (essential zone before spillover). Best first. No UI, no GL.
#include "core/anatomy_model.h"
#include "core/referral/referral_data.h"
#include "core/search/structure_search.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ta::session {

class AppSession;

struct SearchResult {
    enum class Kind : std::uint8_t { Region, TriggerPoint, Structure };
    Kind kind = Kind::Structure;
    std::string id;    ///< region id, trigger-point record id ("trapezius.upper.trp1") or structure id
    std::string name;  ///< what to show
    std::string why;   ///< for trigger points found by symptom: "refers to the temple"; else empty
    int score = 0;     ///< higher is better
    std::optional<core::StructureId> structure; ///< Structure results
};

/// "region", "trigger-point", "structure".
std::string_view toString(SearchResult::Kind kind);

class SearchService {
public:
    /// Any of the sources may be null (no clinical data loaded, no model): those kinds are then not found.
    /// The sources must outlive the service.
    SearchService(const core::ReferralData* data, const core::AnatomyModel* model, const core::StructureSearch* structures)
        : m_data(data), m_model(model), m_structures(structures)
    {
    }

    /// Best first, at most `limit`; ties keep data order. Pain areas and trigger points need 3 letters or more ("c7" finds a structure). Never throws.
    std::vector<SearchResult> find(std::string_view query, std::size_t limit = 20) const;

private:
    /// How well region `r` matches the normalised query; 0 for not at all.
    int regionScore(const core::RegionRecord& r, const std::string& q) const;

    const core::ReferralData* m_data;
    const core::AnatomyModel* m_model;
    const core::StructureSearch* m_structures;
};

} // namespace ta::session

namespace ta::session {

/// What choosing a result does in the window: a structure is selected and framed, a trigger point shown
/// with its referral, a pain area named with the trigger points that refer there (message line).
void chooseSearchResult(AppSession& session, const SearchResult& result);

} // namespace ta::session
