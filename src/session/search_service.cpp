#include "session/search_service.h"

#include "session/app_session.h"

#include <algorithm>
#include <map>

namespace ta::session {
namespace {

using core::StructureSearch;

/// `q` appears in `text` at a word start ("jaw" in "angle of the jaw", not "aw").
bool containsWord(const std::string& text, const std::string& q)
{
    for (std::size_t at = text.find(q); at != std::string::npos; at = text.find(q, at + 1))
        if (at == 0 || text[at - 1] == ' ')
            return true;
    return false;
}

} // namespace

std::string_view toString(SearchResult::Kind kind)
{
    switch (kind) {
    case SearchResult::Kind::Region: return "region";
    case SearchResult::Kind::TriggerPoint: return "trigger-point";
    case SearchResult::Kind::Structure: return "structure";
    }
    return "?";
}

int SearchService::regionScore(const core::RegionRecord& r, const std::string& q) const
{
    int best = 0;
    auto consider = [&](const std::string& raw, bool symptom) {
        const std::string t = StructureSearch::normalise(raw);
        if (t.empty())
            return;
        if (t == q)
            best = std::max(best, symptom ? 96 : 98);
        else if (t.rfind(q, 0) == 0)
            best = std::max(best, 88);
        else if (containsWord(t, q))
            best = std::max(best, 84);
        else if (symptom && t.size() >= 5 && containsWord(q, t))
            best = std::max(best, 82); // "bad headache at night" contains "headache"
    };
    consider(r.name, false);
    consider(r.id, false);
    for (const auto& a : r.aliases)
        consider(a, false);
    for (const auto& s : r.symptoms)
        consider(s, true);
    return best;
}

void chooseSearchResult(AppSession& s, const SearchResult& r)
{
    using K = SearchResult::Kind;
    if (r.kind == K::Structure && r.structure) {
        s.select(*r.structure, true);
    } else if (r.kind == K::TriggerPoint) {
        if (const auto tp = s.catalog().find(r.id))
            s.showTriggerPoint(*tp, true);
    } else if (r.kind == K::Region && s.catalog().loaded()) {
        std::vector<std::string> names;
        for (const auto& t : s.catalog().data().triggerPoints)
            for (const auto& z : t.essential)
                if (z.region == r.id && names.size() < 4 &&
                    std::find(names.begin(), names.end(), t.name) == names.end())
                    names.push_back(t.name);
        std::string line = r.name + ": ";
        if (names.empty())
            line += "no documented trigger point refers here as its main zone";
        else
            for (std::size_t i = 0; i < names.size(); ++i)
                line += (i ? ", " : "refers from ") + names[i];
        s.notify(line);
    }
}

std::vector<SearchResult> SearchService::find(std::string_view query, std::size_t limit) const
{
    std::vector<SearchResult> out;
    const std::string q = StructureSearch::normalise(query);
    if (q.empty() || limit == 0)
        return out;
    std::map<std::string, std::size_t> tpAt; // trigger-point id -> index in out

    if (m_data && q.size() >= 3) {
        // Regions, and how well each matched (the trigger points referring there inherit it).
        std::map<std::string, int> regionScores;
        for (const auto& r : m_data->regions)
            if (const int s = regionScore(r, q); s > 0) {
                regionScores[r.id] = s;
                out.push_back({SearchResult::Kind::Region, r.id, r.name, {}, s, std::nullopt});
            }
        for (const auto& t : m_data->triggerPoints) {
            const std::string name = StructureSearch::normalise(t.name);
            int score = 0;
            std::string why;
            if (name.rfind(q, 0) == 0 || StructureSearch::normalise(t.id).rfind(q, 0) == 0)
                score = 90;
            else if (containsWord(name, q))
                score = 80;
            // By where it refers: the best matching region of its essential zone, then of its spillover.
            for (bool essential : {true, false})
                for (const auto& z : essential ? t.essential : t.spillover) {
                    const auto it = regionScores.find(z.region);
                    if (it == regionScores.end())
                        continue;
                    const int s = it->second - (essential ? 20 : 35);
                    if (s > score) {
                        score = s;
                        const auto idx = m_data->findRegion(z.region);
                        why = std::string(essential ? "refers to " : "may spill over to ") +
                              (idx ? m_data->regions[*idx].name : z.region);
                    }
                }
            if (score > 0)
                out.push_back({SearchResult::Kind::TriggerPoint, t.id, t.name, why, score, std::nullopt});
        }
    }
    if (m_model && m_structures)
        for (const core::SearchHit& h : m_structures->find(query, limit)) {
            const core::Structure* s = m_model->get(h.structure);
            if (!s)
                continue;
            const int score = h.kind == core::MatchKind::Prefix ? 92 : h.kind == core::MatchKind::Word ? 86 : 40 - h.edits;
            out.push_back({SearchResult::Kind::Structure, s->id, s->name, {}, score, h.structure});
        }
    std::stable_sort(out.begin(), out.end(), [](const SearchResult& a, const SearchResult& b) { return a.score > b.score; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace ta::session
