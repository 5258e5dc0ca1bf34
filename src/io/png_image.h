#pragma once
// 8-bit RGBA images and PNG files. Rows run top to bottom. Written with libpng (fast filtering, see
// png_image.cpp), read with stb_image.
#include <cstdint>
#include <filesystem>
#include <vector>

namespace ta::io {

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; ///< width * height * 4 bytes, rows top to bottom

    bool empty() const { return width <= 0 || height <= 0; }
    const std::uint8_t* at(int x, int y) const { return &pixels[(static_cast<std::size_t>(y) * width + x) * 4]; }
    std::uint8_t* at(int x, int y) { return &pixels[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

/// Write `image` as PNG, atomically (a temporary beside the file, then rename). Throws IoError naming the file.
void writePng(const RgbaImage& image, const std::filesystem::path& file);
/// Read a PNG (any channel count, converted to RGBA). Throws IoError (missing) or ParseError (not a PNG).
RgbaImage readPng(const std::filesystem::path& file);

} // namespace ta::io
