#pragma once
// The one way the project writes a file: crash-safe, private, and never onto something that is not a
// regular file. Every writer (body maps, settings, PNGs, PDFs, glb, exports, backups) goes through here.
// POSIX only.
//
// What a write guarantees (see docs/ARCHITECTURE.md, "Safe writes"):
//  - a reader (or the next start after a kill or power loss) sees the old content or the new, whole;
//  - the temporary lives beside the target as `.NAME.tmp-XXXXXX` (unique, mkstemp) and is locked
//    (flock) while its writer lives; a later write of the same target removes unlocked ones (stale);
//  - a symlink is written through: its target is replaced, the link stays;
//  - an existing target keeps its permission bits; a new file gets `newFileMode` (0600: health data);
//  - a target that exists and is not a regular file (directory, device, FIFO, socket) is refused;
//  - with `keepBackup`, the previous content becomes `NAME.bak` by a hard link and a rename, so the
//    `.bak` is always whole (the old backup or the previous file), never rewritten in place;
//  - the file is fsynced before the rename and the directory after it.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace ta::core {

struct AtomicWriteOptions {
    bool keepBackup = false;   ///< rotate the previous content to NAME.bak
    bool replace = true;       ///< false: refuse when the target exists ("exists (not replaced)")
    mode_t newFileMode = 0600; ///< mode of a file that did not exist before
    bool createFolders = true; ///< create missing parent folders (false: a missing folder is an error)
};

/// A file being written: bytes go to a locked temporary beside the target; `commit()` puts it in place.
/// Destroying it without a commit removes the temporary and leaves the target as it was.
/// Every function throws IoError whose message starts with the target's name.
class AtomicFile {
public:
    /// Checks the target (through symlinks), removes stale temporaries of this target and creates a new
    /// one. Creates missing parent directories unless options.createFolders is false.
    explicit AtomicFile(const std::filesystem::path& target, AtomicWriteOptions options = {});
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    /// Flushes, sets the mode, rotates the backup, renames over the target, fsyncs the directory.
    void commit();

    /// The file to replace as asked for (maybe a symlink) and the one really replaced.
    const std::filesystem::path& target() const { return m_target; }
    const std::filesystem::path& resolvedTarget() const { return m_resolved; }
    /// For writers that need a path (SQLite's backup): the temporary, valid until commit.
    const std::filesystem::path& tempPath() const { return m_temp; }

private:
    std::filesystem::path m_target;
    std::filesystem::path m_resolved;
    std::filesystem::path m_temp;
    AtomicWriteOptions m_options;
    int m_fd = -1;
    bool m_committed = false;

    [[noreturn]] void fail(const std::string& what, int err) const;
};

/// Writes `bytes` to `file` in one go through an AtomicFile.
void writeFileAtomically(const std::filesystem::path& file, std::string_view bytes, AtomicWriteOptions options);
/// The common case: replace, new files 0600, a `.bak` when `keepBackup`.
void writeFileAtomically(const std::filesystem::path& file, std::string_view bytes, bool keepBackup = false);

/// Throws the IoError an AtomicFile would ("FILE: is a FIFO, not replaced") when `file` exists (through
/// symlinks) and is not a regular file, so that a slow job (a render) can fail before it starts.
void checkReplaceable(const std::filesystem::path& file);

/// Follows `file` through symlinks (relative links against their folder, up to 40 levels), also when
/// the last one dangles. Returns `file` when it is no symlink. Throws IoError on a loop.
std::filesystem::path resolveSymlinks(const std::filesystem::path& file);

/// Removes temporaries `.NAME.tmp-*` of `target` in its folder whose writer is gone (not locked).
/// Returns how many it removed. Never throws.
int removeStaleTemporaries(const std::filesystem::path& target);

} // namespace ta::core
