// `trigger-atlas bake [--out path] [--spec dir]`: regenerate the anatomy model from assets/anatomy/ and
// write it as binary glTF, showing progress structure by structure.
#include "app/commands.h"

#include "core/anatomy/model_generator.h"
#include "io/asset_paths.h"
#include "io/gltf_writer.h"
#include "io/model_baker.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

namespace ta::app {

namespace {

struct BakeArgs {
    std::string out;
    std::string spec;
    bool quiet = false;
};

void runBake(const BakeArgs& args)
{
    const auto start = std::chrono::steady_clock::now();
    const std::filesystem::path specDir = args.spec.empty() ? io::assetPath("anatomy") : std::filesystem::path(args.spec);
    const std::filesystem::path out = args.out.empty() ? io::defaultModelPath() : std::filesystem::path(args.out);
    const auto spec = core::anatomy::AnatomySpec::load(specDir);
    auto progress = [&](std::size_t i, std::size_t total, const std::string& id) {
        if (args.quiet)
            return;
        const int width = 30;
        const int filled = static_cast<int>(width * i / total);
        std::fprintf(stderr, "\r  [%s%s] %3zu/%zu %-40s", std::string(filled, '#').c_str(),
                     std::string(width - filled, '.').c_str(), i + 1, total, id.c_str());
        std::fflush(stderr);
    };
    const auto model = io::bakeModel(spec, {}, progress);
    io::saveModel(model, out);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!args.quiet)
        std::fprintf(stderr, "\r%90s\r", "");
    std::printf("baked %zu structures, %zu landmarks, %zu triangles into %s (%.1f MB) in %.1f s\n",
                model.structures.size(), model.landmarks.size(), model.triangleCount(), out.string().c_str(),
                static_cast<double>(std::filesystem::file_size(out)) / 1.0e6, seconds);
}

} // namespace

void addBakeCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<BakeArgs>();
    auto* cmd = app.add_subcommand("bake", "Regenerate the anatomy model (assets/models/neck-shoulder.glb) from "
                                           "the specification in assets/anatomy/");
    cmd->add_option("--out", args->out, "Output .glb (default: assets/models/neck-shoulder.glb)");
    cmd->add_option("--spec", args->spec, "Specification folder (default: assets/anatomy)");
    cmd->add_flag("--quiet", args->quiet, "No progress display");
    cmd->callback([args, &exitCode] {
        runBake(*args);
        exitCode = 0;
    });
}

} // namespace ta::app
