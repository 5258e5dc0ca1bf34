// Opening a second model in a running session (File > Open model...): the client's drawing is painted
// again on the new skin, the trigger points and their referral, picking and the body map work on it; a
// model whose structures come in another order gets them right by id.
#include "test_model_path.h"

#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/app_session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace ta;

namespace {

std::filesystem::path modelPath() { return ta::testing::testModelPath(); }

std::size_t nonZero(const std::vector<std::vector<float>>& w, core::StructureId id)
{
    if (id.value >= w.size())
        return 0;
    return static_cast<std::size_t>(
        std::count_if(w[id.value].begin(), w[id.value].end(), [](float v) { return v > 0.0f; }));
}

std::size_t referralOn(const session::AppSession& s, core::StructureId id)
{
    const auto& w = s.overlays().referral.values();
    if (id.value >= w.size())
        return 0;
    return static_cast<std::size_t>(std::count_if(w[id.value].begin(), w[id.value].end(),
                                                  [](const glm::vec2& v) { return v.x > 0.0f || v.y > 0.0f; }));
}

/// Everything that must work on whichever model is open.
void expectItAllWorks(session::AppSession& s, const char* what)
{
    SCOPED_TRACE(what);
    const core::StructureId skin = s.model().find("skin").value();
    s.update(0.0);
    EXPECT_GT(nonZero(s.overlays().pain.values(), skin), 20u) << "the client's drawing on this model's skin";
    EXPECT_EQ(s.overlays().pain.values().size(), s.model().structures.size());
    EXPECT_FALSE(s.pain().sources().empty()) << "the drawing is explained on this model";

    const auto tp = s.catalog().find("trapezius.upper.trp1-left");
    ASSERT_TRUE(tp);
    s.showTriggerPoint(*tp, true);
    s.update(0.1);
    EXPECT_GT(referralOn(s, skin), 20u) << "the referral zone on this model's skin";
    EXPECT_EQ(s.model().get(*s.selected())->id, "trapezius-descending-left");

    s.camera().setViewport(640, 480);
    s.camera().applyPreset(core::ViewPreset::Left, true);
    s.camera().frame(s.homeBounds(), true);
    s.camera().snap();
    const auto px = s.camera().project(s.model().landmark("pterion-left")->position);
    ASSERT_TRUE(px);
    const auto hit = s.pick({px->x, px->y});
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->structure, skin) << "picking uses this model's meshes";
    s.showTriggerPoint(std::nullopt);
}

TEST(SessionModelSwap, TheDrawingReferralAndPickingFollowTheNewModel)
{
    if (!std::filesystem::exists(modelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << modelPath();
    session::AppSession s;
    s.camera().setViewport(640, 480);
    s.openModel(io::loadModel(modelPath()), modelPath(), io::assetPath("data"));
    s.bodyMap().setSessionDate("2026-11-30");
    core::PainMark mark;
    mark.structure = "skin";
    mark.position = s.model().landmark("pterion-left")->position;
    mark.radius = 0.03f;
    mark.intensity = 7;
    s.bodyMap().addPainMarks({mark});
    expectItAllWorks(s, "first model");

    // The same file again (the new model lives where the old one did).
    s.openModel(io::loadModel(modelPath()), modelPath(), io::assetPath("data"));
    EXPECT_FALSE(s.shownTriggerPoint());
    expectItAllWorks(s, "the same model opened again");

    // Another model whose structures come in another order: every id moves.
    core::AnatomyModel other = io::loadModel(modelPath());
    std::rotate(other.structures.begin(), other.structures.begin() + 5, other.structures.end());
    s.openModel(std::move(other), "/models/other.glb", io::assetPath("data"));
    EXPECT_EQ(s.modelPath(), "/models/other.glb");
    expectItAllWorks(s, "a model in another order");
    EXPECT_EQ(s.bodyMap().map().sessions.size(), 1u) << "the findings stay";
}

} // namespace
