// glTF JSON (.gltf) through the model reader; external buffer URIs resolve in a scratch folder.
#include "fuzz_support.h"
#include "io/gltf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return ta::fuzz::expectCleanRefusal(
        [&] { ta::io::parseModel(ta::fuzz::asText(data, size), false, "fuzz.gltf", ta::fuzz::scratch()); });
}
