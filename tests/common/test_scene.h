#pragma once
// A small anatomy-like model built in code for GPU tests: a "skull" (bone), two "trapezius" muscles with
// fibre directions, a tendon strap and an enclosing "skin", in the model frame (metres, +Y up, facing +Z,
// subject's left at +X). Deliberately simple shapes so the expected pixels are easy to reason about.
#include "core/anatomy_model.h"

#include <glm/glm.hpp>

#include <cmath>
#include <numbers>

namespace ta::testing {

/// An ellipsoid with smooth normals; `fibre` (if non-zero) is stored as the fibre direction everywhere.
inline core::Mesh makeEllipsoid(glm::vec3 centre, glm::vec3 radii, glm::vec3 fibre = glm::vec3(0.0f),
                                int stacks = 24, int slices = 40)
{
    core::Mesh m;
    const float pi = std::numbers::pi_v<float>;
    for (int i = 0; i <= stacks; ++i) {
        const float phi = pi * static_cast<float>(i) / static_cast<float>(stacks);
        for (int j = 0; j <= slices; ++j) {
            const float theta = 2.0f * pi * static_cast<float>(j) / static_cast<float>(slices);
            const glm::vec3 unit(std::sin(phi) * std::sin(theta), std::cos(phi), std::sin(phi) * std::cos(theta));
            m.positions.push_back(centre + unit * radii);
            m.normals.push_back(glm::normalize(unit / radii));
            if (fibre != glm::vec3(0.0f))
                m.fibres.push_back(glm::normalize(fibre));
        }
    }
    for (int i = 0; i < stacks; ++i)
        for (int j = 0; j < slices; ++j) {
            const std::uint32_t a = i * (slices + 1) + j;
            const std::uint32_t b = a + slices + 1;
            // Counter-clockwise seen from outside.
            m.indices.insert(m.indices.end(), {a, b, a + 1, a + 1, b, b + 1});
        }
    return m;
}

inline core::Structure makeStructure(const char* id, core::Layer layer, core::Kind kind, core::Side side,
                                     core::Mesh mesh)
{
    core::Structure s;
    s.id = id;
    s.name = id;
    s.layer = layer;
    s.kind = kind;
    s.side = side;
    s.mesh = std::move(mesh);
    return s;
}

inline core::AnatomyModel makeTestModel()
{
    using core::Kind;
    using core::Layer;
    using core::Side;
    core::AnatomyModel model;
    model.structures.push_back(makeStructure("skull", Layer::Bone, Kind::Bone, Side::Midline,
                                             makeEllipsoid({0.0f, 1.62f, 0.0f}, {0.075f, 0.095f, 0.095f})));
    model.structures.push_back(makeStructure("c7", Layer::Bone, Kind::Bone, Side::Midline,
                                             makeEllipsoid({0.0f, 1.46f, -0.03f}, {0.03f, 0.05f, 0.03f})));
    model.structures.push_back(makeStructure("trapezius-descending-left", Layer::Superficial, Kind::Muscle,
                                             Side::Left,
                                             makeEllipsoid({0.09f, 1.45f, -0.045f}, {0.09f, 0.035f, 0.035f},
                                                           {1.0f, -0.35f, 0.0f})));
    model.structures.push_back(makeStructure("trapezius-descending-right", Layer::Superficial, Kind::Muscle,
                                             Side::Right,
                                             makeEllipsoid({-0.09f, 1.45f, -0.045f}, {0.09f, 0.035f, 0.035f},
                                                           {-1.0f, -0.35f, 0.0f})));
    model.structures.push_back(makeStructure("sternocleidomastoid-sternal-left", Layer::Superficial, Kind::Tendon,
                                             Side::Left,
                                             makeEllipsoid({0.035f, 1.47f, 0.045f}, {0.012f, 0.06f, 0.012f},
                                                           {0.0f, 1.0f, 0.0f})));
    model.structures.push_back(makeStructure("skin", Layer::Skin, Kind::Skin, Side::Midline,
                                             makeEllipsoid({0.0f, 1.53f, 0.0f}, {0.21f, 0.21f, 0.13f})));
    model.landmarks.push_back({"vertex", "Vertex", {0.0f, 1.715f, 0.0f}});
    return model;
}

} // namespace ta::testing
