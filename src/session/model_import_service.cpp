#include "session/model_import_service.h"

#include "core/atomic_file.h"
#include "io/gltf_writer.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>

namespace ta::session {

void checkModelImport(const ModelImportRequest& request)
{
    if (request.output.empty())
        throw ArgumentError("import-model: an output .glb file is required");
    std::string ext = request.output.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".glb")
        throw ArgumentError(request.output.string() + ": the output must be a .glb file");
    std::error_code ec;
    if (std::filesystem::exists(request.source, ec) && std::filesystem::equivalent(request.source, request.output, ec))
        throw ArgumentError(request.output.string() + ": the output is the file being imported");
    if (std::filesystem::exists(request.output, ec)) {
        if (!request.replace)
            throw OutputExistsError(request.output.string() + ": exists (not replaced)");
        core::checkReplaceable(request.output);
    }
}

ModelImportResult importModelFile(const ModelImportRequest& request, const ImportProgress& progress)
{
    checkModelImport(request);
    io::ImportOptions options;
    options.baseModel = request.baseModel;
    options.triangleBudget = request.triangleBudget;
    // io reports up to 0.9 when the model is ready; writing the file is the rest.
    if (progress)
        options.progress = [&progress](double f) { return progress(std::min(f, 0.9)); };
    ModelImportResult result{io::importModel(request.source, options), 0};
    if (progress && !progress(0.9))
        throw io::ImportCancelled(request.source.string() + ": import cancelled");
    // "Do not replace" holds to the end: a file that appeared meanwhile is not replaced either.
    io::saveModel(result.report.model, request.output, request.replace);
    std::error_code ec;
    result.bytes = std::filesystem::file_size(request.output, ec);
    if (progress)
        static_cast<void>(progress(1.0));
    return result;
}

} // namespace ta::session
