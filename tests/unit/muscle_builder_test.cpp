// Procedural muscle geometry: closed, outward, smooth, with unit fibres along origin -> insertion,
// mirror-symmetric, deterministic, and attached where the anatomy says.
#include "core/anatomy/muscle_builder.h"

#include <gtest/gtest.h>
#include <glm/gtx/norm.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

namespace {

using namespace ta::core;
using namespace ta::core::anatomy;

const AnatomySpec& anatomy()
{
    static const AnatomySpec s = AnatomySpec::load(std::filesystem::path(TA_TEST_DIR) / ".." / "assets" / "anatomy");
    return s;
}

const MuscleSpec& spec()
{
    return anatomy().muscles;
}

const std::vector<Structure>& muscles()
{
    static const std::vector<Structure> m = buildMuscles(anatomy());
    return m;
}

/// Mean of the ring of vertices at one end of a muscle's tube (row 0 or the last row).
glm::vec3 endCentre(const MuscleDef& def, const Mesh& mesh, bool last)
{
    const std::size_t ring = static_cast<std::size_t>(2 * def.samplesAcross + 2);
    const std::size_t first = last ? static_cast<std::size_t>(def.samplesAlong - 1) * ring : 0;
    glm::vec3 c(0.0f);
    for (std::size_t k = 0; k < ring; ++k)
        c += mesh.positions[first + k] / static_cast<float>(ring);
    return c;
}

const Structure& get(const std::string& id)
{
    for (const auto& s : muscles())
        if (s.id == id)
            return s;
    throw std::runtime_error("no structure " + id);
}

/// Distance (metres) from p to the nearest vertex of the mesh.
float nearestVertex(const Mesh& mesh, const glm::vec3& p)
{
    float best = 1e9f;
    for (const auto& v : mesh.positions)
        best = std::min(best, glm::distance(v, p));
    return best;
}

TEST(MuscleBuilder, BothSidesOfEveryMuscleWithMetadata)
{
    const auto& all = muscles();
    ASSERT_EQ(all.size(), spec().muscles.size() * 2);
    for (std::size_t i = 0; i < spec().muscles.size(); ++i) {
        const auto& def = spec().muscles[i];
        const auto& left = all[2 * i];
        const auto& right = all[2 * i + 1];
        EXPECT_EQ(left.id, def.id + "-left");
        EXPECT_EQ(right.id, def.id + "-right");
        EXPECT_EQ(left.side, Side::Left);
        EXPECT_EQ(right.side, Side::Right);
        EXPECT_EQ(left.kind, def.kind);
        EXPECT_EQ(right.layer, def.layer);
        EXPECT_EQ(left.name, def.nameLeft);
        EXPECT_EQ(right.name, def.nameRight);
        EXPECT_EQ(left.latin, def.latin);
        EXPECT_EQ(left.fma, def.fmaLeft);
        EXPECT_EQ(right.fma, def.fmaRight);
    }
    EXPECT_EQ(get("levator-scapulae-right").fma, "FMA32540");
    EXPECT_EQ(get("trapezius-ascending-left").fma, "FMA33583");
}

TEST(MuscleBuilder, EveryMeshIsClosedAndWoundOutward)
{
    for (const auto& s : muscles()) {
        const Mesh& m = s.mesh;
        ASSERT_FALSE(m.empty()) << s.id;
        ASSERT_EQ(m.normals.size(), m.positions.size()) << s.id;
        ASSERT_EQ(m.fibres.size(), m.positions.size()) << s.id;
        // Closed two-manifold: every directed edge appears once and its reverse once.
        std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
        for (std::size_t t = 0; t < m.indices.size(); t += 3)
            for (int k = 0; k < 3; ++k)
                ++edges[{m.indices[t + k], m.indices[t + (k + 1) % 3]}];
        for (const auto& [e, count] : edges) {
            ASSERT_EQ(count, 1) << s.id << " directed edge used twice";
            ASSERT_EQ(edges.count({e.second, e.first}), 1u) << s.id << " open edge";
        }
        EXPECT_GT(m.signedVolume(), 1e-7) << s.id << " (at least 0.1 cm^3, positive = outward)";
        // Smooth unit normals that point away from the muscle's centre on average.
        const glm::vec3 c = m.bounds().centre();
        double outward = 0.0;
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            EXPECT_NEAR(glm::length(m.normals[i]), 1.0f, 1e-4f) << s.id;
            outward += glm::dot(m.normals[i], m.positions[i] - c);
        }
        EXPECT_GT(outward, 0.0) << s.id;
    }
}

TEST(MuscleBuilder, FibresAreUnitAndRunFromOriginToInsertion)
{
    for (std::size_t i = 0; i < spec().muscles.size(); ++i) {
        const auto& def = spec().muscles[i];
        const auto& s = muscles()[2 * i];
        const glm::vec3 origin = endCentre(def, s.mesh, false), insertion = endCentre(def, s.mesh, true);
        const glm::vec3 axis = glm::normalize(insertion - origin);
        if (def.id == "orbicularis-oculi") {
            // A sphincter: its fibres run round the eye, so no single axis fits them; they must run round the
            // orbit's centre (across the radius), not out from it.
            const glm::vec3 centre = 0.5f * (origin + insertion) + glm::vec3(0.015f, 0.0f, 0.0f);
            int round = 0;
            for (std::size_t v = 0; v < s.mesh.fibres.size(); ++v) {
                glm::vec3 radial = s.mesh.positions[v] - centre;
                radial.z = 0.0f;
                round += std::abs(glm::dot(s.mesh.fibres[v], glm::normalize(radial))) < 0.5f;
            }
            EXPECT_GT(static_cast<double>(round) / static_cast<double>(s.mesh.fibres.size()), 0.8) << s.id;
            continue;
        }
        int along = 0;
        for (const auto& f : s.mesh.fibres) {
            ASSERT_NEAR(glm::length(f), 1.0f, 1e-4f) << s.id;
            if (glm::dot(f, axis) > 0.0f)
                ++along;
        }
        // Curved and fanning muscles bend their fibres, but nearly all run the same way as the axis.
        EXPECT_GT(static_cast<double>(along) / static_cast<double>(s.mesh.fibres.size()), 0.9) << s.id;
    }
}

TEST(MuscleBuilder, RightSideMirrorsLeft)
{
    for (std::size_t i = 0; i < spec().muscles.size(); ++i) {
        const Mesh& l = muscles()[2 * i].mesh;
        const Mesh& r = muscles()[2 * i + 1].mesh;
        ASSERT_EQ(l.positions.size(), r.positions.size());
        ASSERT_EQ(l.indices.size(), r.indices.size());
        for (std::size_t k = 0; k < l.positions.size(); ++k) {
            EXPECT_EQ(r.positions[k], glm::vec3(-l.positions[k].x, l.positions[k].y, l.positions[k].z));
            EXPECT_EQ(r.fibres[k], glm::vec3(-l.fibres[k].x, l.fibres[k].y, l.fibres[k].z));
        }
        EXPECT_NEAR(r.signedVolume(), l.signedVolume(), 1e-12);
        // Left side is at +X (apart from midline origins).
        EXPECT_GT(l.bounds().centre().x, 0.0f) << muscles()[2 * i].id;
    }
}

TEST(MuscleBuilder, Deterministic)
{
    const auto again = buildMuscles(anatomy());
    ASSERT_EQ(again.size(), muscles().size());
    for (std::size_t i = 0; i < again.size(); ++i) {
        EXPECT_EQ(again[i].mesh.positions, muscles()[i].mesh.positions);
        EXPECT_EQ(again[i].mesh.indices, muscles()[i].mesh.indices);
    }
}

// Attachments near their landmarks (model frame, metres, left side). The landmark positions are those of
// the reference specimen (BodyParts3D, measured by the fidelity helper); tolerances are a finger's width.
TEST(MuscleBuilder, AttachmentsSitAtTheirLandmarks)
{
    const glm::vec3 acromioclavicular(0.148f, 1.362f, 0.065f);
    const glm::vec3 mastoidTip(0.0415f, 1.497f, 0.075f);
    const glm::vec3 c1Transverse(0.0415f, 1.476f, 0.082f);
    const glm::vec3 c2Spinous(-0.0014f, 1.449f, 0.048f);
    const glm::vec3 c1PosteriorTubercle(0.0f, 1.477f, 0.054f);
    const glm::vec3 c7Spinous(0.0f, 1.384f, 0.024f);
    const glm::vec3 inion(0.0f, 1.525f, 0.005f);
    const glm::vec3 sternalNotch(0.0f, 1.342f, 0.141f);
    const glm::vec3 superiorAngle(0.062f, 1.332f, 0.008f); // end of the reference levator scapulae

    // Upper trapezius: from the inion region down the nuchal ligament to C7, to the lateral clavicle.
    const Mesh& ut = get("trapezius-descending-left").mesh;
    EXPECT_LT(nearestVertex(ut, inion), 0.030f); // the specimen's fibres stop ~2 cm below the inion
    EXPECT_LT(nearestVertex(ut, c7Spinous), 0.020f);
    EXPECT_LT(nearestVertex(ut, acromioclavicular), 0.035f);
    EXPECT_GT(ut.bounds().max.x, 0.115f); // reaches the lateral third of the clavicle
    // SCM reaches the mastoid region and the sternum.
    EXPECT_LT(nearestVertex(get("sternocleidomastoid-clavicular-left").mesh, mastoidTip), 0.025f);
    EXPECT_LT(nearestVertex(get("sternocleidomastoid-sternal-left").mesh, sternalNotch), 0.025f);
    // Levator scapulae: C1 transverse process down to the superior angle.
    const Mesh& ls = get("levator-scapulae-left").mesh;
    EXPECT_LT(nearestVertex(ls, c1Transverse), 0.012f);
    EXPECT_LT(nearestVertex(ls, superiorAngle), 0.012f);
    // Suboccipitals.
    EXPECT_LT(nearestVertex(get("rectus-capitis-posterior-major-left").mesh, c2Spinous), 0.010f);
    EXPECT_LT(nearestVertex(get("obliquus-capitis-inferior-left").mesh, c2Spinous), 0.010f);
    EXPECT_LT(nearestVertex(get("obliquus-capitis-inferior-left").mesh, c1Transverse), 0.010f);
    EXPECT_LT(nearestVertex(get("obliquus-capitis-superior-left").mesh, c1Transverse), 0.010f);
    EXPECT_LT(nearestVertex(get("rectus-capitis-posterior-minor-left").mesh, c1PosteriorTubercle), 0.010f);
    // Splenius capitis ends at the mastoid.
    EXPECT_LT(nearestVertex(get("splenius-capitis-left").mesh, mastoidTip), 0.025f);
}

/// Share of the vertices of `mesh`, end rings left out, more than 1.5 mm inside any bone of `over`.
double sunkIntoBone(const MuscleDef& def, const Mesh& mesh)
{
    const std::size_t ring = static_cast<std::size_t>(2 * def.samplesAcross + 2);
    const std::size_t rows = static_cast<std::size_t>(def.samplesAlong);
    std::size_t sunk = 0, n = 0;
    for (std::size_t v = ring; v < (rows - 1) * ring; ++v) {
        ++n;
        for (const auto& bone : anatomy().structures)
            for (const auto& id : def.wrap.over)
                if ((bone.id == id || bone.id == id + "-left") && bone.shape.distance(mesh.positions[v] * 1000.0f, true) < -1.5f) {
                    ++sunk;
                    goto next;
                }
    next:;
    }
    return n ? static_cast<double>(sunk) / static_cast<double>(n) : 0.0;
}

// Between its attachments a muscle lies on the bones it is wrapped over, not in them; and it is the
// wrap that does it: the same trapezius built without one cuts through the spine and the scapula.
TEST(MuscleBuilder, BelliesLieOnTheBonesBeneathThem)
{
    for (std::size_t i = 0; i < spec().muscles.size(); ++i) {
        const auto& def = spec().muscles[i];
        EXPECT_LT(sunkIntoBone(def, muscles()[2 * i].mesh), 0.03) << def.id;
    }
    const MuscleDef* trap = spec().find("trapezius-transverse");
    ASSERT_NE(trap, nullptr);
    MuscleDef bare = *trap;
    const auto placed = anatomy().placedLandmarks();
    bare.stations = resolveStations(
        bare,
        [&](const std::string& id) -> std::optional<glm::vec3> {
            for (const auto& l : placed)
                if (l.id == id || l.id == id + "-left")
                    return l.position;
            return std::nullopt;
        },
        "muscles.json");
    const Mesh unwrapped = buildMuscleMesh(bare);
    EXPECT_GT(sunkIntoBone(bare, unwrapped), 0.05);
}

TEST(MuscleBuilder, SmallestGridIsStillClosedAndOutward)
{
    // Two stations, the fewest samples the spec allows, the sheet's normal pointing either way.
    for (const float flip : {1.0f, -1.0f}) {
        MuscleDef def;
        def.id = "tiny";
        def.samplesAlong = 4;
        def.samplesAcross = 3;
        def.stations = {{{{0.0f, 1.40f, 0.0f}, {0.01f * flip, 1.40f, 0.0f}}, 0.002f},
                        {{{0.0f, 1.45f, 0.0f}, {0.01f * flip, 1.45f, 0.0f}}, 0.003f}};
        const Mesh m = buildMuscleMesh(def);
        EXPECT_EQ(m.positions.size(), 4u * (2u * 3u + 2u));
        EXPECT_GT(m.signedVolume(), 0.0);
        // Volume close to width x length x mean thickness (lens profile with rounded sides).
        EXPECT_NEAR(m.signedVolume(), 0.01 * 0.05 * 0.0025 * 0.7, 0.01 * 0.05 * 0.0025 * 0.35);
        std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
        for (std::size_t t = 0; t < m.indices.size(); t += 3)
            for (int k = 0; k < 3; ++k)
                ++edges[{m.indices[t + k], m.indices[t + (k + 1) % 3]}];
        for (const auto& [e, count] : edges) {
            EXPECT_EQ(count, 1);
            EXPECT_EQ(edges.count({e.second, e.first}), 1u);
        }
        for (const auto& f : m.fibres)
            EXPECT_NEAR(f.y, 1.0f, 1e-4f); // straight up, origin -> insertion
    }
}

} // namespace
