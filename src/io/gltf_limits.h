#pragma once
// What the glTF reader checks before tinygltf (or its own code) touches a byte: the GLB container, the
// JSON nesting, external files, and the sizes a model may have. Internal to io (gltf_reader.cpp and
// its fuzz target).
#include <cstddef>
#include <string>
#include <string_view>

namespace tinygltf {
class TinyGLTF;
}

namespace ta::io {

/// Nodes in one file and node instances reached from the scene (every node once: glTF nodes are trees).
inline constexpr std::size_t kMaxGltfNodes = 65536;
/// Vertices and indices of the whole model after instancing (the committed model has under 1 million).
inline constexpr std::size_t kMaxModelVertices = 20'000'000;
inline constexpr std::size_t kMaxModelIndices = 60'000'000;
/// Metres from the origin: anything farther is not anatomy (and 3e38 overflows every bounding box).
inline constexpr float kMaxModelCoordinate = 1.0e5f;

/// Checks a .glb container (version 2, lengths within the header's and the file's, chunk types) and
/// returns its JSON chunk. Throws ParseError "<name>: ..." naming what is wrong.
std::string_view checkGlbContainer(std::string_view bytes, const std::string& name);

/// Makes `loader` read external buffers through core::readTextFile (regular files only, size-capped:
/// a FIFO as a buffer URI no longer hangs) and skip image decoding (the atlas draws no textures).
void limitFileAccess(tinygltf::TinyGLTF& loader);

} // namespace ta::io
