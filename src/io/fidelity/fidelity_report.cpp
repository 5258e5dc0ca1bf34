#include "io/fidelity/fidelity_report.h"

#include "core/geometry/closest_point_tree.h"

#include <algorithm>
#include <map>

namespace ta::io {

namespace {

glm::dvec3 areaCentroid(const core::Mesh& m)
{
    glm::dvec3 sum(0.0);
    double total = 0.0;
    for (std::size_t t = 0; t < m.triangleCount(); ++t) {
        const glm::dvec3 a = m.positions[m.indices[3 * t]];
        const glm::dvec3 b = m.positions[m.indices[3 * t + 1]];
        const glm::dvec3 c = m.positions[m.indices[3 * t + 2]];
        const double area = 0.5 * glm::length(glm::cross(b - a, c - a));
        sum += area * (a + b + c) / 3.0;
        total += area;
    }
    return total > 0.0 ? sum / total : sum;
}

} // namespace

double medianTargetMm(core::Kind kind)
{
    return (kind == core::Kind::Bone || kind == core::Kind::Cartilage) ? kBoneMedianTargetMm : kMuscleMedianTargetMm;
}

double StructureFidelity::score() const
{
    if (!hasReference)
        return 0.0;
    const double med = std::max(oursToRefMedianMm(), refToOursMedianMm()) / medianTargetMm;
    const double p90 = std::max(oursToRefP90Mm(), refToOursP90Mm()) / kP90TargetMm;
    return std::max(med, p90);
}

FidelityReport computeFidelity(const core::AnatomyModel& model, ReferenceSet& reference,
                               const FidelityOptions& options)
{
    FidelityReport report;
    report.samplesPerSide = options.samplesPerSide;
    report.seed = options.seed;

    std::size_t done = 0;
    for (const auto& s : model.structures) {
        StructureFidelity f;
        f.id = s.id;
        f.fma = s.fma;
        f.kind = s.kind;
        f.medianTargetMm = medianTargetMm(s.kind);
        f.reference = referenceFmasFor(s.fma);
        f.note = referenceMappingNote(s.fma);
        std::vector<std::string> missing;
        const core::Mesh* ref = f.reference.empty() ? nullptr : reference.unionOf(f.reference, &missing);
        if (!missing.empty()) {
            std::string list;
            for (const auto& m : missing)
                list += (list.empty() ? "" : ", ") + m;
            f.note += std::string(f.note.empty() ? "" : "; ") + "not in the reference folder: " + list;
        }
        if (ref && !ref->empty() && !s.mesh.empty()) {
            f.hasReference = true;
            const core::ClosestPointTree ours(s.mesh), theirs(*ref);
            // Seed per structure from its id, so adding a structure does not change the others' samples.
            std::uint64_t seed = options.seed;
            for (char c : s.id)
                seed = seed * 1099511628211ull ^ static_cast<unsigned char>(c);
            f.distance = core::compareSurfaces(s.mesh, ours, *ref, theirs, options.samplesPerSide, seed);
            f.centroidShift = glm::vec3(areaCentroid(s.mesh) - areaCentroid(*ref));
            f.oursSize = s.mesh.bounds().size();
            f.referenceSize = ref->bounds().size();
        }
        report.structures.push_back(std::move(f));
        ++done;
        if (options.progress)
            options.progress(done, model.structures.size(), s.id);
    }
    std::stable_sort(report.structures.begin(), report.structures.end(),
                     [](const StructureFidelity& a, const StructureFidelity& b) {
                         if (a.hasReference != b.hasReference)
                             return a.hasReference;
                         if (!a.hasReference)
                             return a.id < b.id;
                         return a.score() > b.score();
                     });

    for (auto& rl : computeReferenceLandmarks(reference)) {
        if (const auto* ours = model.landmark(rl.id))
            report.landmarks.push_back({rl.id, ours->position, rl.position, rl.rule});
        else
            report.landmarksMissingInModel.push_back(rl.id);
    }
    std::stable_sort(report.landmarks.begin(), report.landmarks.end(),
                     [](const LandmarkFidelity& a, const LandmarkFidelity& b) { return a.errorMm() > b.errorMm(); });
    return report;
}

} // namespace ta::io
