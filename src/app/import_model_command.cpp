// `trigger-atlas import-model DIR|FILE --out model.glb [--triangles N] [--base model.glb] [--force]`: import
// real anatomy (a BodyParts3D folder of FMA<id>.obj|stl files, or one mesh file) onto our structures and
// write it as binary glTF, through session::importModelFile (the window's File > Import model... calls the
// same). An existing file is replaced only with --force; a failed import writes nothing.
#include "app/commands.h"

#include "core/error.h"
#include "session/model_import_service.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

namespace ta::app {

namespace {

struct ImportArgs {
    std::string input;
    std::string out;
    std::string base;
    std::size_t triangles = 0;
    bool force = false;
};

std::string firstFew(const std::vector<std::string>& v, std::size_t n = 6)
{
    std::string s;
    for (std::size_t i = 0; i < v.size() && i < n; ++i)
        s += (i ? ", " : "") + v[i];
    if (v.size() > n)
        s += ", ... (" + std::to_string(v.size() - n) + " more)";
    return s;
}

void runImport(const ImportArgs& args)
{
    const auto start = std::chrono::steady_clock::now();
    session::ModelImportRequest request{args.input, args.out, args.base, args.triangles, args.force};
    session::ModelImportResult result;
    try {
        result = session::importModelFile(request);
    } catch (const session::OutputExistsError&) {
        throw ArgumentError("import-model: " + args.out + " exists; give --force to replace it");
    }
    const io::ImportReport& report = result.report;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("found %zu files (%zu meshes)\n", report.filesFound, report.meshesFound);
    std::printf("mapped %zu structures\n", report.mapped.size());
    std::printf("unmapped %zu%s%s\n", report.unmapped.size(), report.unmapped.empty() ? "" : ": ",
                firstFew(report.unmapped).c_str());
    std::printf("missing %zu (taken from the base model)%s%s\n", report.missing.size(),
                report.missing.empty() ? "" : ": ", firstFew(report.missing).c_str());
    std::printf("dropped %zu fragments\n", report.fragmentsDropped);
    std::printf("triangles %zu read, %zu kept\n", report.trianglesRead, report.trianglesKept);
    std::printf("fibres derived for %zu muscles\n", report.fibresDerived);
    if (!report.credit.empty())
        std::printf("credit: %s\n", report.credit.c_str());
    std::printf("wrote %s (%.1f MB) in %.1f s\n", args.out.c_str(),
                static_cast<double>(result.bytes) / 1.0e6, seconds);
}

} // namespace

void addImportModelCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand("import-model", "Import real anatomy (a BodyParts3D folder of FMA<id>.obj|stl "
                                                   "files, or one OBJ/STL/PLY/FBX/DAE/glTF file) as a model");
    cmd->add_option("input", args->input, "Folder or mesh file")->required();
    cmd->add_option("--out", args->out, "Output .glb")->required();
    cmd->add_option("--triangles", args->triangles, "Simplify the imported meshes to about N triangles in all");
    cmd->add_option("--base", args->base, "Model the import maps onto (default: assets/models/neck-shoulder.glb)");
    cmd->add_flag("--force", args->force, "Replace an existing output file");
    cmd->callback([args, &exitCode] {
        runImport(*args);
        exitCode = 0;
    });
}

} // namespace ta::app
