#pragma once
// The viewer's own command-line options (no subcommand): what to show and how to output it.
#include "core/anatomy_model.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace ta::app {

struct ViewOptions {
    std::string screenshot;          ///< PNG path: render off-screen, write it, exit
    std::string view = "anterior";   ///< view preset name
    std::string size = "1600x1000";  ///< WIDTHxHEIGHT in pixels (screenshot, bench, initial window)
    std::string model;               ///< glTF file; empty = io::defaultModelPath()
    int samples = 4;                 ///< MSAA samples
    bool bench = false;              ///< report render timings and exit
    int benchFrames = 60;
};

struct ImageSize {
    int width = 0;
    int height = 0;
};

/// Registers --screenshot, --view, --size, --model, --samples, --bench, --bench-frames on the main app.
void addViewOptions(CLI::App& cli, ViewOptions& options);
/// "1600x1000" -> {1600, 1000}. Throws ArgumentError naming the value when malformed or out of 16..8192.
ImageSize parseImageSize(const std::string& text);
/// The model file to open: --model or the default. Loads it; throws IoError/ParseError/ValidationError
/// with one line naming the file (a missing default model gets a hint about where it should be).
core::AnatomyModel loadRequestedModel(const ViewOptions& options, std::filesystem::path& resolvedPath);

} // namespace ta::app
