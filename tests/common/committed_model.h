#pragma once
// The committed model (assets/models/neck-shoulder.glb), loaded once for every test file that measures it.
#include "core/anatomy_model.h"
#include "io/gltf_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace ta::test {

inline const core::AnatomyModel& committedModel()
{
    static const core::AnatomyModel m =
        io::loadModel(std::filesystem::path(TA_TEST_DIR) / ".." / "assets/models/neck-shoulder.glb");
    return m;
}

/// The mesh of structure `id` of the committed model; an empty one (and a test failure) when it has none.
inline const core::Mesh& committedMesh(const std::string& id)
{
    const auto* s = committedModel().get(committedModel().find(id));
    if (!s) {
        ADD_FAILURE() << "the committed model has no " << id;
        static const core::Mesh none;
        return none;
    }
    return s->mesh;
}

} // namespace ta::test
