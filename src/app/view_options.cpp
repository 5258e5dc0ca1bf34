#include "app/view_options.h"

#include "core/error.h"
#include "core/view_preset.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"

#include <charconv>

namespace ta::app {

void addViewOptions(CLI::App& cli, ViewOptions& o)
{
    cli.add_option("--screenshot", o.screenshot, "Render off-screen to this PNG file and exit")->type_name("FILE");
    cli.add_option("--view", o.view, "View preset: anterior, posterior, left, right, superior")
        ->type_name("VIEW")
        ->capture_default_str();
    cli.add_option("--size", o.size, "Image or window size in pixels, WIDTHxHEIGHT")
        ->type_name("WxH")
        ->capture_default_str();
    cli.add_option("--model", o.model, "glTF model to open (default: assets/models/neck-shoulder.glb)")
        ->type_name("FILE");
    cli.add_option("--layers", o.layers, "Layers to show, comma-separated: skin, superficial, intermediate, deep, bone")
        ->type_name("LIST");
    cli.add_flag("--ghost", o.ghost, "X-ray the layers above the selection (or the skin when nothing is selected)");
    cli.add_option("--select", o.select, "Select, highlight and frame a structure by id (e.g. levator-scapulae-left)")
        ->type_name("ID");
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
    return size;
}

core::AnatomyModel loadRequestedModel(const ViewOptions& options, std::filesystem::path& resolvedPath)
{
    resolvedPath = options.model.empty() ? io::defaultModelPath() : std::filesystem::path(options.model);
    std::error_code ec;
    if (!std::filesystem::exists(resolvedPath, ec)) {
        if (options.model.empty())
            throw IoError(resolvedPath.string() +
                          ": default model not found (run `trigger-atlas bake`, or pass --model FILE)");
        throw IoError(resolvedPath.string() + ": model file not found");
    }
    return io::loadModel(resolvedPath);
}

} // namespace ta::app

namespace ta::app {

std::array<bool, 5> parseLayerList(const std::string& list)
{
    std::array<bool, 5> shown{};
    std::string rest = list;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string name = rest.substr(0, comma);
        rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
        std::optional<core::Layer> layer = core::layerFromString(name);
        if (!layer && name == "bones")
            layer = core::Layer::Bone;
        if (!layer) {
            std::vector<std::string> names;
            for (core::Layer l : core::kAllLayers)
                names.emplace_back(core::toString(l));
            std::string message = "unknown layer '" + name + "' in --layers";
            if (auto guess = core::closestMatch(name, names))
                message += ": did you mean '" + *guess + "'?";
            throw ArgumentError(message + " (valid layers: skin, superficial, intermediate, deep, bone)");
        }
        shown[static_cast<std::size_t>(*layer)] = true;
    }
    return shown;
}

ImageSize validateViewOptions(const ViewOptions& options)
{
    core::parseViewPreset(options.view);
    if (!options.layers.empty())
        parseLayerList(options.layers);
    return parseImageSize(options.size);
}

void applyViewOptions(const ViewOptions& options, ui::AppState& state)
{
    const core::ViewPreset preset = core::parseViewPreset(options.view);
    if (!options.layers.empty()) {
        const std::array<bool, 5> shown = parseLayerList(options.layers);
        for (core::Layer l : core::kAllLayers)
            state.layer(l).visible = shown[static_cast<std::size_t>(l)];
    }
    state.ghost = options.ghost;
    state.camera.applyPreset(preset, true);
    if (!options.select.empty()) {
        const core::StructureId id = state.model.find(options.select);
        if (!id.valid()) {
            std::vector<std::string> ids;
            for (const core::Structure& s : state.model.structures)
                ids.push_back(s.id);
            std::string message = "unknown structure '" + options.select + "' in --select";
            if (auto guess = core::closestMatch(options.select, ids))
                message += ": did you mean '" + *guess + "'?";
            throw ArgumentError(message + " (`trigger-atlas list structures` lists them)");
        }
        state.selected = id;
        // Frame the selection with some of its surroundings, so the viewer sees where it lies.
        core::Aabb box = state.model.get(id)->mesh.bounds();
        const glm::vec3 c = box.centre();
        const glm::vec3 half = 0.5f * box.size() * 1.8f;
        box.min = c - half;
        box.max = c + half;
        state.camera.frame(box, true);
    } else {
        state.camera.frame(state.visibleBounds(), true);
    }
}

} // namespace ta::app
