#pragma once
// Files only the owner may read: client records are health data. Directories 0700, files 0600, set
// explicitly (not left to the umask). POSIX only.
#include <filesystem>

namespace ta::core::records {

/// Creates `dir` and any missing parents; each directory created here gets mode 0700 (existing ones
/// are left as they are). Throws IoError naming the directory.
void createPrivateDirectories(const std::filesystem::path& dir);
/// Creates `file` empty with mode 0600 if it does not exist (O_EXCL: no race). Returns true when it
/// created it. Throws IoError naming the file.
bool createPrivateFile(const std::filesystem::path& file);
/// Sets mode 0600 on `file` when it exists. Throws IoError naming the file.
void makePrivate(const std::filesystem::path& file);

} // namespace ta::core::records
