// Body-map documents (core/bodymap/body_map_json.h).
#include "core/bodymap/body_map_json.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return ta::fuzz::expectCleanRefusal([&] {
        const auto map = ta::core::bodyMapFromJson(ta::fuzz::asText(data, size), "fuzz.json");
        (void)ta::core::bodyMapToJson(map); // what loads must also save
    });
}
