#include "core/referral/referral_atlas.h"

#include "core/error.h"
#include "core/referral/mesh_query.h"

#include <algorithm>

namespace ta::core {
namespace {

constexpr Side kSides[] = {Side::Left, Side::Right};

ResolvedShape resolveShape(const ShapeDef& def, const AnatomyModel& model, Side side, const std::string& where,
                           const Mesh* surface = nullptr)
{
    ResolvedShape s;
    s.kind = def.kind;
    s.radii = def.radii;
    s.inside = !def.snapToSurface;
    std::string missing;
    const auto a = def.a.resolve(model, side, &missing);
    if (!a)
        throw ValidationError(where + ": the model has no landmark \"" + missing + "\"");
    s.a = *a;
    if (def.kind == ShapeKind::Capsule) {
        const auto b = def.b.resolve(model, side, &missing);
        if (!b)
            throw ValidationError(where + ": the model has no landmark \"" + missing + "\"");
        s.b = *b;
    } else {
        s.b = s.a;
    }
    if (surface && def.snapToSurface) {
        const std::uint32_t va = nearestVertex(*surface, s.a);
        if (va != UINT32_MAX) {
            const glm::vec3 shift = surface->positions[va] - s.a;
            s.a += shift;
            if (def.kind == ShapeKind::Capsule) {
                const std::uint32_t vb = nearestVertex(*surface, s.b);
                s.b = surface->positions[vb];
            } else {
                s.b = s.a;
            }
        }
    }
    return s;
}

std::size_t slot(std::uint32_t index, Side side) { return 2u * index + (side == Side::Right ? 1u : 0u); }

} // namespace

ReferralAtlas ReferralAtlas::build(const ReferralData& data, const AnatomyModel& model)
{
    ReferralAtlas atlas;
    atlas.m_data = &data;
    const std::string regionsFile = std::string(ReferralData::kRegionsFile);
    const Structure* skin = model.get(model.find("skin"));
    const Mesh* surface = skin && !skin->mesh.positions.empty() ? &skin->mesh : nullptr;
    for (std::uint32_t i = 0; i < data.regions.size(); ++i) {
        const RegionRecord& rec = data.regions[i];
        for (Side side : kSides) {
            RegionInstance r;
            r.key = {i, side};
            r.feather = rec.feather;
            const std::string where = regionsFile + ": regions[" + rec.id + "] (" + std::string(toString(side)) + ")";
            for (const auto& sd : rec.shapes) {
                r.shapes.push_back(resolveShape(sd, model, side, where, surface));
                r.bounds.expand(r.shapes.back().bounds());
            }
            if (rec.volume)
                r.volume = resolveShape(*rec.volume, model, side, where + ".volume");
            atlas.m_regions.push_back(std::move(r));
        }
    }

    const std::string tpFile = std::string(ReferralData::kTriggerPointsFile);
    for (std::uint32_t i = 0; i < data.triggerPoints.size(); ++i) {
        const TriggerPointRecord& rec = data.triggerPoints[i];
        for (Side side : kSides) {
            TriggerPointInstance t;
            t.key = {i, side};
            const std::string where = tpFile + ": trigger_points[" + rec.id + "] (" + std::string(toString(side)) + ")";
            std::string missing;
            const auto p = rec.location.resolve(model, side, &missing);
            if (!p)
                throw ValidationError(where + ".location: the model has no landmark \"" + missing + "\"");
            t.defined = *p;
            float best = -1.0f;
            for (const auto& base : rec.structures) {
                const std::string sid = base + "-" + std::string(toString(side));
                std::optional<StructureId> found = model.find(sid);
                if (!found)
                    found = model.find(base); // midline structures carry no side suffix
                if (!found)
                    throw ValidationError(where + ".structures: the model has no structure \"" + sid + "\"");
                const StructureId id = *found;
                const ClosestPoint c = closestPointOnMesh(model.get(id)->mesh, t.defined);
                if (c.distance >= 0.0f && (best < 0.0f || c.distance < best)) {
                    best = c.distance;
                    t.position = c.point;
                    t.structure = id;
                }
            }
            if (best < 0.0f)
                throw ValidationError(where + ".structures: the structures have empty meshes");
            t.snapDistance = best;
            for (const auto& r : data.zoneRegions(rec.essential, side))
                t.essential.push_back(static_cast<std::uint32_t>(slot(r.index, r.side)));
            for (const auto& r : data.zoneRegions(rec.spillover, side)) {
                t.spillover.push_back(static_cast<std::uint32_t>(slot(r.index, r.side)));
                float shade = 0.0f; // a region listed twice is drawn as its more frequent entry
                for (const ZoneRef& z : rec.spillover)
                    if (z.region == data.regions[r.index].id)
                        shade = std::max(shade, frequencyShade(z.frequency));
                t.spilloverShade.push_back(shade > 0.0f ? shade : 1.0f);
            }
            atlas.m_triggerPoints.push_back(std::move(t));
        }
    }
    return atlas;
}

std::optional<std::uint32_t> ReferralAtlas::regionIndex(SidedIndex key) const
{
    const std::size_t s = slot(key.index, key.side);
    return s < m_regions.size() ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(s)) : std::nullopt;
}

std::optional<TriggerPointId> ReferralAtlas::triggerPointIndex(SidedIndex key) const
{
    const std::size_t s = slot(key.index, key.side);
    return s < m_triggerPoints.size() ? std::optional<TriggerPointId>(TriggerPointId{static_cast<std::uint32_t>(s)})
                                      : std::nullopt;
}

std::optional<TriggerPointId> ReferralAtlas::triggerPointIndex(std::string_view id, Side side) const
{
    const auto i = m_data->findTriggerPoint(id);
    return i ? triggerPointIndex(SidedIndex{*i, side}) : std::nullopt;
}

std::vector<ResolvedShape> ReferralAtlas::deepVolumes(std::size_t triggerPoint) const
{
    std::vector<ResolvedShape> out;
    if (triggerPoint >= m_triggerPoints.size())
        return out;
    const auto& t = m_triggerPoints[triggerPoint];
    for (const auto* list : {&t.essential, &t.spillover})
        for (std::uint32_t r : *list)
            if (m_regions[r].volume)
                out.push_back(*m_regions[r].volume);
    return out;
}

} // namespace ta::core
