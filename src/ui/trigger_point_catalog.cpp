#include "ui/trigger_point_catalog.h"

#include "core/error.h"
#include "core/referral/close_matches.h"
#include "core/search/structure_search.h"

#include <algorithm>
#include <cctype>

namespace ta::ui {
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

bool TriggerPointCatalog::load(const std::filesystem::path& dataDir, const core::AnatomyModel& model, std::string& error)
{
    m_atlas.reset();
    m_data.reset();
    m_projectors.clear();
    m_model = &model;
    try {
        auto data = std::make_unique<core::ReferralData>(core::ReferralData::load(dataDir));
        auto atlas = std::make_unique<core::ReferralAtlas>(core::ReferralAtlas::build(*data, model));
        m_data = std::move(data);
        m_atlas = std::move(atlas);
        return true;
    } catch (const Error& e) {
        error = std::string("trigger-point data not available: ") + e.what();
    } catch (const std::exception& e) {
        error = std::string("trigger-point data not available: ") + e.what();
    }
    return false;
}

const core::MuscleRecord* TriggerPointCatalog::muscleOfTriggerPoint(std::size_t i) const
{
    const int m = m_data->findMuscle(record(i).muscle);
    return m >= 0 ? &m_data->muscles[static_cast<std::size_t>(m)] : nullptr;
}

std::string TriggerPointCatalog::key(std::size_t i) const { return m_data->triggerPointKey(instance(i).key); }

std::optional<std::size_t> TriggerPointCatalog::find(std::string_view keyOrId) const
{
    if (!m_atlas)
        return std::nullopt;
    for (std::size_t i = 0; i < size(); ++i)
        if (key(i) == keyOrId)
            return i;
    for (std::size_t i = 0; i < size(); ++i)
        if (record(i).id == keyOrId && instance(i).key.side == core::Side::Left)
            return i;
    return std::nullopt;
}

std::vector<std::string> TriggerPointCatalog::suggestions(std::string_view keyOrId) const
{
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < size(); ++i)
        keys.push_back(key(i));
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

std::vector<std::size_t> TriggerPointCatalog::triggerPointsOf(const core::Structure& structure) const
{
    std::vector<std::size_t> out;
    const core::MuscleRecord* muscle = muscleOf(structure);
    if (!muscle)
        return out;
    for (std::size_t i = 0; i < size(); ++i) {
        const auto& inst = instance(i);
        if (record(i).muscle != muscle->id)
            continue;
        if (structure.side != core::Side::Midline && inst.key.side != structure.side)
            continue;
        out.push_back(i);
    }
    return out;
}

std::string TriggerPointCatalog::zoneText(std::size_t i, bool essential) const
{
    const auto& rec = record(i);
    std::vector<std::string> names;
    for (const auto& z : essential ? rec.essential : rec.spillover) {
        const int r = m_data->findRegion(z.region);
        std::string n = r >= 0 ? withoutParentheses(m_data->regions[static_cast<std::size_t>(r)].name) : z.region;
        if (z.side == core::ZoneSide::Opposite)
            n += " (other side)";
        else if (z.side == core::ZoneSide::Both)
            n += " (both sides)";
        names.push_back(names.empty() ? n : lowerFirst(n));
    }
    return joinAnd(names);
}

std::string TriggerPointCatalog::caption(std::size_t i) const
{
    const auto& rec = record(i);
    const core::MuscleRecord* muscle = muscleOfTriggerPoint(i);
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
    for (const auto& z : rec.essential) {
        const int r = m_data->findRegion(z.region);
        names.push_back(lowerFirst(r >= 0 ? withoutParentheses(m_data->regions[static_cast<std::size_t>(r)].name) : z.region));
    }
    if (!names.empty())
        text += ": " + joinAnd(names);
    return text;
}

core::Aabb TriggerPointCatalog::explainBounds(std::size_t i) const
{
    core::Aabb box;
    if (!m_atlas || i >= size())
        return box;
    const auto& inst = instance(i);
    box.expand(inst.position);
    for (const core::SidedIndex r : m_data->zoneRegions(record(i).essential, inst.key.side)) {
        const int idx = m_atlas->regionIndex(r);
        if (idx >= 0)
            box.expand(m_atlas->regions()[static_cast<std::size_t>(idx)].bounds);
    }
    return box;
}

std::vector<glm::vec3> TriggerPointCatalog::essentialCentres(std::size_t i,
                                                             const std::vector<core::StructureId>& targets) const
{
    std::vector<glm::vec3> out;
    if (!m_atlas || !m_model || i >= size())
        return out;
    for (const core::SidedIndex r : m_data->zoneRegions(record(i).essential, instance(i).key.side)) {
        const int idx = m_atlas->regionIndex(r);
        if (idx < 0)
            continue;
        glm::dvec3 sum{0.0};
        double total = 0.0;
        for (core::StructureId t : targets) {
            const auto it = m_projectors.find(t.value);
            const core::Structure* s = m_model->get(t);
            if (it == m_projectors.end() || !it->second || !s)
                continue;
            const core::SparseWeights& w = it->second->region(static_cast<std::size_t>(idx));
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

core::Aabb TriggerPointCatalog::zoneBounds(std::size_t i) const
{
    core::Aabb box;
    if (!m_atlas || i >= size())
        return box;
    const auto& inst = instance(i);
    for (const auto* zone : {&record(i).essential, &record(i).spillover})
        for (const core::SidedIndex r : m_data->zoneRegions(*zone, inst.key.side)) {
            const int idx = m_atlas->regionIndex(r);
            if (idx >= 0)
                box.expand(m_atlas->regions()[static_cast<std::size_t>(idx)].bounds);
        }
    return box;
}

std::vector<std::size_t> TriggerPointCatalog::search(std::string_view query, std::size_t limit) const
{
    std::vector<std::size_t> out;
    const std::string q = core::StructureSearch::normalise(query);
    if (!m_atlas || q.size() < 3)
        return out;
    auto add = [&](std::size_t i) {
        if (out.size() < limit && std::find(out.begin(), out.end(), i) == out.end())
            out.push_back(i);
    };
    auto regionMatches = [&](const std::string& regionId) {
        const int r = m_data->findRegion(regionId);
        if (r < 0)
            return false;
        const auto& rec = m_data->regions[static_cast<std::size_t>(r)];
        if (core::StructureSearch::normalise(rec.id).rfind(q, 0) == 0 ||
            core::StructureSearch::normalise(rec.name).find(q) != std::string::npos)
            return true;
        for (const auto& a : rec.aliases)
            if (core::StructureSearch::normalise(a).rfind(q, 0) == 0)
                return true;
        return false;
    };
    // By name.
    for (std::size_t i = 0; i < size(); ++i)
        if (instance(i).key.side == core::Side::Left &&
            (core::StructureSearch::normalise(record(i).name).find(q) != std::string::npos ||
             core::StructureSearch::normalise(record(i).id).find(q) != std::string::npos))
            add(i);
    // By where they refer: essential zones first.
    for (bool essential : {true, false})
        for (std::size_t i = 0; i < size(); ++i) {
            if (instance(i).key.side != core::Side::Left)
                continue;
            for (const auto& z : essential ? record(i).essential : record(i).spillover)
                if (regionMatches(z.region)) {
                    add(i);
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
    for (std::size_t i = 0; i < size(); ++i) {
        const auto& inst = instance(i);
        const core::Structure* s = m_model->get(inst.structure);
        if (!s)
            continue;
        out.push_back({key(i), s->id, inst.position});
    }
    return out;
}

std::vector<std::vector<glm::vec2>> TriggerPointCatalog::referralWeights(std::size_t i,
                                                                         const std::vector<core::StructureId>& targets)
{
    std::vector<std::vector<glm::vec2>> out;
    if (!m_atlas || !m_model || i >= size())
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
            const core::ReferralMap map = proj->map(i);
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
    std::vector<PainSource> out;
    core::ReferralProjector* proj = projector(surface);
    if (!proj || std::none_of(intensity.begin(), intensity.end(), [](float v) { return v > 0.0f; }))
        return out;
    try {
        for (core::LookupHit& hit : core::lookupDrawing(*proj, intensity)) {
            if (out.size() >= limit)
                break;
            for (std::size_t i = 0; i < size(); ++i)
                if (instance(i).key == hit.triggerPoint) {
                    out.push_back({i, std::move(hit)});
                    break;
                }
        }
    } catch (const std::exception&) {
        out.clear();
    }
    return out;
}

} // namespace ta::ui
