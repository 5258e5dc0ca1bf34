#include "session/trigger_point_catalog.h"

#include "core/referral/region_footprint.h"

#include "core/error.h"
#include "core/referral/close_matches.h"
#include "core/search/structure_search.h"

#include <algorithm>
#include <cctype>

namespace ta::session {
namespace {

std::string stripSide(const std::string& id)
{
    for (const char* s : {"-left", "-right"}) {
        const std::string suffix(s);
        if (id.size() > suffix.size() && id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0)
            return id.substr(0, id.size() - suffix.size());
    }
    return id;
}

std::string lowerFirst(std::string s)
{
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) && !std::isupper(static_cast<unsigned char>(s[1])))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string joinAnd(const std::vector<std::string>& parts)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

} // namespace

std::string withoutParentheses(const std::string& text)
{
    std::string out;
    int depth = 0;
    for (char c : text) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            depth = depth > 0 ? depth - 1 : 0;
        else if (depth == 0)
            out += c;
    }
    // Collapse the double spaces left behind and trim.
    std::string clean;
    for (char c : out)
        if (!(c == ' ' && (clean.empty() || clean.back() == ' ')))
            clean += c;
    while (!clean.empty() && clean.back() == ' ')
        clean.pop_back();
    return clean;
}

void TriggerPointCatalog::clear()
{
    m_atlas.reset();
    m_data.reset();
    m_projectors.clear();
    m_model = nullptr;
}

void TriggerPointCatalog::load(const std::filesystem::path& dataDir, const core::AnatomyModel& model)
{
    clear();
    auto data = std::make_unique<core::ReferralData>(core::ReferralData::load(dataDir));
    auto atlas = std::make_unique<core::ReferralAtlas>(core::ReferralAtlas::build(*data, model));
    m_model = &model;
    m_data = std::move(data);
    m_atlas = std::move(atlas);
}

std::vector<core::TriggerPointId> TriggerPointCatalog::all() const
{
    std::vector<core::TriggerPointId> out;
    for (std::uint32_t i = 0; i < size(); ++i)
        out.push_back(core::TriggerPointId{i});
    return out;
}

const core::MuscleRecord* TriggerPointCatalog::muscleOfTriggerPoint(core::TriggerPointId id) const
{
    const auto m = m_data->findMuscle(record(id).muscle);
    return m ? &m_data->muscles[*m] : nullptr;
}

std::string TriggerPointCatalog::key(core::TriggerPointId id) const { return m_data->triggerPointKey(instance(id).key); }

std::optional<core::TriggerPointId> TriggerPointCatalog::find(std::string_view keyOrId) const
{
    if (!m_atlas)
        return std::nullopt;
    for (core::TriggerPointId id : all())
        if (key(id) == keyOrId)
            return id;
    for (core::TriggerPointId id : all())
        if (record(id).id == keyOrId && instance(id).key.side == core::Side::Left)
            return id;
    return std::nullopt;
}

std::vector<std::string> TriggerPointCatalog::suggestions(std::string_view keyOrId) const
{
    std::vector<std::string> keys;
    for (core::TriggerPointId id : all())
        keys.push_back(key(id));
    return core::closeMatches(keyOrId, keys);
}

const core::MuscleRecord* TriggerPointCatalog::muscleOf(const core::Structure& structure) const
{
    if (!m_data)
        return nullptr;
    const std::string base = stripSide(structure.id);
    for (const auto& m : m_data->muscles)
        for (const auto& s : m.structures)
            if (s == base)
                return &m;
    return nullptr;
}

std::vector<core::TriggerPointId> TriggerPointCatalog::triggerPointsOf(const core::Structure& structure) const
{
    std::vector<core::TriggerPointId> out;
    const core::MuscleRecord* muscle = muscleOf(structure);
    if (!muscle)
        return out;
    for (core::TriggerPointId id : all()) {
        if (record(id).muscle != muscle->id)
            continue;
        if (structure.side != core::Side::Midline && instance(id).key.side != structure.side)
            continue;
        out.push_back(id);
    }
    return out;
}

std::string TriggerPointCatalog::regionName(const std::string& regionId) const
{
    const auto r = m_data->findRegion(regionId);
    return r ? withoutParentheses(m_data->regions[*r].name) : regionId;
}

std::string TriggerPointCatalog::zoneText(core::TriggerPointId id, bool essential) const
{
    const auto& rec = record(id);
    std::vector<std::string> names;
    for (const auto& z : essential ? rec.essential : rec.spillover) {
        std::string n = regionName(z.region);
        if (z.side == core::ZoneSide::Opposite)
            n += " (other side)";
        else if (z.side == core::ZoneSide::Both)
            n += " (both sides)";
        names.push_back(names.empty() ? n : lowerFirst(n));
    }
    return joinAnd(names);
}

std::string TriggerPointCatalog::caption(core::TriggerPointId id) const
{
    const auto& rec = record(id);
    const core::MuscleRecord* muscle = muscleOfTriggerPoint(id);
    std::string text;
    // "trapezius.upper.trp1" -> "Upper trapezius, trigger point 1"; other ids use the record's own name
    // with "TrP" spelled out ("SCM sternal division, upper trigger point").
    const auto dot = rec.id.rfind('.');
    const std::string last = dot == std::string::npos ? rec.id : rec.id.substr(dot + 1);
    if (muscle && last.size() > 3 && last.compare(0, 3, "trp") == 0 &&
        last.find_first_not_of("0123456789", 3) == std::string::npos) {
        text = withoutParentheses(muscle->name) + ", trigger point " + last.substr(3);
    } else {
        text = withoutParentheses(rec.name);
        for (const auto& [from, to] : {std::pair<std::string, std::string>{"TrPs", "trigger points"}, {"TrP", "trigger point"}}) {
            for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
                text.replace(at, from.size(), to);
        }
    }
    std::vector<std::string> names;
    for (const auto& z : rec.essential)
        names.push_back(lowerFirst(regionName(z.region)));
    if (!names.empty())
        text += ": " + joinAnd(names);
    return text;
}

std::string TriggerPointCatalog::regionInstanceName(std::uint32_t regionIndex) const
{
    if (!m_atlas || regionIndex >= m_atlas->regions().size())
        return {};
    const core::RegionInstance& r = m_atlas->regions()[regionIndex];
    return withoutParentheses(m_atlas->record(r).name) + " (" + std::string(core::toString(r.key.side)) + ")";
}

bool TriggerPointCatalog::valid(core::TriggerPointId id) const { return m_atlas && id.value < size(); }

core::Aabb TriggerPointCatalog::explainBounds(core::TriggerPointId id) const
{
    core::Aabb box;
    if (!valid(id))
        return box;
    const auto& inst = instance(id);
    box.expand(inst.position);
    for (const core::SidedIndex r : m_data->zoneRegions(record(id).essential, inst.key.side))
        if (const auto idx = m_atlas->regionIndex(r))
            box.expand(m_atlas->regions()[*idx].bounds);
    return box;
}

std::vector<glm::vec3> TriggerPointCatalog::essentialCentres(core::TriggerPointId id,
                                                             const std::vector<core::StructureId>& targets) const
{
    std::vector<glm::vec3> out;
    if (!valid(id) || !m_model)
        return out;
    for (const core::SidedIndex r : m_data->zoneRegions(record(id).essential, instance(id).key.side)) {
        const auto idx = m_atlas->regionIndex(r);
        if (!idx)
            continue;
        glm::dvec3 sum{0.0};
        double total = 0.0;
        for (core::StructureId t : targets) {
            const auto it = m_projectors.find(t.value);
            const core::Structure* s = m_model->get(t);
            if (it == m_projectors.end() || !it->second || !s)
                continue;
            const core::SparseWeights& w = it->second->region(*idx);
            for (std::size_t k = 0; k < w.vertices.size(); ++k)
                if (w.vertices[k] < s->mesh.positions.size()) {
                    sum += glm::dvec3(s->mesh.positions[w.vertices[k]]) * static_cast<double>(w.weights[k]);
                    total += w.weights[k];
                }
        }
        if (total > 0.0)
            out.push_back(glm::vec3(sum / total));
    }
    return out;
}

core::Aabb TriggerPointCatalog::zoneBounds(core::TriggerPointId id) const
{
    core::Aabb box;
    if (!valid(id))
        return box;
    const auto& inst = instance(id);
    for (const auto* zone : {&record(id).essential, &record(id).spillover})
        for (const core::SidedIndex r : m_data->zoneRegions(*zone, inst.key.side))
            if (const auto idx = m_atlas->regionIndex(r))
                box.expand(m_atlas->regions()[*idx].bounds);
    return box;
}

std::vector<core::TriggerPointId> TriggerPointCatalog::search(std::string_view query, std::size_t limit) const
{
    std::vector<core::TriggerPointId> out;
    const std::string q = core::StructureSearch::normalise(query);
    if (!m_atlas || q.size() < 3)
        return out;
    auto add = [&](core::TriggerPointId id) {
        if (out.size() < limit && std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    };
    auto regionMatches = [&](const std::string& regionId) {
        const auto r = m_data->findRegion(regionId);
        if (!r)
            return false;
        const auto& rec = m_data->regions[*r];
        if (core::StructureSearch::normalise(rec.id).rfind(q, 0) == 0 ||
            core::StructureSearch::normalise(rec.name).find(q) != std::string::npos)
            return true;
        for (const auto& a : rec.aliases)
            if (core::StructureSearch::normalise(a).rfind(q, 0) == 0)
                return true;
        return false;
    };
    // By name.
    for (core::TriggerPointId id : all())
        if (instance(id).key.side == core::Side::Left &&
            (core::StructureSearch::normalise(record(id).name).find(q) != std::string::npos ||
             core::StructureSearch::normalise(record(id).id).find(q) != std::string::npos))
            add(id);
    // By where they refer: essential zones first.
    for (bool essential : {true, false})
        for (core::TriggerPointId id : all()) {
            if (instance(id).key.side != core::Side::Left)
                continue;
            for (const auto& z : essential ? record(id).essential : record(id).spillover)
                if (regionMatches(z.region)) {
                    add(id);
                    break;
                }
        }
    return out;
}

std::vector<core::TriggerPointCandidate> TriggerPointCatalog::candidates() const
{
    std::vector<core::TriggerPointCandidate> out;
    if (!m_model)
        return out;
    for (core::TriggerPointId id : all()) {
        const auto& inst = instance(id);
        if (const core::Structure* s = m_model->get(inst.structure))
            out.push_back({key(id), s->id, inst.position});
    }
    return out;
}

std::vector<std::vector<glm::vec2>> TriggerPointCatalog::referralWeights(core::TriggerPointId id,
                                                                         const std::vector<core::StructureId>& targets)
{
    std::vector<std::vector<glm::vec2>> out;
    if (!valid(id) || !m_model)
        return out;
    out.resize(m_model->structures.size());
    for (core::StructureId t : targets) {
        const core::Structure* s = m_model->get(t);
        if (!s || s->mesh.empty())
            continue;
        try {
            core::ReferralProjector* proj = projector(t);
            if (!proj)
                continue;
            const core::ReferralMap map = proj->map(id.value);
            auto& w = out[t.value];
            w.resize(s->mesh.vertexCount());
            for (std::size_t v = 0; v < w.size(); ++v)
                w[v] = {v < map.essential.size() ? map.essential[v] : 0.0f,
                        v < map.spillover.size() ? map.spillover[v] : 0.0f};
        } catch (const std::exception&) {
            out[t.value].clear(); // a structure that cannot be projected stays unpainted
        }
    }
    return out;
}

core::ReferralProjector* TriggerPointCatalog::projector(core::StructureId id)
{
    const core::Structure* s = m_model && m_atlas ? m_model->get(id) : nullptr;
    if (!s || s->mesh.empty())
        return nullptr;
    auto& proj = m_projectors[id.value];
    if (!proj) {
        try {
            proj = std::make_unique<core::ReferralProjector>(*m_atlas, s->mesh);
        } catch (const std::exception&) {
            return nullptr;
        }
    }
    return proj.get();
}

std::vector<TriggerPointCatalog::PainSource> TriggerPointCatalog::explainPain(core::StructureId surface,
                                                                             const std::vector<float>& intensity,
                                                                             std::size_t limit)
{
    auto sources = explainPainFully(surface, intensity).sources;
    if (limit > 0 && sources.size() > limit)
        sources.resize(limit);
    return sources;
}

TriggerPointCatalog::PainExplanation TriggerPointCatalog::explainPainFully(core::StructureId surface,
                                                                          const std::vector<float>& intensity)
{
    PainExplanation out;
    core::ReferralProjector* proj = projector(surface);
    if (!proj || std::none_of(intensity.begin(), intensity.end(), [](float v) { return v > 0.0f; }))
        return out;
    // No try/catch: the lookup, the grouping and the cover sets throw nothing but std::bad_alloc, and that
    // must not read as "nothing explains this drawing".
    std::vector<core::LookupHit> hits = core::lookupDrawing(*proj, intensity);
    std::erase_if(hits, [&](const core::LookupHit& h) { return !m_atlas->triggerPointIndex(h.triggerPoint); });
    out.groups = core::groupByMuscle(*m_data, hits);
    out.sets = core::coverSets(*proj, intensity, hits);
    for (core::LookupHit& hit : hits) {
        const auto id = *m_atlas->triggerPointIndex(hit.triggerPoint);
        out.sources.push_back({id, std::move(hit)});
    }
    return out;
}

std::vector<float> TriggerPointCatalog::regionFootprint(core::StructureId surface, const std::vector<core::SidedIndex>& regions)
{
    const core::Structure* s = m_model && m_atlas ? m_model->get(surface) : nullptr;
    if (!s)
        return {};
    std::vector<std::uint32_t> instances;
    for (const auto& r : regions)
        if (const auto i = m_atlas->regionIndex(r))
            instances.push_back(*i);
    return core::paintRegions(*m_atlas, s->mesh, instances);
}

} // namespace ta::session
