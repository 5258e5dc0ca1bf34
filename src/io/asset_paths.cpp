#include "io/asset_paths.h"

#include <cstdlib>

namespace ta::io {

std::filesystem::path projectRoot()
{
    if (const char* env = std::getenv("TRIGGER_ATLAS_ROOT"); env && *env)
        return env;
    return TA_SOURCE_ROOT;
}

std::filesystem::path assetPath(const std::filesystem::path& relative) { return projectRoot() / "assets" / relative; }

std::filesystem::path defaultModelPath() { return assetPath("models/neck-shoulder.glb"); }

} // namespace ta::io
