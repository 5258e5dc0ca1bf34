#include "io/png_image.h"

#include "core/atomic_file.h"
#include "core/error.h"

// The one definition of stb_image_write in the project. Static linkage keeps it private to this file, so
// it never clashes with the copy in Debian's libstb (which ImGui links).
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
// Reading uses the implementation compiled into libstb.
#include <stb/stb_image.h>

#include <fstream>
#include <system_error>

namespace ta::io {
namespace {

void appendBytes(void* context, void* data, int size)
{
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

} // namespace

void writePng(const RgbaImage& image, const std::filesystem::path& file)
{
    if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 4)
        throw IoError(file.string() + ": cannot write an empty or inconsistent image");
    std::vector<std::uint8_t> encoded;
    if (!stbi_write_png_to_func(appendBytes, &encoded, image.width, image.height, 4, image.pixels.data(),
                                image.width * 4))
        throw IoError(file.string() + ": PNG encoding failed");
    core::writeFileAtomically(file, std::string_view(reinterpret_cast<const char*>(encoded.data()), encoded.size()));
}

RgbaImage readPng(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw IoError(file.string() + ": no such file");
    int w = 0, h = 0, channels = 0;
    stbi_uc* data = stbi_load(file.string().c_str(), &w, &h, &channels, 4);
    if (!data)
        throw ParseError(file.string() + ": not a readable PNG (" + stbi_failure_reason() + ")");
    RgbaImage image;
    image.width = w;
    image.height = h;
    image.pixels.assign(data, data + static_cast<std::size_t>(w) * h * 4);
    stbi_image_free(data);
    return image;
}

} // namespace ta::io
