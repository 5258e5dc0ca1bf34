// The model importer's mesh reading (Assimp) on STL, OBJ and PLY: the first byte picks the extension.
#include "fuzz_support.h"
#include "io/mesh_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const char* ext[] = {".stl", ".obj", ".ply"};
    const auto file = ta::fuzz::scratch() / (std::string("mesh") + ext[data[0] % 3]);
    ta::fuzz::writeFile(file, ta::fuzz::asText(data + 1, size - 1));
    return ta::fuzz::expectCleanRefusal([&] { (void)ta::io::importMeshFile(file); });
}
