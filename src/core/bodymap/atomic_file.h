#pragma once
// Whole-file reads and crash-safe writes for documents and settings.
#include <filesystem>
#include <string>
#include <string_view>

namespace ta::core {

/// Reads a whole file. Throws IoError naming the file when it cannot be opened or read.
std::string readTextFile(const std::filesystem::path& file);

/// Writes `bytes` to `file` so that a reader sees either the old content or the new, never a mixture:
/// writes a temporary file beside it, flushes it to disk, then renames it over `file`. When `keepBackup`
/// is true and `file` exists, its previous content is copied to `file` + ".bak" first.
/// The file is created 0600 (owner only: body maps and exports are health records). Creates missing
/// parent directories. Throws IoError naming the file; on failure `file` is untouched and the temporary
/// is removed.
void writeFileAtomically(const std::filesystem::path& file, std::string_view bytes, bool keepBackup = false);

} // namespace ta::core
