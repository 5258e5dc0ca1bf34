#pragma once
// Checks made on a mesh file before Assimp reads it, for the failures Assimp turns into hangs: its PLY
// loader loops on a header whose element line is garbage (found by tools/fuzz, fuzz_model_importer).
#include <string>
#include <string_view>

namespace ta::io {

/// Element counts a PLY header may declare (vertices or faces).
inline constexpr unsigned long long kMaxPlyElements = 100'000'000ULL;

/// `bytes`: the whole file. A PLY file ("ply" first) must have its header in the first 64 KiB, printable
/// ASCII, every `element NAME COUNT` line well formed with COUNT <= kMaxPlyElements; an ASCII PLY must be
/// text throughout (Assimp aborts on a face count of non-text bytes). Other formats pass. Throws
/// ParseError "<name>: ..." naming what is wrong.
void checkMeshFile(std::string_view bytes, const std::string& name);

} // namespace ta::io
