#pragma once
// The model the tests that need the real anatomy load: TRIGGER_ATLAS_TEST_MODEL, else the committed one.
#include "io/asset_paths.h"

#include <cstdlib>
#include <filesystem>

namespace ta::testing {

inline std::filesystem::path testModelPath()
{
    if (const char* p = std::getenv("TRIGGER_ATLAS_TEST_MODEL"); p && *p)
        return p;
    return io::defaultModelPath();
}

} // namespace ta::testing
