#include "core/anatomy/muscle_builder.h"

#include "core/anatomy/model_generator.h"
#include "core/anatomy/muscle_tendon.h"
#include "core/anatomy/surface_cloud_field.h"
#include "core/error.h"

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

/// Thickness across the width: full at the middle, edgeRatio of it at the side edges.
float widthProfile(const MuscleDef& def, int i, int nu)
{
    const float x = 2.0f * static_cast<float>(i) / static_cast<float>(nu - 1) - 1.0f;
    return def.edgeRatio + (1.0f - def.edgeRatio) * std::sqrt(std::max(0.0f, 1.0f - x * x));
}

using Grid = std::vector<std::vector<glm::vec3>>;

/// One relaxation pass: every row between the attachments moves half-way to the mean of its four
/// neighbours (the side edges use their own point for the missing one).
void relax(Grid& grid)
{
    const int nv = static_cast<int>(grid.size());
    const int nu = static_cast<int>(grid[0].size());
    const Grid before = grid;
    const auto at = [&](int j, int i) {
        return before[static_cast<std::size_t>(j)][static_cast<std::size_t>(std::clamp(i, 0, nu - 1))];
    };
    for (int j = 1; j + 1 < nv; ++j)
        for (int i = 0; i < nu; ++i) {
            const glm::vec3 mean = 0.25f * (at(j - 1, i) + at(j + 1, i) + at(j, i - 1) + at(j, i + 1));
            grid[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)] = 0.5f * (at(j, i) + mean);
        }
}

/// Moves each point between the attachments along the field's gradient until its distance from what
/// lies beneath is the gap plus half the local thickness: always out of it, and with `hug` also down
/// onto it from up to wrap.hug above.
void project(Grid& grid, const std::vector<float>& rowThickness, const MuscleDef& def, const UnderlyingField& under,
             bool hug)
{
    const int nv = static_cast<int>(grid.size());
    const int nu = static_cast<int>(grid[0].size());
    constexpr float h = 0.0005f;      // gradient step, metres
    constexpr float maxMove = 0.020f; // no single move farther than this
    for (int j = 1; j + 1 < nv; ++j) {
        for (int i = 0; i < nu; ++i) {
            glm::vec3& p = grid[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)];
            const float d = under(p);
            if (!(d < 0.5f))
                continue;
            const float target = def.wrap.gap + 0.5f * rowThickness[static_cast<std::size_t>(j)] * widthProfile(def, i, nu);
            const float excess = d - target;
            if (excess >= 0.0f && (!hug || excess > def.wrap.hug))
                continue;
            const glm::vec3 g{under(p + glm::vec3(h, 0, 0)) - under(p - glm::vec3(h, 0, 0)),
                              under(p + glm::vec3(0, h, 0)) - under(p - glm::vec3(0, h, 0)),
                              under(p + glm::vec3(0, 0, h)) - under(p - glm::vec3(0, 0, h))};
            const float len = glm::length(g);
            if (!(len > 1e-9f) || !std::isfinite(len))
                continue;
            p -= std::clamp(excess, -maxMove, maxMove) * (g / len);
        }
    }
}

/// Lays the rows between the attachments over `under`: six rounds of projecting (hugging) and relaxing,
/// then three of relaxing and pushing out only, so that the sheet ends smooth and never inside.
void layOver(Grid& grid, const std::vector<float>& rowThickness, const MuscleDef& def, const UnderlyingField& under)
{
    for (int round = 0; round < 6; ++round) {
        project(grid, rowThickness, def, under, true);
        relax(grid);
    }
    for (int round = 0; round < 3; ++round) {
        relax(grid);
        project(grid, rowThickness, def, under, false);
    }
}

} // namespace

Mesh buildMuscleMesh(const MuscleDef& def, const UnderlyingField& under)
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
        float t = hermite(thickness, knots, s);
        if (def.belly > 0.0f)
            t = std::max(t, def.belly * std::pow(std::sin(3.14159265f * static_cast<float>(j) / static_cast<float>(nv - 1)), 0.6f));
        rowThickness[static_cast<std::size_t>(j)] = std::max(t, 0.2e-3f);
        for (int i = 0; i < nu; ++i) {
            for (std::size_t k = 0; k < ns; ++k)
                column[k] = across[k][static_cast<std::size_t>(i)];
            grid[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)] = hermite(column, knots, s);
        }
    }
    if (under)
        layOver(grid, rowThickness, def, under);

    const auto at = [&](int j, int i) { return grid[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)]; };
    // Each row becomes a closed ring around the cross-section: the top row (k = i), a rounded side
    // vertex, the bottom row backwards (k = 2nu - i), the other side vertex (k = 2nu + 1).
    const int ring = 2 * nu + 2;
    const int sideRight = nu, sideLeft = 2 * nu + 1;
    const auto bottomK = [&](int i) { return 2 * nu - i; };
    // The coordinate across the sheet: the grid column's share of the width times the sheet's mean width
    // (metres). Its constant lines are the grid's columns, which run along the fibres, so striations drawn
    // from it follow the fibres and fan out with them.
    float meanWidth = 0.0f;
    for (int j = 0; j < nv; ++j)
        for (int i = 1; i < nu; ++i)
            meanWidth += glm::length(at(j, i) - at(j, i - 1)) / static_cast<float>(nv);
    const auto acrossAt = [&](int i) { return meanWidth * static_cast<float>(i) / static_cast<float>(nu - 1); };

    Mesh mesh;
    mesh.positions.resize(static_cast<std::size_t>(nv * ring));
    mesh.fibres.resize(mesh.positions.size());
    mesh.across.resize(mesh.positions.size());
    if (!def.tendons.empty())
        mesh.tendon.resize(mesh.positions.size());
    const auto tendonAt = [&](int j, int i) {
        return tendonShare(def.tendons, static_cast<float>(j) / static_cast<float>(nv - 1),
                           static_cast<float>(i) / static_cast<float>(nu - 1), knots.back());
    };
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
            const float half = rowHalf * widthProfile(def, i, nu);
            const glm::vec3 fibre = safeNormalize(dv, glm::vec3(0.0f, 1.0f, 0.0f));
            const auto top = static_cast<std::size_t>(j * ring + i);
            const auto bottom = static_cast<std::size_t>(j * ring + bottomK(i));
            mesh.positions[top] = at(j, i) + n * half;
            mesh.positions[bottom] = at(j, i) - n * half;
            mesh.fibres[top] = fibre;
            mesh.fibres[bottom] = fibre;
            mesh.across[top] = mesh.across[bottom] = acrossAt(i);
            if (!mesh.tendon.empty())
                mesh.tendon[top] = mesh.tendon[bottom] = tendonAt(j, i);
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
            mesh.across[v] = mesh.across[static_cast<std::size_t>(j * ring + edge)];
            if (!mesh.tendon.empty())
                mesh.tendon[v] = mesh.tendon[static_cast<std::size_t>(j * ring + edge)];
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

std::vector<Structure> buildMuscles(const AnatomySpec& spec)
{
    const std::vector<Landmark> landmarks = spec.placedLandmarks();
    const auto landmark = [&](const std::string& id) -> std::optional<glm::vec3> {
        for (const std::string& name : {id + "-left", id})
            for (const auto& l : landmarks)
                if (l.id == name)
                    return l.position;
        return std::nullopt;
    };
    const std::string file = spec.muscles.source.string();
    std::vector<Structure> out;
    out.reserve(spec.muscles.muscles.size() * 2);
    for (const auto& specDef : spec.muscles.muscles) {
        MuscleDef def = specDef;
        if (def.stations.empty())
            def.stations = resolveStations(def, landmark, spec.muscles.source);

        // What it lies on: bone shapes (mm fields) and the left meshes of muscles built before it.
        std::vector<const SdfShape*> bones;
        std::vector<Structure> deeper;
        for (const auto& id : def.wrap.over) {
            const SdfShape* bone = nullptr;
            for (const auto& s : spec.structures)
                if (s.layer != Layer::Skin && (s.id == id || s.id == id + "-left"))
                    bone = &s.shape;
            const Structure* muscle = nullptr;
            for (const auto& s : out)
                if (s.id == id + "-left")
                    muscle = &s;
            if (bone)
                bones.push_back(bone);
            else if (muscle)
                deeper.push_back(*muscle);
            else
                throw ValidationError(file + ": muscle '" + def.id + "': wrap.over: '" + id +
                                      "' is neither a bone nor a muscle listed before it");
        }
        std::optional<SurfaceCloudField> cloud;
        if (!deeper.empty())
            cloud.emplace(coverField(deeper, 40.0f));
        UnderlyingField under;
        if (!bones.empty() || cloud)
            under = [&](const glm::vec3& p) {
                const glm::vec3 mm = p * 1000.0f;
                float d = 1000.0f;
                for (const SdfShape* b : bones)
                    if (boxDistance(mm, b->bounds()) < d)
                        d = std::min(d, b->distance(mm, true));
                if (cloud && boxDistance(mm, cloud->bounds()) < d)
                    d = std::min(d, cloud->distance(mm));
                return d / 1000.0f;
            };

        Structure left;
        left.id = def.id + "-left";
        left.name = def.nameLeft;
        left.latin = def.latin;
        left.fma = def.fmaLeft;
        left.side = Side::Left;
        left.layer = def.layer;
        left.kind = def.kind;
        left.mesh = buildMuscleMesh(def, under);
        if (def.kind != Kind::Muscle) { // an aponeurosis: tendon throughout, no fleshy striations
            left.mesh.across.clear();
            left.mesh.tendon.clear();
        }

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
