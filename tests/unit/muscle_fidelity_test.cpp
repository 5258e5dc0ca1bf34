// Our procedural muscles against the real ones (BodyParts3D reference meshes, read at run time from
// ../shared/reference/bodyparts3d and never copied): surface distance both ways, median <= 5 mm and
// 90th percentile <= 10 mm for the trapezius, levator scapulae, sternocleidomastoid and suboccipitals.
// Skips, loudly, when the reference folder is absent.
#include "core/anatomy/muscle_builder.h"
#include "core/geometry/surface_distance.h"
#include "io/bodyparts3d.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using namespace ta::core;
using namespace ta::core::anatomy;

std::filesystem::path referenceDir()
{
    if (const char* env = std::getenv("TA_REFERENCE_DIR"))
        return env;
    return std::filesystem::path(TA_TEST_DIR) / ".." / ".." / "shared" / "reference" / "bodyparts3d";
}

bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), std::string::npos, tail) == 0;
}

/// All structures whose id starts with `base` and ends with `side`, as one mesh (the SCM's two heads are
/// one muscle, one FMA id, in the reference).
Mesh unionOf(const std::vector<Structure>& muscles, const std::string& base, const std::string& side, std::string& fma)
{
    Mesh out;
    for (const auto& s : muscles)
        if (s.id.rfind(base, 0) == 0 && endsWith(s.id, side)) {
            const auto first = static_cast<std::uint32_t>(out.positions.size());
            out.positions.insert(out.positions.end(), s.mesh.positions.begin(), s.mesh.positions.end());
            for (auto i : s.mesh.indices)
                out.indices.push_back(first + i);
            fma = s.fma;
        }
    return out;
}

TEST(MuscleFidelity, TargetMusclesLieOnTheReferenceSpecimen)
{
    const auto dir = referenceDir();
    if (!std::filesystem::exists(dir / "FMA33587.stl"))
        GTEST_SKIP() << "REFERENCE MESHES ABSENT: " << dir << " not found; muscle fidelity NOT checked";
    const auto muscles = buildMuscles(AnatomySpec::load(std::filesystem::path(TA_TEST_DIR) / ".." / "assets" / "anatomy"));
    const char* targets[] = {"trapezius-descending", "trapezius-transverse", "trapezius-ascending", "levator-scapulae",
                             "sternocleidomastoid", "rectus-capitis-posterior-major", "rectus-capitis-posterior-minor",
                             "obliquus-capitis-superior", "obliquus-capitis-inferior"};
    int checked = 0;
    for (const char* base : targets)
        for (const char* side : {"-left", "-right"}) {
            std::string fma;
            const Mesh ours = unionOf(muscles, base, side, fma);
            ASSERT_FALSE(ours.empty()) << base << side;
            const Mesh ref = ta::io::loadBodyParts3dMesh(dir / (fma + ".stl"));
            const auto c = compareSurfaces(ours, ref, 3000, 11);
            const std::string what = std::string(base) + side + " vs " + fma;
            EXPECT_LE(c.aToB.median * 1000.0, 5.0) << what << " ours->reference";
            EXPECT_LE(c.aToB.p90 * 1000.0, 10.0) << what << " ours->reference";
            EXPECT_LE(c.bToA.median * 1000.0, 5.0) << what << " reference->ours";
            EXPECT_LE(c.bToA.p90 * 1000.0, 10.0) << what << " reference->ours";
            // The medians sit near 2 mm today (docs/FIDELITY.md); a regression that doubles them shows here
            // before it reaches the target.
            EXPECT_LE(std::max(c.aToB.median, c.bToA.median) * 1000.0, 4.0) << what;
            ++checked;
        }
    EXPECT_EQ(checked, 18);
}

} // namespace
