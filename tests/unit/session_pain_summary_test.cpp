// A pain drawing summarised on the committed model's skin: a mark of NRS 7 placed on the left temple reads
// 7 in the left temple region, covers a plausible area, and nothing on the right side.
#include "test_model_path.h"

#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/records/pain_summary.h"

#include <gtest/gtest.h>

using namespace ta;

TEST(SessionPainSummary, AMarkReadsItsIntensityInTheRegionUnderIt)
{
    if (!std::filesystem::exists(ta::testing::testModelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << ta::testing::testModelPath();
    const core::AnatomyModel model = io::loadModel(ta::testing::testModelPath());
    session::TriggerPointCatalog catalog;
    catalog.load(io::assetPath("data"), model);
    const auto temple = catalog.data().findRegion("temple");
    ASSERT_TRUE(temple);
    const auto instance = catalog.atlas().regionIndex({*temple, core::Side::Left});
    ASSERT_TRUE(instance);
    const auto place = session::placeOfRegion(model, catalog, *instance);
    ASSERT_TRUE(place);
    EXPECT_GT(place->position.x, 0.0f) << "the left temple is on the subject's left (+X)";

    core::PainMark mark;
    mark.structure = "skin";
    mark.position = place->position;
    mark.radius = 0.02f;
    mark.intensity = 7;
    const session::PainSummary summary = session::summarisePain(model, catalog, {mark});
    // A 2 cm brush: about pi * 2^2 = 12.6 cm² at full strength, less its fading rim.
    EXPECT_GT(summary.areaCm2, 6.0);
    EXPECT_LT(summary.areaCm2, 20.0);
    ASSERT_FALSE(summary.regions.empty());
    EXPECT_EQ(summary.regions.front().key, "temple-left");
    EXPECT_EQ(summary.regions.front().peakIntensity, 7);
    EXPECT_GT(summary.regions.front().coverage, 0.0);
    for (const auto& r : summary.regions) {
        EXPECT_EQ(r.key.find("-right"), std::string::npos) << r.key;
        EXPECT_GE(r.peakIntensity, 1) << r.key;
    }
    const auto under = session::regionsUnderMark(model, catalog, mark);
    EXPECT_NE(std::find(under.begin(), under.end(), "temple-left"), under.end());
    EXPECT_TRUE(session::summarisePain(model, catalog, {}).regions.empty());
}
