#include "core/anatomy/model_generator.h"

#include "core/anatomy/iso_mesher.h"
#include "core/anatomy/muscle_builder.h"
#include "core/anatomy/surface_cloud_field.h"
#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace ta::core::anatomy {

namespace {
/// Blend radius between the skin's own envelope and the offset bones it must cover, mm.
constexpr float kClearanceBlend = 12.0f;

/// How far p lies in the face region: 0 outside the box and on its sides, rising smoothly to 1 at `fade`
/// mm inside every side.
float faceWeight(const glm::vec3& p, const Aabb& box, float fade)
{
    const glm::vec3 in = glm::min(p - box.min, box.max - p);
    return glm::smoothstep(0.0f, fade, std::min({in.x, in.y, in.z}));
}
} // namespace

SurfaceCloudField coverField(const std::vector<Structure>& structures, float reach)
{
    // Points every ~2 mm over each triangle, so the nearest point is close to the nearest surface point.
    // Each carries its face's normal, not the smoothed vertex normals: at a sharp edge (a muscle's end cap
    // meeting its side) the smoothed normals point along neither face and mislead the field's sign.
    constexpr float kSpacing = 2.5f;
    std::vector<glm::vec3> points, normals;
    for (const auto& s : structures) {
        const Mesh& m = s.mesh;
        for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
            const std::uint32_t i[3] = {m.indices[t], m.indices[t + 1], m.indices[t + 2]};
            const glm::vec3 a = m.positions[i[0]] * 1000.0f, b = m.positions[i[1]] * 1000.0f, c = m.positions[i[2]] * 1000.0f;
            const glm::vec3 face = glm::cross(b - a, c - a);
            const float len = std::max({glm::length(b - a), glm::length(c - a), glm::length(c - b)});
            const float area2 = glm::length(face);
            if (!(area2 > 1.0e-6f * len * len))
                continue; // degenerate: no normal to trust; its edges are sampled by its neighbours
            const glm::vec3 nrm = face / area2;
            const int n = std::max(1, static_cast<int>(std::ceil(len / kSpacing)));
            for (int u = 0; u <= n; ++u) {
                for (int v = 0; u + v <= n; ++v) {
                    const float fu = float(u) / n, fv = float(v) / n;
                    points.push_back(a + fu * (b - a) + fv * (c - a));
                    normals.push_back(nrm);
                }
            }
        }
    }
    return SurfaceCloudField(std::move(points), std::move(normals), reach);
}

Mesh meshStructure(const AnatomySpec& spec, const StructureSpec& structure, const GenerateOptions& options,
                   const SurfaceCloudField* cover)
{
    MeshingOptions mo;
    mo.voxel = structure.voxel * options.voxelScale;
    mo.threads = options.threads;
    mo.refineVoxel = structure.refineVoxel * options.voxelScale;
    mo.refineBox = structure.refineBox;
    Aabb bounds = structure.shape.bounds();
    if (structure.clearance < 0.0f)
        return meshField([&](const glm::vec3& p) { return structure.shape.distance(p); }, bounds, mo);

    // Skin: the envelope, widened wherever a bone would come closer than the clearance.
    std::vector<const StructureSpec*> inner;
    const float clearance = structure.clearance;
    for (const auto& s : spec.structures) {
        if (&s != &structure && s.layer != Layer::Skin) {
            inner.push_back(&s);
            bounds.expand(s.shape.bounds().min - glm::vec3(clearance + kClearanceBlend));
            bounds.expand(s.shape.bounds().max + glm::vec3(clearance + kClearanceBlend));
        }
    }
    if (cover && !cover->empty()) {
        bounds.expand(cover->bounds().min - glm::vec3(clearance + kClearanceBlend));
        bounds.expand(cover->bounds().max + glm::vec3(clearance + kClearanceBlend));
    }
    const bool hasFace = structure.faceBox.valid();
    const float faceClearance = structure.faceClearance, faceBlend = structure.faceBlend;
    auto field = [&, clearance](const glm::vec3& p) {
        const float envelope = structure.shape.distance(p);
        const float w = hasFace ? faceWeight(p, structure.faceBox, structure.faceFade) : 0.0f;
        float body = envelope, face = envelope;
        // An inner surface whose box lies further off than a union reaches changes neither field.
        auto far = [&](float boxGap) {
            return (w >= 1.0f || boxGap - clearance >= body + kClearanceBlend) &&
                   (w <= 0.0f || boxGap - faceClearance >= face + faceBlend);
        };
        auto unite = [&](float inner) {
            if (w < 1.0f)
                body = smoothMin(body, inner - clearance, kClearanceBlend);
            if (w > 0.0f)
                face = smoothMin(face, inner - faceClearance, faceBlend);
        };
        for (const auto* s : inner) {
            if (far(boxDistance(p, s->shape.bounds())))
                continue;
            unite(s->shape.distance(p));
        }
        if (cover && !cover->empty() && !far(boxDistance(p, cover->bounds())))
            unite(cover->distance(p));
        return body + w * (face - body);
    };
    return meshField(field, bounds, mo);
}

AnatomyModel generateModel(const AnatomySpec& spec, const GenerateOptions& options, const GenerateProgress& progress)
{
    AnatomyModel model;
    const std::size_t total = spec.structures.size() + 1;
    if (progress)
        progress(0, total, "muscles");
    std::vector<Structure> muscles = buildMuscles(spec);
    std::optional<SurfaceCloudField> cover;
    std::size_t done = 1;
    for (std::size_t i = 0; i < spec.structures.size(); ++i) {
        const StructureSpec& s = spec.structures[i];
        if (s.clearance >= 0.0f && !cover) {
            // Everything that is not skin lies inside it: put the muscles in before the first skin.
            // The skin covers the muscles; an aponeurosis lies flat on the bone, already inside the skin's
            // clearance over it, and is left out so that it does not lift the scalp.
            std::vector<Structure> fleshy;
            for (const auto& m : muscles)
                if (m.kind == Kind::Muscle)
                    fleshy.push_back(m);
            cover.emplace(coverField(fleshy, s.clearance + kClearanceBlend + 6.0f));
            for (auto& m : muscles)
                model.structures.push_back(std::move(m));
            muscles.clear();
        }
        if (progress)
            progress(done++, total, s.id);
        Structure out;
        out.id = s.id;
        out.name = s.name;
        out.latin = s.latin;
        out.fma = s.fma;
        out.side = s.side;
        out.layer = s.layer;
        out.kind = s.kind;
        out.mesh = meshStructure(spec, s, options, cover ? &*cover : nullptr);
        if (out.mesh.empty())
            throw ValidationError("anatomy spec: structure \"" + s.id + "\" has no volume (its shape is empty)");
        for (auto& p : out.mesh.positions)
            p /= 1000.0f; // mm -> m
        model.structures.push_back(std::move(out));
    }
    for (auto& m : muscles) // a spec without skin
        model.structures.push_back(std::move(m));
    model.landmarks = spec.placedLandmarks();
    return model;
}

} // namespace ta::core::anatomy
