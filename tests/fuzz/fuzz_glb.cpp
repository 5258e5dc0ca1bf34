// glb (binary glTF) through the model reader: container, JSON, accessors, node graph.
#include "fuzz_support.h"
#include "io/gltf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return ta::fuzz::expectCleanRefusal(
        [&] { ta::io::parseModel(ta::fuzz::asText(data, size), true, "fuzz.glb", ta::fuzz::scratch()); });
}
