#pragma once
// Checks made on a mesh file before Assimp reads it, for the failures Assimp turns into hangs: its PLY
// loader loops on a header whose element line is garbage (found by tools/fuzz, fuzz_model_importer).
#include <string>
#include <string_view>

namespace ta::io {

/// Element counts a PLY header may declare (vertices or faces).
inline constexpr unsigned long long kMaxPlyElements = 100'000'000ULL;

/// `head`: the file's first bytes (up to 64 KiB). A PLY file ("ply" first) must have its whole header
/// there, printable ASCII, every `element NAME COUNT` line well formed with COUNT <= kMaxPlyElements.
/// Other formats pass. Throws ParseError "<name>: ..." naming what is wrong.
void checkMeshFileHead(std::string_view head, const std::string& name);

} // namespace ta::io
