#pragma once
// The viewer's own command-line options (no subcommand): what to show and how to output it.
#include "core/anatomy_model.h"
#include "session/app_session.h"

#include <CLI/CLI.hpp>

#include <array>
#include <filesystem>
#include <string>

namespace ta::app {

struct ViewOptions {
    std::string screenshot;          ///< PNG path: render off-screen, write it, exit
    std::string screenshotWindow;    ///< PNG path: the whole window (panels too) off-screen, write it, exit
    std::string layoutJson;          ///< with screenshotWindow: also write every panel's rectangle here
    std::string view = "anterior";   ///< view preset name
    std::string size = "1600x1000";  ///< WIDTHxHEIGHT in pixels (screenshot, bench, initial window)
    std::string model;               ///< glTF file; empty = io::defaultModelPath()
    int samples = 4;                 ///< MSAA samples
    float interactiveScale = 0.5f;   ///< render scale while the view moves (1 = always full quality)
    bool bench = false;              ///< report render timings and exit
    int benchFrames = 60;
};

struct ImageSize {
    int width = 0;
    int height = 0;
};

/// Registers --screenshot, --view, --size, --model, --samples, --interactive-scale, --bench, --bench-frames
/// on the main app. (--select, --layers, --ghost, --trigger-point ... belong to the explore options.)
void addViewOptions(CLI::App& cli, ViewOptions& options);
/// The largest image --size allows (4096x4096 in pixels; one side up to 8192).
inline constexpr long long kMaxImagePixels = 4096LL * 4096LL;
/// "1600x1000" -> {1600, 1000}. Throws ArgumentError naming the value when malformed or out of 16..8192.
ImageSize parseImageSize(const std::string& text);
/// The model file to open: --model or the default. Loads it; throws IoError/ParseError/ValidationError
/// with one line naming the file (a missing default model gets a hint about where it should be).
core::AnatomyModel loadRequestedModel(const ViewOptions& options, std::filesystem::path& resolvedPath);

/// Check the values that need no model (view, size) so a typo fails before anything slow.
/// Returns the parsed size. Throws ArgumentError.
ImageSize validateViewOptions(const ViewOptions& options);
/// Apply --view to a session whose model is open and frame the camera on the visible structures.
/// Throws ArgumentError naming a bad value.
void applyViewOptions(const ViewOptions& options, session::AppSession& session);

} // namespace ta::app
