#include "session/model_files.h"

#include "core/error.h"
#include "io/gltf_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

namespace ta::session {

core::AnatomyModel loadModelFile(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw IoError(file.string() + ": model file not found");
    return io::loadModel(file);
}

std::filesystem::path typedPath(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    std::string t = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    const char* home = std::getenv("HOME");
    if (home && *home && (t == "~" || t.rfind("~/", 0) == 0))
        t = std::string(home) + t.substr(1);
    return t;
}

std::optional<std::string> modelFileProblem(const std::filesystem::path& file)
{
    if (file.empty())
        return "no file named";
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status))
        return "not found";
    if (std::filesystem::is_directory(status))
        return "a folder, not a model file";
    if (!std::filesystem::is_regular_file(status))
        return "not a regular file";
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".glb" && ext != ".gltf")
        return "not a .glb or .gltf file (File > Import model... turns other formats into one)";
    return std::nullopt;
}

std::optional<std::string> importSourceProblem(const std::filesystem::path& source)
{
    if (source.empty())
        return "no folder or file named";
    std::error_code ec;
    const auto status = std::filesystem::status(source, ec);
    if (!std::filesystem::exists(status))
        return "not found";
    if (!std::filesystem::is_directory(status) && !std::filesystem::is_regular_file(status))
        return "not a folder or a regular file";
    return std::nullopt;
}

StartModel loadStartModel(const std::string& requested, const std::string& remembered,
                          const std::filesystem::path& builtIn)
{
    StartModel out;
    if (!requested.empty()) {
        out.path = requested;
        out.model = loadModelFile(out.path);
        std::error_code ec;
        out.builtIn = std::filesystem::equivalent(out.path, builtIn, ec);
        return out;
    }
    if (!remembered.empty()) {
        try {
            out.path = remembered;
            out.model = loadModelFile(out.path);
            return out;
        } catch (const Error& e) {
            out.message = std::string("Opened the built-in model: the last model did not open: ") + e.what();
        }
    }
    out.path = builtIn;
    out.builtIn = true;
    std::error_code ec;
    if (!std::filesystem::exists(builtIn, ec))
        throw IoError(builtIn.string() + ": default model not found (run `trigger-atlas bake`, or pass --model FILE)");
    out.model = io::loadModel(builtIn);
    return out;
}

} // namespace ta::session
