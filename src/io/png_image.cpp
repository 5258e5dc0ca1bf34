#include "io/png_image.h"

#include "core/atomic_file.h"
#include "core/error.h"

// Writing through libpng: filter "Sub" only and zlib's fastest level. A render is smooth, so Sub alone
// compresses nearly as well as the adaptive choice, at a fraction of stb's encoding time (issue 15).
#include <png.h>
#include <zlib.h>
// Reading uses the stb implementation compiled into libstb.
#include <stb/stb_image.h>

#include <csetjmp>
#include <string>
#include <system_error>

namespace ta::io {
namespace {

void appendBytes(png_structp png, png_bytep data, png_size_t size)
{
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), size);
}

void flushNothing(png_structp) {}

/// Encodes `image` as an 8-bit RGBA PNG. Returns false when libpng fails (out of memory).
bool encodePng(const RgbaImage& image, std::string& out)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png)
        return false;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return false;
    }
    if (setjmp(png_jmpbuf(png))) { // libpng's error path: nothing with a destructor lives in this frame
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, &out, &appendBytes, &flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(png, Z_BEST_SPEED);
    png_write_info(png, info);
    const auto stride = static_cast<std::size_t>(image.width) * 4;
    for (int y = 0; y < image.height; ++y)
        png_write_row(png, const_cast<png_bytep>(image.pixels.data() + stride * static_cast<std::size_t>(y)));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

void writePng(const RgbaImage& image, const std::filesystem::path& file)
{
    if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 4)
        throw IoError(file.string() + ": cannot write an empty or inconsistent image");
    core::checkReplaceable(file); // before encoding: a FIFO or device is refused at once
    std::string encoded;
    encoded.reserve(image.pixels.size() / 4);
    if (!encodePng(image, encoded))
        throw IoError(file.string() + ": PNG encoding failed (out of memory?)");
    core::writeFileAtomically(file, encoded);
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
