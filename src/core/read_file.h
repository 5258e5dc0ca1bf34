#pragma once
// Whole-file reads with limits: the one way the project reads a user's file into memory.
#include <cstddef>
#include <filesystem>
#include <string>

namespace ta::core {

/// The largest document (JSON: body maps, specifications, trigger points, settings, client records)
/// the project reads: far above any real one, small enough that parsing it cannot exhaust memory.
inline constexpr std::size_t kMaxDocumentBytes = 64u << 20;
/// The largest model file (glb, glTF and its buffers).
inline constexpr std::size_t kMaxModelBytes = 1u << 30;

/// Reads a whole regular file of at most `maxBytes`. A directory, FIFO, device or socket is refused
/// before anything is read (opened non-blocking, so a FIFO never hangs). Throws IoError naming the file:
/// missing, unreadable, not a regular file, or too large.
std::string readTextFile(const std::filesystem::path& file, std::size_t maxBytes = kMaxDocumentBytes);

/// Throws IoError naming the file unless it is a regular file (following symlinks) of at most `maxBytes`.
void requireRegularFile(const std::filesystem::path& file, std::size_t maxBytes);

} // namespace ta::core
