#pragma once
// Shared by the libFuzzer targets (tools/fuzz builds them with -DTA_FUZZ=ON). A target feeds the bytes
// to one parser and accepts only the project's own errors: anything else (a crash, a sanitizer report,
// std::bad_alloc, an out_of_range from a library) escapes and libFuzzer records the input.
#include "core/error.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace ta::fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

/// A private folder for targets that need files, made once per process.
inline const std::filesystem::path& scratch()
{
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("ta-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

inline void writeFile(const std::filesystem::path& file, std::string_view bytes)
{
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// Runs `f`; swallows ta::Error (a clean refusal), lets everything else escape.
template <typename F> int expectCleanRefusal(F&& f)
{
    try {
        f();
    } catch (const ta::Error& e) {
        const std::string_view what = e.what();
        if (what.empty())
            std::abort(); // an error must say something
    }
    return 0;
}

} // namespace ta::fuzz
