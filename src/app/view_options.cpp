#include "app/view_options.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/view_preset.h"
#include "io/asset_paths.h"
#include "session/model_files.h"

#include <charconv>

namespace ta::app {

void addViewOptions(CLI::App& cli, ViewOptions& o)
{
    cli.add_option("--screenshot", o.screenshot, "Render off-screen to this PNG file and exit")->type_name("FILE");
    cli.add_option("--screenshot-window", o.screenshotWindow,
                   "Render the whole window, panels included, off-screen at --size to this PNG file and exit")
        ->type_name("FILE");
    cli.add_option("--layout-json", o.layoutJson,
                   "With --screenshot-window: write each panel's rectangle (pixels) to this JSON file")
        ->type_name("FILE");
    cli.add_option("--view", o.view, "View preset: anterior, posterior, left, right, superior")
        ->type_name("VIEW")
        ->capture_default_str();
    cli.add_option("--size", o.size, "Image or window size in pixels, WIDTHxHEIGHT")
        ->type_name("WxH")
        ->capture_default_str();
    cli.add_option("--model", o.model, "glTF model to open (default: assets/models/neck-shoulder.glb)")
        ->type_name("FILE");
    cli.add_option("--samples", o.samples, "MSAA samples (1 = off)")->check(CLI::Range(1, 16))->capture_default_str();
    cli.add_option("--interactive-scale", o.interactiveScale,
                   "Resolution scale while the view moves (0.25..1; 1 = full quality always)")
        ->check(CLI::Range(0.25f, 1.0f))
        ->capture_default_str();
    cli.add_flag("--bench", o.bench, "Render frames off-screen with every layer shown and ghosting on; print ms per frame");
    cli.add_option("--bench-frames", o.benchFrames, "Frames to time with --bench")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
}

ImageSize parseImageSize(const std::string& text)
{
    const auto bad = [&text](const std::string& why) {
        return ArgumentError("malformed size '" + text + "': " + why);
    };
    const std::size_t x = text.find_first_of("xX");
    if (x == std::string::npos || x == 0 || x + 1 >= text.size())
        throw bad("expected WIDTHxHEIGHT, e.g. 1600x1000");
    ImageSize size;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    auto [p1, e1] = std::from_chars(begin, begin + x, size.width);
    auto [p2, e2] = std::from_chars(begin + x + 1, end, size.height);
    if (e1 != std::errc() || p1 != begin + x || e2 != std::errc() || p2 != end)
        throw bad("expected WIDTHxHEIGHT, e.g. 1600x1000");
    if (size.width < 16 || size.height < 16 || size.width > 8192 || size.height > 8192)
        throw bad("width and height must be between 16 and 8192 pixels");
    // Memory: colour, depth and MSAA targets plus the PNG grow with the area (8192x8192 peaked at 7.6 GB).
    if (static_cast<long long>(size.width) * size.height > kMaxImagePixels)
        throw bad("at most " + std::to_string(kMaxImagePixels) + " pixels (e.g. 4096x4096)");
    return size;
}

core::AnatomyModel loadRequestedModel(const ViewOptions& options, std::filesystem::path& resolvedPath)
{
    session::StartModel start = session::loadStartModel(options.model, "", io::defaultModelPath());
    resolvedPath = start.path;
    return std::move(start.model);
}

} // namespace ta::app

namespace ta::app {

ImageSize validateViewOptions(const ViewOptions& options)
{
    core::parseViewPreset(options.view);
    const ImageSize size = parseImageSize(options.size);
    for (const std::string& file : {options.screenshot, options.screenshotWindow, options.layoutJson}) {
        if (file.empty())
            continue;
        const std::filesystem::path out(file);
        const std::filesystem::path folder = out.has_parent_path() ? out.parent_path() : ".";
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec))
            throw IoError(out.string() + ": cannot write the screenshot: folder " + folder.string() +
                          " does not exist");
        core::checkReplaceable(out); // a device, FIFO or folder is refused before rendering
    }
    return size;
}

void applyViewOptions(const ViewOptions& options, session::AppSession& session)
{
    session.camera().applyPreset(core::parseViewPreset(options.view), true);
    session.camera().frame(session.homeBounds(), true);
}

} // namespace ta::app
