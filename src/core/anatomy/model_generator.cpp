#include "core/anatomy/model_generator.h"

#include "core/anatomy/iso_mesher.h"
#include "core/error.h"

#include <algorithm>
#include <limits>

namespace ta::core::anatomy {

namespace {
/// Blend radius between the skin's own envelope and the offset bones it must cover, mm.
constexpr float kClearanceBlend = 8.0f;
} // namespace

Mesh meshStructure(const AnatomySpec& spec, const StructureSpec& structure, const GenerateOptions& options)
{
    MeshingOptions mo;
    mo.voxel = structure.voxel * options.voxelScale;
    mo.threads = options.threads;
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
    auto field = [&, clearance](const glm::vec3& p) {
        float d = structure.shape.distance(p);
        for (const auto* s : inner) {
            const float lb = boxDistance(p, s->shape.bounds()) - clearance;
            if (lb >= d + kClearanceBlend)
                continue;
            d = smoothMin(d, s->shape.distance(p) - clearance, kClearanceBlend);
        }
        return d;
    };
    return meshField(field, bounds, mo);
}

AnatomyModel generateModel(const AnatomySpec& spec, const GenerateOptions& options, const GenerateProgress& progress)
{
    AnatomyModel model;
    const std::size_t total = spec.structures.size();
    for (std::size_t i = 0; i < total; ++i) {
        const StructureSpec& s = spec.structures[i];
        if (progress)
            progress(i, total, s.id);
        Structure out;
        out.id = s.id;
        out.name = s.name;
        out.latin = s.latin;
        out.fma = s.fma;
        out.side = s.side;
        out.layer = s.layer;
        out.kind = s.kind;
        out.mesh = meshStructure(spec, s, options);
        if (out.mesh.empty())
            throw ValidationError("anatomy spec: structure \"" + s.id + "\" has no volume (its shape is empty)");
        for (auto& p : out.mesh.positions)
            p /= 1000.0f; // mm -> m
        model.structures.push_back(std::move(out));
    }
    model.landmarks = spec.landmarks;
    // Landmarks on a surface: a few Newton steps along the field's gradient put them on the zero set.
    for (auto& l : model.landmarks) {
        for (const auto& [landmark, structure] : spec.landmarkSurfaces) {
            if (landmark != l.id)
                continue;
            for (const auto& s : spec.structures) {
                if (s.id != structure)
                    continue;
                glm::vec3 p = l.position * 1000.0f;
                for (int step = 0; step < 6; ++step) {
                    constexpr float e = 0.25f;
                    const float d = s.shape.distance(p);
                    const glm::vec3 g{s.shape.distance(p + glm::vec3(e, 0, 0)) - s.shape.distance(p - glm::vec3(e, 0, 0)),
                                      s.shape.distance(p + glm::vec3(0, e, 0)) - s.shape.distance(p - glm::vec3(0, e, 0)),
                                      s.shape.distance(p + glm::vec3(0, 0, e)) - s.shape.distance(p - glm::vec3(0, 0, e))};
                    const float len = glm::length(g);
                    if (len <= 0.0f)
                        break;
                    p -= d * g / len;
                }
                l.position = p / 1000.0f;
            }
        }
    }
    return model;
}

} // namespace ta::core::anatomy
