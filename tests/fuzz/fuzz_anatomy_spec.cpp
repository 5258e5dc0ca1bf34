// The anatomy specification: landmarks and structures (bones, skin) and the muscle specification.
// The first byte picks the parser.
#include "core/anatomy/anatomy_spec.h"
#include "core/anatomy/muscle_spec.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string text(ta::fuzz::asText(data + 1, size - 1));
    return ta::fuzz::expectCleanRefusal([&] {
        ta::core::anatomy::AnatomySpec spec;
        switch (data[0] % 3) {
        case 0: spec.parseLandmarks(text, "landmarks.json"); break;
        case 1: spec.parseStructures(text, "bones.json"); break;
        default: ta::core::anatomy::parseMuscleSpec(text, "muscles.json"); break;
        }
    });
}
