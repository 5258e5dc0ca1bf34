#include "core/anatomy/muscle_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace ta::core::anatomy {
namespace {

/// A smooth curve through control values at increasing knots: non-uniform cubic Hermite with
/// Catmull-Rom tangents (one-sided at the ends). T is float or glm::vec3.
template <typename T>
T hermite(const std::vector<T>& values, const std::vector<float>& knots, float s)
{
    const std::size_t n = values.size();
    if (n == 1)
        return values[0];
    std::size_t j = 0;
    while (j + 2 < n && s > knots[j + 1])
        ++j;
    const float h = std::max(knots[j + 1] - knots[j], 1e-9f);
    const float t = std::clamp((s - knots[j]) / h, 0.0f, 1.0f);
    const auto tangent = [&](std::size_t k) -> T {
        const std::size_t a = k == 0 ? 0 : k - 1;
        const std::size_t b = std::min(k + 1, n - 1);
        return (values[b] - values[a]) / std::max(knots[b] - knots[a], 1e-9f);
    };
    const float t2 = t * t, t3 = t2 * t;
    const float h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
    return values[j] * h00 + tangent(j) * (h10 * h) + values[j + 1] * h01 + tangent(j + 1) * (h11 * h);
}

std::vector<float> chordKnots(const std::vector<glm::vec3>& pts)
{
    std::vector<float> k(pts.size(), 0.0f);
    for (std::size_t i = 1; i < pts.size(); ++i)
        k[i] = k[i - 1] + std::max(glm::length(pts[i] - pts[i - 1]), 1e-6f);
    return k;
}

/// `count` points along the smooth curve through `pts`, evenly spaced in chord length.
std::vector<glm::vec3> resample(const std::vector<glm::vec3>& pts, int count)
{
    const auto knots = chordKnots(pts);
    std::vector<glm::vec3> out(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        out[static_cast<std::size_t>(i)] = hermite(pts, knots, knots.back() * static_cast<float>(i) / (count - 1));
    return out;
}

glm::vec3 safeNormalize(const glm::vec3& v, const glm::vec3& fallback)
{
    const float len = glm::length(v);
    return len > 1e-12f ? v / len : fallback;
}

void flipWinding(Mesh& mesh)
{
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
}

} // namespace

Mesh buildMuscleMesh(const MuscleDef& def)
{
    const int nu = def.samplesAcross;
    const int nv = def.samplesAlong;
    const std::size_t ns = def.stations.size();

    // Stations resampled across their width; then the along-direction knots from the middle column.
    std::vector<std::vector<glm::vec3>> across(ns);
    std::vector<float> thickness(ns);
    for (std::size_t s = 0; s < ns; ++s) {
        across[s] = resample(def.stations[s].points, nu);
        thickness[s] = def.stations[s].thickness;
    }
    std::vector<glm::vec3> middle(ns);
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& a = across[s];
        middle[s] = 0.5f * (a[static_cast<std::size_t>((nu - 1) / 2)] + a[static_cast<std::size_t>(nu / 2)]);
    }
    const auto knots = chordKnots(middle);

    // Mid-surface grid P[j][i] (j along, i across) and thickness per row.
    std::vector<std::vector<glm::vec3>> grid(static_cast<std::size_t>(nv), std::vector<glm::vec3>(static_cast<std::size_t>(nu)));
    std::vector<float> rowThickness(static_cast<std::size_t>(nv));
    std::vector<glm::vec3> column(ns);
    for (int j = 0; j < nv; ++j) {
        const float s = knots.back() * static_cast<float>(j) / (nv - 1);
        rowThickness[static_cast<std::size_t>(j)] = std::max(hermite(thickness, knots, s), 0.2e-3f);
        for (int i = 0; i < nu; ++i) {
            for (std::size_t k = 0; k < ns; ++k)
                column[k] = across[k][static_cast<std::size_t>(i)];
            grid[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)] = hermite(column, knots, s);
        }
    }

    const auto at = [&](int j, int i) { return grid[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)]; };
    // Each row becomes a closed ring around the cross-section: the top row (k = i), a rounded side
    // vertex, the bottom row backwards (k = 2nu - i), the other side vertex (k = 2nu + 1).
    const int ring = 2 * nu + 2;
    const int sideRight = nu, sideLeft = 2 * nu + 1;
    const auto bottomK = [&](int i) { return 2 * nu - i; };
    Mesh mesh;
    mesh.positions.resize(static_cast<std::size_t>(nv * ring));
    mesh.fibres.resize(mesh.positions.size());
    glm::vec3 lastNormal(0.0f, 0.0f, 1.0f);
    for (int j = 0; j < nv; ++j) {
        const int j0 = std::max(j - 1, 0), j1 = std::min(j + 1, nv - 1);
        const float rowHalf = 0.5f * rowThickness[static_cast<std::size_t>(j)];
        glm::vec3 rowNormal(0.0f);
        for (int i = 0; i < nu; ++i) {
            const int i0 = std::max(i - 1, 0), i1 = std::min(i + 1, nu - 1);
            const glm::vec3 du = at(j, i1) - at(j, i0);
            const glm::vec3 dv = at(j1, i) - at(j0, i);
            const glm::vec3 n = safeNormalize(glm::cross(du, dv), lastNormal);
            lastNormal = n;
            rowNormal += n;
            const float x = 2.0f * static_cast<float>(i) / static_cast<float>(nu - 1) - 1.0f;
            const float profile = def.edgeRatio + (1.0f - def.edgeRatio) * std::sqrt(std::max(0.0f, 1.0f - x * x));
            const float half = rowHalf * profile;
            const glm::vec3 fibre = safeNormalize(dv, glm::vec3(0.0f, 1.0f, 0.0f));
            const auto top = static_cast<std::size_t>(j * ring + i);
            const auto bottom = static_cast<std::size_t>(j * ring + bottomK(i));
            mesh.positions[top] = at(j, i) + n * half;
            mesh.positions[bottom] = at(j, i) - n * half;
            mesh.fibres[top] = fibre;
            mesh.fibres[bottom] = fibre;
        }
        // Rounded sides: half a circle of the edge thickness beyond each side edge.
        const glm::vec3 n = safeNormalize(rowNormal, lastNormal);
        const float edgeHalf = rowHalf * def.edgeRatio;
        const auto side = [&](int k, int edge, int inner) {
            glm::vec3 w = at(j, edge) - at(j, inner);
            w = safeNormalize(w - n * glm::dot(w, n), glm::vec3(0.0f));
            const auto v = static_cast<std::size_t>(j * ring + k);
            mesh.positions[v] = at(j, edge) + w * edgeHalf;
            mesh.fibres[v] = mesh.fibres[static_cast<std::size_t>(j * ring + edge)];
        };
        side(sideRight, nu - 1, nu - 2);
        side(sideLeft, 0, 1);
    }

    const auto vid = [&](int j, int k) { return static_cast<std::uint32_t>(j * ring + k); };
    const auto quad = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
        mesh.indices.insert(mesh.indices.end(), {a, b, c, a, c, d});
    };
    for (int j = 0; j + 1 < nv; ++j)
        for (int k = 0; k < ring; ++k) {
            const int k2 = (k + 1) % ring;
            quad(vid(j, k), vid(j, k2), vid(j + 1, k2), vid(j + 1, k));
        }
    // End caps: strips between the top and bottom rows plus a triangle at each rounded side, wound
    // against the tube's edges so that the surface stays consistently oriented.
    const int last = nv - 1;
    for (int i = 0; i + 1 < nu; ++i) {
        const int top0 = i, top1 = i + 1, bot0 = bottomK(i), bot1 = bottomK(i + 1);
        quad(vid(0, bot0), vid(0, bot1), vid(0, top1), vid(0, top0));
        quad(vid(last, top0), vid(last, top1), vid(last, bot1), vid(last, bot0));
    }
    const auto tri = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) { mesh.indices.insert(mesh.indices.end(), {a, b, c}); };
    tri(vid(0, bottomK(nu - 1)), vid(0, sideRight), vid(0, nu - 1));
    tri(vid(0, 0), vid(0, sideLeft), vid(0, bottomK(0)));
    tri(vid(last, nu - 1), vid(last, sideRight), vid(last, bottomK(nu - 1)));
    tri(vid(last, bottomK(0)), vid(last, sideLeft), vid(last, 0));
    if (mesh.signedVolume() < 0.0)
        flipWinding(mesh);
    mesh.computeNormals();
    return mesh;
}

Mesh mirrorMesh(const Mesh& mesh)
{
    Mesh out = mesh;
    const auto flipX = [](std::vector<glm::vec3>& v) {
        for (auto& p : v)
            p.x = -p.x;
    };
    flipX(out.positions);
    flipX(out.normals);
    flipX(out.fibres);
    flipWinding(out);
    return out;
}

std::vector<Structure> buildMuscles(const MuscleSpec& spec)
{
    std::vector<Structure> out;
    out.reserve(spec.muscles.size() * 2);
    for (const auto& def : spec.muscles) {
        Structure left;
        left.id = def.id + "-left";
        left.name = def.nameLeft;
        left.latin = def.latin;
        left.fma = def.fmaLeft;
        left.side = Side::Left;
        left.layer = def.layer;
        left.kind = Kind::Muscle;
        left.mesh = buildMuscleMesh(def);

        Structure right = left;
        right.id = def.id + "-right";
        right.name = def.nameRight;
        right.fma = def.fmaRight;
        right.side = Side::Right;
        right.mesh = mirrorMesh(left.mesh);

        out.push_back(std::move(left));
        out.push_back(std::move(right));
    }
    return out;
}

} // namespace ta::core::anatomy
