#pragma once
// Small glTF files built byte by byte for the reader's limit tests, the malformed-input corpus and the
// fuzzers' seeds: one triangle (or a few nodes) whose every field a test may break.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>
#include <string>

namespace ta::test {

/// Three float VEC3 positions, then three uint16 indices (+2 bytes padding): 44 bytes.
inline std::string triangleBin(float a = 0.0f, float b = 1.0f)
{
    const float pos[9] = {a, 0, 0, b, 0, 0, 0, b, 0};
    const std::uint16_t idx[4] = {0, 1, 2, 0};
    std::string bin(reinterpret_cast<const char*>(pos), sizeof pos);
    bin.append(reinterpret_cast<const char*>(idx), sizeof idx);
    return bin;
}

/// A valid glTF document for triangleBin(): one scene, one node "tri" with one mesh.
inline nlohmann::json triangleGltf(std::size_t binLength = 44)
{
    using nlohmann::json;
    json j;
    j["asset"] = {{"version", "2.0"}};
    j["scene"] = 0;
    j["scenes"] = json::array({{{"nodes", {0}}}});
    j["nodes"] = json::array({{{"name", "tri"}, {"mesh", 0}}});
    j["meshes"] = json::array({{{"primitives", json::array({{{"attributes", {{"POSITION", 0}}}, {"indices", 1}}})}}});
    j["accessors"] = json::array({{{"bufferView", 0}, {"componentType", 5126}, {"count", 3}, {"type", "VEC3"}},
                                  {{"bufferView", 1}, {"componentType", 5123}, {"count", 3}, {"type", "SCALAR"}}});
    j["bufferViews"] = json::array({{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", 36}},
                                    {{"buffer", 0}, {"byteOffset", 36}, {"byteLength", 6}}});
    j["buffers"] = json::array({{{"byteLength", binLength}}});
    return j;
}

inline void putU32(std::string& s, std::uint32_t v) { s.append(reinterpret_cast<const char*>(&v), 4); }

/// A GLB container around `jsonText` and `bin` (each padded to 4 bytes). `version` and the chunk
/// lengths can be overridden to build broken files.
inline std::string makeGlb(std::string jsonText, std::string bin, std::uint32_t version = 2,
                           std::int64_t binLengthOverride = -1)
{
    while (jsonText.size() % 4)
        jsonText += ' ';
    while (bin.size() % 4)
        bin += '\0';
    std::string out;
    putU32(out, 0x46546C67);
    putU32(out, version);
    const std::size_t total = 12 + 8 + jsonText.size() + (bin.empty() ? 0 : 8 + bin.size());
    putU32(out, static_cast<std::uint32_t>(total));
    putU32(out, static_cast<std::uint32_t>(jsonText.size()));
    putU32(out, 0x4E4F534A);
    out += jsonText;
    if (!bin.empty()) {
        putU32(out, static_cast<std::uint32_t>(binLengthOverride >= 0 ? binLengthOverride : bin.size()));
        putU32(out, 0x004E4942);
        out += bin;
    }
    return out;
}

inline std::string triangleGlb() { return makeGlb(triangleGltf().dump(), triangleBin()); }

} // namespace ta::test
