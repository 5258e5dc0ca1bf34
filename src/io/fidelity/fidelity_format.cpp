// Text and Markdown renderings of a FidelityReport.
#include "io/fidelity/fidelity_report.h"

#include <cstdio>
#include <sstream>

namespace ta::io {

namespace {

std::string fmt(const char* format, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string vec(const glm::vec3& p)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.4f, %.4f, %.4f)", p.x, p.y, p.z);
    return buf;
}

std::string mm3(const glm::vec3& v)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "%+.0f, %+.0f, %+.0f", v.x * 1000.0, v.y * 1000.0, v.z * 1000.0);
    return buf;
}

std::string ratio3(const glm::vec3& a, const glm::vec3& b)
{
    char buf[96];
    auto r = [](float x, float y) { return y > 0.0f ? x / y : 0.0f; };
    std::snprintf(buf, sizeof buf, "%.2f, %.2f, %.2f", r(a.x, b.x), r(a.y, b.y), r(a.z, b.z));
    return buf;
}

std::size_t countPassing(const FidelityReport& r, std::size_t* withRef)
{
    std::size_t pass = 0, n = 0;
    for (const auto& s : r.structures)
        if (s.hasReference) {
            ++n;
            pass += s.pass() ? 1 : 0;
        }
    *withRef = n;
    return pass;
}

} // namespace

std::string formatFidelityTable(const FidelityReport& r)
{
    std::ostringstream out;
    char line[256];
    std::snprintf(line, sizeof line, "%-40s %-9s %9s %9s %9s %9s %7s  %s\n", "structure", "kind", "med o->r",
                  "med r->o", "P90 o->r", "P90 r->o", "target", "result");
    out << line;
    for (const auto& s : r.structures) {
        const std::string kind(core::toString(s.kind));
        if (!s.hasReference) {
            std::snprintf(line, sizeof line, "%-40s %-9s %9s %9s %9s %9s %7s  %s\n", s.id.c_str(), kind.c_str(), "-",
                          "-", "-", "-", "-", "no reference");
        } else {
            std::snprintf(line, sizeof line, "%-40s %-9s %9.2f %9.2f %9.2f %9.2f %7.0f  %s\n", s.id.c_str(),
                          kind.c_str(), s.oursToRefMedianMm(), s.refToOursMedianMm(), s.oursToRefP90Mm(),
                          s.refToOursP90Mm(), s.medianTargetMm, s.pass() ? "pass" : "FAIL");
        }
        out << line;
    }
    std::size_t withRef = 0;
    const std::size_t pass = countPassing(r, &withRef);
    out << "\n" << pass << " of " << withRef << " structures with a reference meet the targets (distances in mm, "
        << r.samplesPerSide << " samples per side).\n\n";
    std::snprintf(line, sizeof line, "%-28s %9s\n", "landmark", "error mm");
    out << line;
    for (const auto& l : r.landmarks) {
        std::snprintf(line, sizeof line, "%-28s %9.1f\n", l.id.c_str(), l.errorMm());
        out << line;
    }
    if (!r.landmarksMissingInModel.empty()) {
        out << "reference landmarks the model does not define:";
        for (const auto& id : r.landmarksMissingInModel)
            out << " " << id;
        out << "\n";
    }
    return out.str();
}

std::string formatFidelityMarkdown(const FidelityReport& r, const FidelityContext& c)
{
    std::ostringstream out;
    std::size_t withRef = 0;
    const std::size_t pass = countPassing(r, &withRef);
    out << "# Fidelity of the procedural model to reference anatomy\n\n"
        << "How far each structure of `" << c.model << "` lies from its counterpart in the BodyParts3D "
        << "reference meshes (`" << c.reference << "`, read at run time and never copied into the project), "
        << "and how far our landmarks sit from the same landmarks located on the reference bones.\n\n"
        << "- Made by: `" << c.command << "`\n"
        << "- Machine: " << c.machine << "; date: " << c.date << "; run time " << fmt("%.1f", c.seconds) << " s\n"
        << "- Method: " << r.samplesPerSide << " points sampled uniformly by area on each surface (fixed seed "
        << r.seed << "), exact closest-point distance to the other triangle mesh (BVH). *ours->ref* samples our "
        << "structure and measures to the reference (is our surface where real tissue is?); *ref->ours* samples "
        << "the reference and measures to ours (is all the real tissue covered?). Reference meshes are converted "
        << "to our frame by `(X, Z, -Y) / 1000`, with no registration, and detached fragments under 0.1 % of a "
        << "mesh's area are dropped.\n"
        << "- Targets (issue 3): median <= " << fmt("%.0f", kBoneMedianTargetMm) << " mm for bones and cartilage, <= "
        << fmt("%.0f", kMuscleMedianTargetMm) << " mm for muscles, 90th percentile <= " << fmt("%.0f", kP90TargetMm)
        << " mm; both ways must meet them to pass.\n"
        << "- Diagnostics: *centroid shift* is our area centroid minus the reference's (+x = subject's left, +y = up, "
        << "+z = anterior); *size ours/ref* compares bounding-box extents per axis.\n\n"
        << "**" << pass << " of " << withRef << " structures with a reference meet the targets.**\n\n"
        << "## Side by side\n\n"
        << "The reference's own renders (left; third-party, CC BY-SA 2.1 JP, BodyParts3D by DBCLS: shown from "
           "`../shared/reference/bodyparts3d/renders/`, beside this checkout, never copied into it) and our model "
           "with the skin peeled, from the same sides (right; made by `tools/fidelity-sheet`, which also writes "
           "both into one picture, `build/fidelity-sheet.png`, kept out of the project). The reference holds the "
           "head and neck muscles and bones only; ours also has the shoulder girdle, arms and chest.\n\n"
        << "| BodyParts3D | TriggerAtlas |\n|---|---|\n";
    for (const char* view : {"anterior", "lateral-right", "posterior"})
        out << "| ![BodyParts3D, " << view << "](../../shared/reference/bodyparts3d/renders/" << view
            << ".png) | ![TriggerAtlas, " << view << "](images/fidelity-" << view << ".png) |\n";
    out << "\n## Structures, worst first\n\n"
        << "Sorted by the worst ratio of a measured figure to its target. Distances in mm.\n\n"
        << "| structure | FMA | kind | median ours->ref | median ref->ours | P90 ours->ref | P90 ref->ours | "
           "median target | result | centroid shift x, y, z (mm) | size ours/ref x, y, z | note |\n"
        << "|---|---|---|---:|---:|---:|---:|---:|---|---|---|---|\n";
    for (const auto& s : r.structures) {
        out << "| " << s.id << " | " << (s.fma.empty() ? "-" : s.fma) << " | " << core::toString(s.kind) << " | ";
        if (s.hasReference)
            out << fmt("%.2f", s.oursToRefMedianMm()) << " | " << fmt("%.2f", s.refToOursMedianMm()) << " | "
                << fmt("%.2f", s.oursToRefP90Mm()) << " | " << fmt("%.2f", s.refToOursP90Mm()) << " | "
                << fmt("%.0f", s.medianTargetMm) << " | " << (s.pass() ? "pass" : "**FAIL**") << " | "
                << mm3(s.centroidShift) << " | " << ratio3(s.oursSize, s.referenceSize) << " | ";
        else
            out << "- | - | - | - | - | no reference | - | - | ";
        out << s.note << " |\n";
    }
    out << "\n## Landmarks, largest error first\n\n"
        << "Reference positions are found on the reference bones by the rule given; positions in the model frame "
        << "(metres, +X subject's left, +Y up, +Z anterior). The model's landmark specification "
        << "(`assets/anatomy/`) took its positions from these same rules run on the reference and then placed them on "
        << "our bones, so these errors show what that placement left over; they are not an independent check. The "
        << "surface distances above are.\n\n"
        << "| landmark | error mm | ours | reference | reference rule |\n|---|---:|---|---|---|\n";
    for (const auto& l : r.landmarks)
        out << "| " << l.id << " | " << fmt("%.1f", l.errorMm()) << " | " << vec(l.ours) << " | " << vec(l.reference)
            << " | " << l.rule << " |\n";
    if (!r.landmarksMissingInModel.empty()) {
        out << "\nFound on the reference but not defined by the model:";
        for (const auto& id : r.landmarksMissingInModel)
            out << " `" << id << "`";
        out << ".\n";
    }
    std::size_t unchecked = 0;
    for (const auto& s : r.structures)
        unchecked += s.hasReference ? 0 : 1;
    out << "\n## What these numbers do and do not say\n\n"
        << "- The reference is one specimen (BodyParts3D). Passing means agreement with that body, not with the range "
           "of human variation.\n"
        << "- The model's specification (`assets/anatomy/`) took its figures from this same reference (landmark "
           "positions, bone dimensions, and for each muscle a few offsets of its attachment lines from named landmarks "
           "and its thicknesses), so the landmarks and attachments agree by construction. The muscle bellies between "
           "the attachments are not specified: the generator lays each one over the bones and deeper muscles beneath "
           "it, so their distances are the part of this table that tests the generator rather than the figures.\n"
        << "- " << unchecked << " structures have no counterpart and are not checked at all (listed as \"no reference\" "
           "above): the scapula, temporalis, epicranial aponeurosis and skin meshes are missing from the reference "
           "folder, and it holds no humerus, ribs 2-4, T5-T6 or digastric, nor any of the muscles added from the second "
           "fact sheet (pectorals, deltoid, rotator cuff, latissimus, serratus, pterygoids, facial muscles, platysma, "
           "multifidi), which are placed by their attachments and checked by the layering tests instead. The acromion, "
           "coracoid and scapular angles cannot be checked for the same reason.\n"
        << "- No registration is applied: a structure shifted as a whole counts fully against it.\n";
    return out.str();
}

std::string formatReferenceLandmarksMarkdown(const std::vector<ReferenceLandmark>& landmarks,
                                             const FidelityContext& c)
{
    std::ostringstream out;
    out << "# Reference landmark positions (BodyParts3D, model frame)\n\n"
        << "Model frame: metres, +X subject's left, +Y up, +Z anterior (facing), feet at y = 0.\n"
        << "Made by `" << c.command << "` on " << c.date << " from `" << c.reference << "`.\n\n"
        << "| landmark | x | y | z | rule |\n|---|---:|---:|---:|---|\n";
    for (const auto& l : landmarks)
        out << "| " << l.id << " | " << fmt("%.4f", l.position.x) << " | " << fmt("%.4f", l.position.y) << " | "
            << fmt("%.4f", l.position.z) << " | " << l.rule << " |\n";
    return out.str();
}

} // namespace ta::io
