// The client's pain drawing: marks become soft per-vertex intensities (full near the centre, nothing
// beyond the radius, the strongest mark wins where they overlap), and the editor keeps a brush stroke as
// one undoable step.
#include "core/bodymap/body_map_editor.h"
#include "core/bodymap/pain_drawing.h"

#include <gtest/gtest.h>

namespace {

using namespace ta::core;

/// Vertices along +x every millimetre from 0 to 60 mm (the triangles do not matter here).
Mesh lineOfVertices()
{
    Mesh m;
    for (int i = 0; i <= 60; ++i)
        m.positions.push_back({0.001f * static_cast<float>(i), 1.5f, 0.0f});
    return m;
}

PainMark markAt(float x, float radius, int intensity)
{
    PainMark m;
    m.structure = "skin";
    m.position = {x, 1.5f, 0.0f};
    m.radius = radius;
    m.intensity = intensity;
    return m;
}

TEST(PainDrawing, AMarkIsFullInsideAndFadesToNothingAtItsRadius)
{
    const Mesh mesh = lineOfVertices();
    const std::vector<PainMark> marks{markAt(0.0f, 0.020f, 8)};
    const auto w = painIntensities(mesh, marks);
    ASSERT_EQ(w.size(), mesh.positions.size());
    EXPECT_FLOAT_EQ(w[0], 0.8f);   // at the centre: intensity 8 of 10
    EXPECT_FLOAT_EQ(w[10], 0.8f);  // half the radius: still full
    EXPECT_GT(w[15], 0.0f);        // fading
    EXPECT_LT(w[15], 0.8f);
    EXPECT_GT(w[14], w[16]);       // and falling outward
    EXPECT_NEAR(w[20], 0.0f, 1e-4f); // at the radius: nothing
    EXPECT_EQ(w[40], 0.0f);
}

TEST(PainDrawing, OverlappingMarksTakeTheStrongestNotTheSum)
{
    const Mesh mesh = lineOfVertices();
    const std::vector<PainMark> marks{markAt(0.020f, 0.020f, 4), markAt(0.030f, 0.020f, 6)};
    const auto w = painIntensities(mesh, marks);
    EXPECT_FLOAT_EQ(w[25], 0.6f); // inside both: the stronger one, not 1.0
    EXPECT_FLOAT_EQ(w[20], 0.6f);
    EXPECT_FLOAT_EQ(w[12], 0.4f); // only the weaker one reaches here at full strength
    // No marks, or a mark of intensity 0, paint nothing.
    EXPECT_EQ(painIntensities(mesh, {}), std::vector<float>(mesh.positions.size(), 0.0f));
    const std::vector<PainMark> zero{markAt(0.0f, 0.02f, 0)};
    EXPECT_EQ(painIntensities(mesh, zero), std::vector<float>(mesh.positions.size(), 0.0f));
}

TEST(PainDrawing, AStrokeIsOneUndoableStepInTodaysSession)
{
    UndoStack undo;
    BodyMapEditor ed(&undo);
    ed.setSessionDate("2026-11-20");
    ed.addPainMarks({markAt(0.0f, 0.02f, 5)});
    ed.setSessionDate("2026-11-30");
    const auto ids = ed.addPainMarks({markAt(0.01f, 0.02f, 7), markAt(0.02f, 0.02f, 12), markAt(0.03f, 0.02f, 7)});
    ASSERT_EQ(ids.size(), 3u);
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-30").size(), 3u);
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-20").size(), 1u);
    EXPECT_EQ(painMarksOf(ed.map(), "").size(), 4u);
    EXPECT_EQ(ed.map().findPainMark(ids[1])->intensity, kMaxSeverity); // clamped to 10
    EXPECT_TRUE(ed.addPainMarks({}).empty());

    undo.undo(); // the whole stroke at once
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-30").size(), 0u);
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-20").size(), 1u);
    undo.redo();
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-30").size(), 3u);

    EXPECT_TRUE(ed.deletePainMark(ids[0]));
    EXPECT_FALSE(ed.deletePainMark(ids[0]));
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-30").size(), 2u);
    // An erasing stroke removes its marks as one step; ids already gone are skipped.
    const auto more = ed.addPainMarks({markAt(0.04f, 0.02f, 3), markAt(0.05f, 0.02f, 3)});
    EXPECT_EQ(ed.deletePainMarks({more[0], more[1], ids[0]}), 2u);
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-30").size(), 2u);
    undo.undo();
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-30").size(), 4u);
    undo.redo();
    EXPECT_EQ(ed.deletePainMarks({more[0]}), 0u);
    // Erasing today's drawing leaves earlier sessions alone, and is undoable too.
    EXPECT_TRUE(ed.clearSessionPain());
    EXPECT_FALSE(ed.clearSessionPain());
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-30").size(), 0u);
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-20").size(), 1u);
    undo.undo();
    EXPECT_EQ(painMarksOf(ed.map(), "2026-11-30").size(), 2u);
}

} // namespace
