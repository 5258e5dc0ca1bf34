#pragma once
// How faithful the procedural model is to the reference anatomy (BodyParts3D): surface distances both
// ways per structure and landmark errors, with pass/fail against the project's targets
// (bones median <= 3 mm, muscles median <= 5 mm, 90th percentile <= 10 mm, both ways).
#include "core/anatomy_model.h"
#include "core/geometry/surface_distance.h"
#include "io/fidelity/reference_landmarks.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ta::io {

inline constexpr double kBoneMedianTargetMm = 3.0;
inline constexpr double kMuscleMedianTargetMm = 5.0;
inline constexpr double kP90TargetMm = 10.0;

struct StructureFidelity {
    std::string id;  ///< our structure id
    std::string fma; ///< our FMA id ("" when the structure has none)
    core::Kind kind = core::Kind::Bone;
    bool hasReference = false;          ///< false: "no reference" (no FMA id, or the file is not there)
    std::vector<std::string> reference; ///< reference files (FMA ids) compared with
    std::string note;                   ///< mapping note (skull union, masseter swap, missing files)
    core::SurfaceComparison distance;   ///< metres; aToB = ours -> reference, bToA = reference -> ours
    double medianTargetMm = 0.0;
    glm::vec3 centroidShift{0};  ///< area centroid, ours minus reference (metres, model frame)
    glm::vec3 oursSize{0};       ///< bounding-box size of ours (metres)
    glm::vec3 referenceSize{0};  ///< bounding-box size of the reference (metres)

    double oursToRefMedianMm() const { return distance.aToB.median * 1000.0; }
    double refToOursMedianMm() const { return distance.bToA.median * 1000.0; }
    double oursToRefP90Mm() const { return distance.aToB.p90 * 1000.0; }
    double refToOursP90Mm() const { return distance.bToA.p90 * 1000.0; }
    /// Worst of both ways against the targets: > 1 means a target is missed.
    double score() const;
    bool pass() const { return hasReference && score() <= 1.0; }
};

struct LandmarkFidelity {
    std::string id;
    glm::vec3 ours{0};      ///< model frame, metres
    glm::vec3 reference{0}; ///< model frame, metres
    std::string rule;       ///< how the reference position was found
    double errorMm() const { return glm::length(ours - reference) * 1000.0; }
};

struct FidelityReport {
    std::vector<StructureFidelity> structures; ///< worst first; structures without reference last
    std::vector<LandmarkFidelity> landmarks;   ///< largest error first
    std::vector<std::string> landmarksMissingInModel; ///< reference landmarks the model does not define
    std::size_t samplesPerSide = 0;
    std::uint64_t seed = 0;
};

struct FidelityOptions {
    std::size_t samplesPerSide = 20000;
    std::uint64_t seed = 20260522;
    /// Called after each structure (done, total, id); may be empty.
    std::function<void(std::size_t, std::size_t, const std::string&)> progress;
};

/// The median target in mm for a structure kind (bones and cartilage 3 mm, muscles and tendons 5 mm).
double medianTargetMm(core::Kind kind);

/// Compares every structure of `model` with its reference counterpart in `reference`. Throws
/// IoError/ParseError when a reference file exists but cannot be read.
FidelityReport computeFidelity(const core::AnatomyModel& model, ReferenceSet& reference,
                               const FidelityOptions& options = {});

/// A fixed-width table for a terminal.
std::string formatFidelityTable(const FidelityReport& report);

struct FidelityContext {
    std::string command; ///< the command line that made the report
    std::string machine; ///< e.g. "2-core x86-64 VM"
    std::string date;    ///< UTC date and time
    std::string model;   ///< model file
    std::string reference;
    double seconds = 0.0;
};

/// docs/FIDELITY.md: every structure worst first with both-way medians and P90, pass/fail, landmark
/// errors, and how it was made.
std::string formatFidelityMarkdown(const FidelityReport& report, const FidelityContext& context);

/// The reference landmarks alone, as a Markdown table (model frame, metres).
std::string formatReferenceLandmarksMarkdown(const std::vector<ReferenceLandmark>& landmarks,
                                             const FidelityContext& context);

} // namespace ta::io
