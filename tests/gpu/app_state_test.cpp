// Application state -> render styles (layers, overrides, ghosting, selection) and the dotted path helper.
// Pure logic (no GL calls), kept in gpu_tests because it links the ui and render layers.
#include "test_scene.h"

#include "render/path_markers.h"
#include "ui/app_state.h"

#include <gtest/gtest.h>

using namespace ta;

namespace {

ui::AppState makeState()
{
    ui::AppState state;
    state.camera.setViewport(320, 200);
    state.setModel(ta::testing::makeTestModel(), "test");
    return state;
}

} // namespace

TEST(AppStateStyles, LayerAndStructureVisibilityCombine)
{
    ui::AppState state = makeState();
    const core::StructureId skin = state.model.find("skin");
    const core::StructureId skull = state.model.find("skull");
    const core::StructureId trap = state.model.find("trapezius-descending-left");
    EXPECT_TRUE(state.styles()[skin.value].visible);

    state.layer(core::Layer::Skin).visible = false;
    EXPECT_FALSE(state.styles()[skin.value].visible);
    EXPECT_TRUE(state.styles()[skull.value].visible);

    state.structures[trap.value].visible = false;
    EXPECT_FALSE(state.styles()[trap.value].visible);

    state.layer(core::Layer::Bone).opacity = 0.4f;
    state.structures[skull.value].opacity = 0.5f;
    EXPECT_NEAR(state.styles()[skull.value].opacity, 0.2f, 1e-6f);
}

TEST(AppStateStyles, GhostingFollowsTheSelectionDepth)
{
    ui::AppState state = makeState();
    const core::StructureId skin = state.model.find("skin");
    const core::StructureId trap = state.model.find("trapezius-descending-left");
    const core::StructureId skull = state.model.find("skull");

    EXPECT_FALSE(state.styles()[skin.value].ghost);
    state.ghost = true; // nothing selected: the skin is x-rayed
    EXPECT_TRUE(state.styles()[skin.value].ghost);
    EXPECT_FALSE(state.styles()[trap.value].ghost);

    state.selected = skull; // a bone selected: everything above the bones is x-rayed, the bone is not
    EXPECT_TRUE(state.styles()[skin.value].ghost);
    EXPECT_TRUE(state.styles()[trap.value].ghost);
    EXPECT_FALSE(state.styles()[skull.value].ghost);
    EXPECT_GT(state.styles()[skull.value].highlight, 0.0f);
    EXPECT_EQ(state.styles()[trap.value].highlight, 0.0f);

    state.ghost = false;
    EXPECT_FALSE(state.styles()[trap.value].ghost);
    state.structures[trap.value].ghost = true; // a per-structure x-ray stays on
    EXPECT_TRUE(state.styles()[trap.value].ghost);
}

TEST(AppStateStyles, NewModelResetsStateAndReferral)
{
    ui::AppState state = makeState();
    state.selected = state.model.find("skull");
    state.markers.push_back({});
    state.setReferral({{glm::vec2(1.0f)}});
    EXPECT_EQ(state.referralWeights.size(), state.model.structures.size());
    const std::uint64_t revision = state.referralRevision;
    state.setModel(ta::testing::makeTestModel(), "again");
    EXPECT_FALSE(state.selected.has_value());
    EXPECT_TRUE(state.markers.empty());
    EXPECT_GT(state.referralRevision, revision);
    for (const auto& w : state.referralWeights)
        EXPECT_TRUE(w.empty());
}

TEST(PathMarkers, DotsFollowThePolylineUpToTheProgress)
{
    const std::vector<glm::vec3> path = {{0.0f, 0.0f, 0.0f}, {0.1f, 0.0f, 0.0f}, {0.1f, 0.1f, 0.0f}};
    render::PathStyle style;
    style.spacing = 0.01f;
    const auto full = render::pathMarkers(path, 1.0f, 0.0f, style);
    EXPECT_EQ(full.size(), 21u); // 0.2 m at 1 cm, both ends included
    for (const render::Marker& m : full) {
        const bool onFirst = std::abs(m.position.y) < 1e-5f && m.position.x <= 0.1f + 1e-5f;
        const bool onSecond = std::abs(m.position.x - 0.1f) < 1e-5f;
        EXPECT_TRUE(onFirst || onSecond) << m.position.x << "," << m.position.y;
    }
    const auto half = render::pathMarkers(path, 0.5f, 0.0f, style);
    EXPECT_EQ(half.size(), 11u);
    EXPECT_NEAR(half.back().position.x, 0.1f, 1e-4f);
    EXPECT_GT(half.back().radius, half.front().radius); // the growing head is larger

    const auto shifted = render::pathMarkers(path, 1.0f, 0.5f, style);
    EXPECT_NEAR(shifted.front().position.x, 0.005f, 1e-5f); // dots drift with the phase
    EXPECT_TRUE(render::pathMarkers(std::span<const glm::vec3>(path.data(), 1), 1.0f, 0.0f).empty());
}

TEST(AppStateFraming, HomeViewStopsJustBelowTheShoulderBlades)
{
    ui::AppState state = makeState();
    const core::Aabb all = state.visibleBounds();
    EXPECT_EQ(state.homeBounds().min.y, all.min.y); // no scapular landmarks: everything visible

    // Inferior angles a little above the bottom of the model: the home view ends 3 cm below the lower one.
    const float lower = all.min.y + 0.3f * (all.max.y - all.min.y);
    state.model.landmarks.push_back({"scapula-inferior-angle-left", "left", {0.1f, lower + 0.01f, 0.0f}});
    state.model.landmarks.push_back({"scapula-inferior-angle-right", "right", {-0.1f, lower, 0.0f}});
    const core::Aabb home = state.homeBounds();
    EXPECT_NEAR(home.min.y, lower - 0.03f, 1e-6f);
    EXPECT_EQ(home.max, all.max);
    EXPECT_EQ(home.min.x, all.min.x);

    // A cut at or below the bottom changes nothing.
    state.model.landmarks[1].position.y = all.min.y - 0.1f;
    EXPECT_EQ(state.homeBounds().min.y, all.min.y);
}
