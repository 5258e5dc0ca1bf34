// The generator on small specs written here: skin clearance over bones, the muscle cover field, landmark
// snapping onto a surface, and the sided names of paired entries.
#include "core/anatomy/model_generator.h"
#include "core/anatomy/muscle_builder.h"
#include "core/anatomy/muscle_spec.h"
#include "core/anatomy/surface_cloud_field.h"
#include "io/model_baker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace ta::core;
using namespace ta::core::anatomy;

namespace {

const char* kBones = R"({"schema": "trigger-atlas/structures", "version": 1, "structures": [
  {"id": "rod", "name": "Rod", "latin": "Virga", "fma": "", "layer": "bone", "kind": "bone", "voxel": 1.0,
   "shape": [{"type": "tube", "points": [[0, 0, 0], [30, 0, 0]], "radius": 3}]}]})";
const char* kSkin = R"({"schema": "trigger-atlas/structures", "version": 1, "structures": [
  {"id": "skin", "name": "Skin", "latin": "Cutis", "fma": "FMA7163", "layer": "skin", "kind": "skin", "voxel": 1.0,
   "clearance": 4, "shape": [{"type": "ellipsoid", "centre": [0, 0, 0], "radii": [15, 15, 15]}]}]})";

/// The skin generated from `skinDoc` over the rod of kBones (empty when the model is not rod and skin).
Mesh skinOverRod(const std::string& skinDoc)
{
    AnatomySpec spec;
    spec.parseStructures(kBones, "bones.json");
    spec.parseStructures(skinDoc, "skin.json");
    AnatomyModel model = generateModel(spec);
    EXPECT_EQ(model.structures.size(), 2u);
    if (model.structures.size() != 2u)
        return {};
    EXPECT_TRUE(ta::io::isClosedManifold(model.structures[1].mesh));
    return std::move(model.structures[1].mesh);
}

} // namespace

TEST(AnatomyGenerator, SkinKeepsItsClearanceOverABoneThatPokesOut)
{
    const Mesh skin = skinOverRod(kSkin);
    ASSERT_FALSE(skin.empty());
    // The rod ends at x = 33 mm; the skin must reach beyond it by about the clearance, not stop at 15.
    EXPECT_GT(skin.bounds().max.x, 0.0355f);
    EXPECT_LT(skin.bounds().max.x, 0.0400f);
    // Elsewhere the envelope keeps its own size.
    EXPECT_NEAR(skin.bounds().min.x, -0.015f, 0.0008f);
}

TEST(AnatomyGenerator, InsideTheFaceRegionTheSkinKeepsOnlyTheFacesClearance)
{
    // The same rod and envelope, with a face region around the rod's tip (x from 5 mm on): there the skin keeps
    // 1.5 mm from the bone with a 1 mm union, so the envelope's own forms are not swamped by a wide blend.
    std::string skin = kSkin;
    const std::string key = R"("clearance": 4,)";
    const std::string face = R"( "face": {"min": [5, -40, -40], "max": [80, 40, 40], "fade": 4, "clearance": 1.5,)"
                             R"( "blend": 1},)";
    skin.replace(skin.find(key), key.size(), key + face);
    const Mesh m = skinOverRod(skin);
    ASSERT_FALSE(m.empty());
    // The rod ends at x = 33 mm: the skin now stops about 1.5 mm beyond it, not 4 (or more with the wide blend).
    EXPECT_GT(m.bounds().max.x, 0.0340f);
    EXPECT_LT(m.bounds().max.x, 0.0355f);
    // Outside the region nothing changes: the envelope keeps its own size on the far side.
    EXPECT_NEAR(m.bounds().min.x, -0.015f, 0.0008f);
    // Where the rod leaves the envelope (x = 15, inside the region), the wide body blend would have thickened
    // the skin round it; the face's narrow union leaves it close to the rod's offset radius (3 + 1.5 mm).
    float widest = 0.0f;
    for (const auto& p : m.positions)
        if (std::abs(p.x - 0.020f) < 0.0007f)
            widest = std::max(widest, std::hypot(p.y, p.z));
    EXPECT_GT(widest, 0.0040f);
    EXPECT_LT(widest, 0.0055f);
}

TEST(AnatomyGenerator, SurfaceLandmarksAreSnappedOntoTheirStructure)
{
    AnatomySpec spec;
    spec.parseStructures(R"({"schema": "trigger-atlas/structures", "version": 1, "structures": [
      {"id": "rod", "name": "Rod", "latin": "Virga", "fma": "", "layer": "bone", "kind": "bone", "voxel": 1.0,
       "shape": [{"type": "tube", "points": [[-30, 0, 0], [30, 0, 0]], "radius": 3}]}]})",
                         "bones.json");
    spec.parseLandmarks(R"({"schema": "trigger-atlas/landmarks", "version": 1, "landmarks": [
        {"id": "tip", "name": "Tip", "paired": true, "on": "rod", "position": [15, 9, 0]}]})",
                        "landmarks.json");
    const AnatomyModel model = generateModel(spec);
    const Landmark* left = model.landmark("tip-left");
    ASSERT_NE(left, nullptr);
    EXPECT_NEAR(left->position.y, 0.003f, 0.0002f); // moved from 9 mm down onto the rod's surface (r = 3)
    EXPECT_NEAR(left->position.x, 0.015f, 0.0005f);
    ASSERT_NE(model.landmark("tip-right"), nullptr);
    EXPECT_NEAR(model.landmark("tip-right")->position.x, -0.015f, 0.0005f);
}

TEST(AnatomyGenerator, UnknownSurfaceStructureIsRejectedOnLoad)
{
    // AnatomySpec::load checks "on" against the structures; the committed files pass that check.
    const auto spec = AnatomySpec::load(std::string(TA_TEST_DIR) + "/../assets/anatomy");
    for (const auto& [landmark, structure] : spec.landmarkSurfaces) {
        bool found = false;
        for (const auto& s : spec.structures)
            found = found || s.id == structure;
        EXPECT_TRUE(found) << landmark << " -> " << structure;
    }
}

TEST(AnatomyGenerator, CoverFieldFindsNoDeepInsideAroundAThinMuscle)
{
    // Rhomboid major is a sheet at most 4.5 mm thick, so nothing is more than 2.25 mm inside it. The field
    // once read about -20 mm at points 20 mm beyond the corner where its insertion end meets its lower side
    // (one nearest point with a smoothed normal decided the sign), which folded the skin over the inferior
    // angle of the scapula.
    Structure sheet;
    for (auto& s : buildMuscles(AnatomySpec::load(std::string(TA_TEST_DIR) + "/../assets/anatomy")))
        if (s.id == "rhomboid-major-left")
            sheet = std::move(s);
    ASSERT_FALSE(sheet.mesh.empty());
    const SurfaceCloudField field = coverField({sheet}, 22.0f);
    Aabb box = sheet.mesh.bounds();
    const glm::vec3 lo = box.min * 1000.0f - glm::vec3(20.0f), hi = box.max * 1000.0f + glm::vec3(20.0f);
    int deep = 0;
    float worst = 0.0f;
    for (float z = lo.z; z <= hi.z; z += 2.0f)
        for (float y = lo.y; y <= hi.y; y += 2.0f)
            for (float x = lo.x; x <= hi.x; x += 2.0f) {
                const float d = field.distance({x, y, z});
                if (d < -3.0f) {
                    ++deep;
                    worst = std::min(worst, d);
                }
            }
    EXPECT_EQ(deep, 0) << "deepest " << worst << " mm";
}

TEST(AnatomyGenerator, CoverFieldIsSignedByTheNormals)
{
    // Points on the unit-ish sphere r = 10 mm with outward normals.
    std::vector<glm::vec3> points, normals;
    for (int i = 0; i < 40; ++i)
        for (int j = 0; j < 80; ++j) {
            const float th = 3.14159f * (i + 0.5f) / 40.0f, ph = 6.28318f * j / 80.0f;
            const glm::vec3 n{std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph)};
            points.push_back(10.0f * n);
            normals.push_back(n);
        }
    SurfaceCloudField field(points, normals, 12.0f);
    EXPECT_NEAR(field.distance({0, 0, 14}), 4.0f, 0.3f);
    EXPECT_NEAR(field.distance({0, 0, 7}), -3.0f, 0.3f);
    EXPECT_GT(field.distance({0, 0, 40}), 1.0e6f); // beyond reach: no influence
}
