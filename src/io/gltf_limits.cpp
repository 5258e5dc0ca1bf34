#include "io/gltf_limits.h"

#include "core/error.h"
#include "core/read_file.h"

#include <tiny_gltf.h>

#include <cstdint>
#include <cstring>

namespace ta::io {
namespace {

std::uint32_t u32(std::string_view bytes, std::size_t at)
{
    std::uint32_t v = 0;
    std::memcpy(&v, bytes.data() + at, 4); // GLB is little-endian, like every machine we build for
    return v;
}

constexpr std::uint32_t kMagic = 0x46546C67;     // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A; // "JSON"
constexpr std::uint32_t kChunkBin = 0x004E4942;  // "BIN\0"

bool fileExists(const std::string& file, void*)
{
    std::error_code ec;
    return std::filesystem::exists(file, ec);
}

std::string expandPath(const std::string& file, void*) { return file; }

bool readWholeFile(std::vector<unsigned char>* out, std::string* err, const std::string& file, void*)
{
    try {
        const std::string bytes = core::readTextFile(file, core::kMaxModelBytes);
        out->assign(bytes.begin(), bytes.end());
        return true;
    } catch (const Error& e) {
        if (err)
            *err += e.what();
        return false;
    }
}

bool refuseWrite(std::string* err, const std::string& file, const std::vector<unsigned char>&, void*)
{
    if (err)
        *err += file + ": the reader writes no files";
    return false;
}

bool skipImage(tinygltf::Image*, const int, std::string*, std::string*, int, int, const unsigned char*, int, void*)
{
    return true;
}

} // namespace

std::string_view checkGlbContainer(std::string_view bytes, const std::string& name)
{
    auto fail = [&](const std::string& why) -> void { throw ParseError(name + ": " + why); };
    if (bytes.size() < 20)
        fail("too short for a glb (" + std::to_string(bytes.size()) + " bytes)");
    if (u32(bytes, 0) != kMagic)
        fail("not a glb file (no \"glTF\" magic)");
    if (const std::uint32_t version = u32(bytes, 4); version != 2)
        fail("glb version " + std::to_string(version) + " (only version 2 is supported)");
    const std::uint64_t length = u32(bytes, 8);
    if (length != bytes.size())
        fail("the header says " + std::to_string(length) + " bytes, the file has " + std::to_string(bytes.size()));
    const std::uint64_t jsonLength = u32(bytes, 12);
    if (u32(bytes, 16) != kChunkJson)
        fail("the first chunk is not JSON");
    if (jsonLength == 0 || jsonLength > length - 20)
        fail("the JSON chunk's length " + std::to_string(jsonLength) + " does not fit in the file");
    const std::uint64_t binAt = 20 + jsonLength;
    if (binAt < length) {
        if (length - binAt < 8)
            fail("a chunk header is cut off at byte " + std::to_string(binAt));
        const std::uint64_t binLength = u32(bytes, binAt);
        if (u32(bytes, binAt + 4) != kChunkBin)
            fail("the second chunk is not BIN");
        if (binLength > length - binAt - 8)
            fail("the BIN chunk's length " + std::to_string(binLength) + " runs past the end of the file");
    }
    return bytes.substr(20, jsonLength);
}

void limitFileAccess(tinygltf::TinyGLTF& loader)
{
    tinygltf::FsCallbacks fs{};
    fs.FileExists = &fileExists;
    fs.ExpandFilePath = &expandPath;
    fs.ReadWholeFile = &readWholeFile;
    fs.WriteWholeFile = &refuseWrite;
    fs.user_data = nullptr;
    loader.SetFsCallbacks(fs);
    loader.SetImageLoader(&skipImage, nullptr);
}

} // namespace ta::io
