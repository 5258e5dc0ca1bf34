// Projection of referral zones onto meshes, trigger-point snapping and drawing-based lookup, on small
// meshes built here (spheres), independent of the committed model.
#include "core/error.h"
#include "core/referral/mesh_query.h"
#include "core/referral/referral_atlas.h"
#include "core/referral/referral_projector.h"
#include "core/referral/reverse_lookup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace ta::core;

namespace {

Mesh sphere(glm::vec3 centre, float radius, int rings = 48, int segments = 96)
{
    Mesh m;
    for (int r = 0; r <= rings; ++r) {
        const float phi = 3.14159265f * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s < segments; ++s) {
            const float th = 2.0f * 3.14159265f * static_cast<float>(s) / static_cast<float>(segments);
            m.positions.push_back(centre + radius * glm::vec3(std::sin(phi) * std::cos(th), std::cos(phi),
                                                              std::sin(phi) * std::sin(th)));
        }
    }
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            const auto a = static_cast<std::uint32_t>(r * segments + s);
            const auto b = static_cast<std::uint32_t>(r * segments + (s + 1) % segments);
            const auto c = a + static_cast<std::uint32_t>(segments), d = b + static_cast<std::uint32_t>(segments);
            m.indices.insert(m.indices.end(), {a, b, c, b, d, c});
        }
    return m;
}

/// A "head": skin sphere r = 0.1 at the origin, a "skull" sphere r = 0.09 inside, a small muscle on each side,
/// landmarks on both sides.
AnatomyModel headModel()
{
    AnatomyModel m;
    m.structures.push_back({"skin", "Skin", "", "", Side::Midline, Layer::Skin, Kind::Skin, sphere({0, 0, 0}, 0.1f)});
    m.structures.push_back({"skull", "Skull", "", "", Side::Midline, Layer::Bone, Kind::Bone, sphere({0, 0, 0}, 0.09f)});
    m.structures.push_back({"knot-left", "Left knot", "", "", Side::Left, Layer::Superficial, Kind::Muscle,
                            sphere({0.06f, -0.05f, 0}, 0.02f, 16, 32)});
    m.structures.push_back({"knot-right", "Right knot", "", "", Side::Right, Layer::Superficial, Kind::Muscle,
                            sphere({-0.06f, -0.05f, 0}, 0.02f, 16, 32)});
    m.landmarks = {{"ear-left", "", {0.1f, 0, 0}}, {"ear-right", "", {-0.1f, 0, 0}}, {"vertex", "", {0, 0.1f, 0}},
                   {"chin", "", {0, -0.1f, 0.02f}}};
    return m;
}

ShapeDef ellipsoidAt(const std::string& landmark, glm::vec3 offset, glm::vec3 radii)
{
    ShapeDef s;
    s.kind = ShapeKind::Ellipsoid;
    s.a.from = landmark;
    s.a.offset = offset;
    s.radii = radii;
    return s;
}

ReferralData headData()
{
    ReferralData d;
    d.sources["S1"] = "test";
    d.muscles.push_back({"knot", "Knot", "Nodus", "", "o", "i", "a", "n", Layer::Superficial, {"knot"}, {"S1"}});
    RegionRecord ear{"ear", "Ear", {}, {}, "head", false, {ellipsoidAt("ear-{side}", {0, 0, 0}, glm::vec3(0.03f))}};
    RegionRecord crown{"crown", "Crown", {}, {}, "head", false, {ellipsoidAt("vertex", {0.04f, 0, 0}, glm::vec3(0.03f))}};
    RegionRecord inner{"inner-ear", "Inner ear", {}, {}, "head", true, {ellipsoidAt("ear-{side}", {0, 0, 0}, glm::vec3(0.02f))}};
    inner.volume = ellipsoidAt("ear-{side}", {-0.03f, 0, 0}, glm::vec3(0.01f));
    d.regions = {ear, crown, inner};
    TriggerPointRecord t;
    t.id = "knot.trp";
    t.name = "Knot TrP";
    t.sheetId = "K";
    t.muscle = "knot";
    t.structures = {"knot"};
    t.location.from = "ear-{side}";
    t.location.offset = {-0.02f, -0.05f, 0.0f};
    t.essential = {{"ear", ZoneSide::Same}};
    t.spillover = {{"crown", ZoneSide::Same}, {"inner-ear", ZoneSide::Same}};
    t.sources = {"S1"};
    d.triggerPoints.push_back(t);
    TriggerPointRecord u = t;
    u.id = "knot.crown";
    u.essential = {{"crown", ZoneSide::Same}};
    u.spillover = {};
    d.triggerPoints.push_back(u);
    return d;
}

float sumWhere(const Mesh& m, const std::vector<float>& w, bool positiveX)
{
    float s = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        if ((m.positions[i].x > 0) == positiveX)
            s += w[i];
    return s;
}

} // namespace

TEST(RegionShape, SoftEdgesFallToZeroAtTheBoundary)
{
    ResolvedShape e{ShapeKind::Ellipsoid, {0, 0, 0}, {0, 0, 0}, {0.1f, 0.2f, 0.3f}};
    EXPECT_FLOAT_EQ(e.weight({0, 0, 0}, 0.4f), 1.0f);
    EXPECT_FLOAT_EQ(e.weight({0.1f, 0, 0}, 0.4f), 0.0f);
    EXPECT_FLOAT_EQ(e.weight({0, 0, 0.31f}, 0.4f), 0.0f);
    const float mid = e.weight({0, 0.16f, 0}, 0.4f); // d = 0.8, inside the soft band [0.6, 1]
    EXPECT_GT(mid, 0.0f);
    EXPECT_LT(mid, 1.0f);
    EXPECT_GT(e.weight({0, 0.14f, 0}, 0.4f), mid); // monotone
    ResolvedShape c{ShapeKind::Capsule, {0, 0, 0}, {0, 1, 0}, glm::vec3(0.1f)};
    EXPECT_FLOAT_EQ(c.weight({0, 0.5f, 0}, 0.3f), 1.0f);
    EXPECT_FLOAT_EQ(c.weight({0.2f, 0.5f, 0}, 0.3f), 0.0f);
    EXPECT_GT(c.weight({0, 1.05f, 0}, 0.3f), 0.0f); // rounded end
    EXPECT_NEAR(c.normalisedDistance({0.05f, 0.5f, 0}), 0.5f, 1e-6f);
}

TEST(MeshQuery, ClosestPointOnSphere)
{
    const Mesh s = sphere({0, 0, 0}, 0.1f);
    const ClosestPoint c = closestPointOnMesh(s, {0.3f, 0, 0});
    EXPECT_NEAR(c.distance, 0.2f, 1e-3f);
    EXPECT_NEAR(c.point.x, 0.1f, 1e-3f);
    EXPECT_LT(closestPointOnMesh(Mesh{}, {0, 0, 0}).distance, 0.0f);
}

TEST(ReferralAtlas, SnapsTriggerPointsAndMirrorsSides)
{
    const AnatomyModel model = headModel();
    const ReferralData data = headData();
    const auto atlas = ReferralAtlas::build(data, model);
    ASSERT_EQ(atlas.triggerPoints().size(), 4u);
    ASSERT_EQ(atlas.regions().size(), 6u);
    const auto& left = atlas.triggerPoints()[atlas.triggerPointIndex("knot.trp", Side::Left).value().value];
    const auto& right = atlas.triggerPoints()[atlas.triggerPointIndex("knot.trp", Side::Right).value().value];
    // Defined at ear + (-0.02, -0.05, 0) = (0.08, -0.05, 0); the knot's surface is 0.02 from its centre (0.06, -0.05, 0).
    EXPECT_NEAR(left.defined.x, 0.08f, 1e-6f);
    EXPECT_NEAR(right.defined.x, -0.08f, 1e-6f);
    EXPECT_EQ(model.get(left.structure)->id, "knot-left");
    EXPECT_EQ(model.get(right.structure)->id, "knot-right");
    EXPECT_LT(closestPointOnMesh(model.get(left.structure)->mesh, left.position).distance, 1e-5f);
    EXPECT_NEAR(glm::length(left.position - glm::vec3(0.06f, -0.05f, 0)), 0.02f, 5e-4f);
    EXPECT_NEAR(left.snapDistance, 0.0f, 5e-4f);
    // Deep zones give a volume to show.
    const auto vols = atlas.deepVolumes(atlas.triggerPointIndex("knot.trp", Side::Left).value().value);
    ASSERT_EQ(vols.size(), 1u);
    EXPECT_NEAR(vols[0].a.x, 0.07f, 1e-6f);
}

TEST(ReferralAtlas, MissingLandmarkOrStructureIsNamed)
{
    AnatomyModel model = headModel();
    model.landmarks.erase(model.landmarks.begin() + 2); // vertex
    const ReferralData data = headData();
    try {
        ReferralAtlas::build(data, model);
        FAIL() << "no error";
    } catch (const ta::ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("regions[crown]"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("\"vertex\""), std::string::npos) << e.what();
    }
    model = headModel();
    model.structures.pop_back();
    try {
        ReferralAtlas::build(data, model);
        FAIL() << "no error";
    } catch (const ta::ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("knot-right"), std::string::npos) << e.what();
    }
}

TEST(ReferralProjector, LeftTriggerPointPaintsTheLeftSideWithSoftEdges)
{
    const AnatomyModel model = headModel();
    const ReferralData data = headData();
    const auto atlas = ReferralAtlas::build(data, model);
    const Mesh& skin = model.get(model.find("skin"))->mesh;
    const ReferralProjector proj(atlas, skin);
    const auto map = proj.map(atlas.triggerPointIndex("knot.trp", Side::Left).value().value);
    ASSERT_EQ(map.essential.size(), skin.vertexCount());
    EXPECT_GT(sumWhere(skin, map.essential, true), 5.0f);
    EXPECT_EQ(sumWhere(skin, map.essential, false), 0.0f);
    int soft = 0, full = 0;
    for (float w : map.essential) {
        EXPECT_GE(w, 0.0f);
        EXPECT_LE(w, 1.0f);
        soft += (w > 0.0f && w < 1.0f);
        full += (w == 1.0f);
    }
    EXPECT_GT(soft, 0);
    EXPECT_GT(full, 0);
    // Spillover: the crown (left half) plus the inner ear footprint.
    EXPECT_GT(sumWhere(skin, map.spillover, true), 5.0f);
    EXPECT_EQ(sumWhere(skin, map.spillover, false), 0.0f);
    // Painted area of the ear region: a spherical cap of the 0.03 ellipsoid on the 0.1 sphere, ~pi*0.03^2 at most.
    const double area = proj.regionArea(atlas.regionIndex({0, Side::Left}).value());
    EXPECT_GT(area, 0.0005);
    EXPECT_LT(area, 3.1416 * 0.03 * 0.03);
}

TEST(ReferralProjector, WorksOnAnyMeshInTheModelFrame)
{
    const AnatomyModel model = headModel();
    const ReferralData data = headData();
    const auto atlas = ReferralAtlas::build(data, model);
    const Mesh& skull = model.get(model.find("skull"))->mesh; // 1 cm under the skin
    const ReferralProjector proj(atlas, skull);
    const auto map = proj.map(atlas.triggerPointIndex("knot.trp", Side::Right).value().value);
    EXPECT_GT(sumWhere(skull, map.essential, false), 1.0f);
    EXPECT_EQ(sumWhere(skull, map.essential, true), 0.0f);
    const ReferralProjector empty(atlas, Mesh{});
    EXPECT_TRUE(empty.map(0).essential.empty());
}

TEST(LookupDrawing, PaintedZoneFindsItsTriggerPoint)
{
    const AnatomyModel model = headModel();
    const ReferralData data = headData();
    const auto atlas = ReferralAtlas::build(data, model);
    const Mesh& skin = model.get(model.find("skin"))->mesh;
    const ReferralProjector proj(atlas, skin);
    // Draw the right ear region.
    const auto drawing = proj.regionMap(atlas.regionIndex({0, Side::Right}).value());
    const auto hits = lookupDrawing(proj, drawing);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(data.triggerPointKey(hits[0].triggerPoint), "knot.trp-right");
    EXPECT_NEAR(hits[0].essentialCoverage, 1.0f, 1e-4f);
    EXPECT_NE(hits[0].reason.find("essential zone covers 100% of the drawing"), std::string::npos) << hits[0].reason;
    for (const auto& h : hits)
        EXPECT_EQ(h.triggerPoint.side, Side::Right);
    // Draw the crown on both sides: each side's crown TrP explains its side, so the crown TrP is one hit
    // on both sides, explaining (nearly) all of the drawing, ahead of the ear TrPs.
    auto both = proj.regionMap(atlas.regionIndex({1, Side::Left}).value());
    const auto r = proj.regionMap(atlas.regionIndex({1, Side::Right}).value());
    for (std::size_t i = 0; i < both.size(); ++i)
        both[i] = std::max(both[i], r[i]);
    const auto hb = lookupDrawing(proj, both);
    ASSERT_GE(hb.size(), 1u);
    EXPECT_EQ(data.triggerPoints[hb[0].triggerPoint.index].id, "knot.crown");
    EXPECT_TRUE(hb[0].bothSides);
    EXPECT_GT(hb[0].essentialCoverage, 0.95f);
    EXPECT_EQ(std::count_if(hb.begin(), hb.end(), [&](const LookupHit& h) { return data.triggerPoints[h.triggerPoint.index].id == "knot.crown"; }), 1);
    // Only the left crown drawn: one-sided, the left copy alone, not a both-sides hit.
    const auto hl = lookupDrawing(proj, proj.regionMap(atlas.regionIndex({1, Side::Left}).value()));
    ASSERT_FALSE(hl.empty());
    EXPECT_EQ(data.triggerPointKey(hl[0].triggerPoint), "knot.crown-left");
    EXPECT_FALSE(hl[0].bothSides);
    EXPECT_TRUE(lookupDrawing(proj, std::vector<float>(3, 1.0f)).empty()); // wrong size
}

TEST(ReferralProjector, ASpilloverZoneFeltOccasionallyIsDrawnLighterAndTheOthersAsBefore)
{
    const AnatomyModel model = headModel();
    const ReferralData plainData = headData();
    ReferralData gradedData = headData();
    gradedData.triggerPoints[0].spillover[0].frequency = ZoneFrequency::Occasional; // the crown
    const auto plainAtlas = ReferralAtlas::build(plainData, model);
    const auto gradedAtlas = ReferralAtlas::build(gradedData, model);
    const Mesh& skin = model.get(model.find("skin"))->mesh;
    const ReferralProjector plain(plainAtlas, skin), graded(gradedAtlas, skin);
    const auto id = gradedAtlas.triggerPointIndex("knot.trp", Side::Left).value().value;
    const auto& shades = gradedAtlas.triggerPoints()[id].spilloverShade;
    ASSERT_EQ(shades.size(), 2u);
    EXPECT_FLOAT_EQ(shades[0], frequencyShade(ZoneFrequency::Occasional));
    EXPECT_FLOAT_EQ(shades[1], 1.0f);
    const auto a = plain.map(id), b = graded.map(id);
    int crown = 0;
    for (std::size_t v = 0; v < skin.vertexCount(); ++v) {
        EXPECT_FLOAT_EQ(b.essential[v], a.essential[v]) << "essential zones are never graded";
        if (skin.positions[v].y > 0.04f) { // the crown, far from the inner ear
            EXPECT_NEAR(b.spillover[v], 0.6f * a.spillover[v], 1e-6f) << v;
            crown += a.spillover[v] > 0.5f;
        } else {
            EXPECT_FLOAT_EQ(b.spillover[v], a.spillover[v]) << v;
        }
    }
    EXPECT_GT(crown, 10);
    // The regions the reverse lookup reads are the same: only the picture changes.
    for (std::size_t r = 0; r < gradedAtlas.regions().size(); ++r)
        EXPECT_EQ(graded.region(r).weights, plain.region(r).weights) << r;
}
