#include "core/atomic_file.h"

#include "core/error.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ta::core {
namespace fs = std::filesystem;

namespace {

std::string errnoText(int err) { return std::strerror(err); }

std::string tempPrefix(const fs::path& target)
{
    std::string prefix(".");
    prefix.append(target.filename().string()).append(".tmp-"); // not "." + s: GCC 12's false -Wrestrict
    return prefix;
}

fs::path folderOf(const fs::path& file) { return file.has_parent_path() ? file.parent_path() : fs::path("."); }

/// What a non-regular file is, for the message that refuses to replace it.
const char* kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

void fsyncFolder(const fs::path& dir)
{
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd); // a folder that cannot be synced (some FUSE systems) does not fail the write
        ::close(dfd);
    }
}

/// A fresh unique temporary of `target`'s pattern, created 0600 and locked. Returns its fd; sets `temp`.
int createLockedTemp(const fs::path& target, fs::path& temp, int& err)
{
    for (int attempt = 0; attempt < 8; ++attempt) {
        std::string name = (folderOf(target) / (tempPrefix(target) + "XXXXXX")).string();
        const int fd = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd < 0) {
            err = errno;
            return -1;
        }
        // Locked for as long as this writer lives; a cleaner only removes temporaries it can lock. A
        // cleaner may have removed the name between mkostemp and flock: then the name is not ours.
        struct stat byFd = {}, byName = {};
        if (::flock(fd, LOCK_EX) == 0 && ::fstat(fd, &byFd) == 0 && ::stat(name.c_str(), &byName) == 0 &&
            byFd.st_ino == byName.st_ino && byFd.st_dev == byName.st_dev) {
            temp = name;
            return fd;
        }
        ::close(fd);
    }
    err = EAGAIN;
    return -1;
}

/// Hard-links (or, without hard links, copies) `from` to a fresh temporary name of `target`'s pattern.
/// Returns the name, or an empty path when neither works.
fs::path linkToTemp(const fs::path& from, const fs::path& target)
{
    for (int attempt = 0; attempt < 8; ++attempt) {
        fs::path name;
        int err = 0;
        const int fd = createLockedTemp(target, name, err);
        if (fd < 0)
            return {};
        ::unlink(name.c_str());
        ::close(fd);
        if (::link(from.c_str(), name.c_str()) == 0)
            return name;
        if (errno == EEXIST)
            continue;
        // No hard links here (some FUSE or network file systems): a whole copy under the temporary name.
        std::error_code ec;
        if (fs::copy_file(from, name, fs::copy_options::none, ec)) {
            const int cfd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
            if (cfd >= 0) {
                ::fsync(cfd);
                ::close(cfd);
            }
            return name;
        }
        fs::remove(name, ec);
        return {};
    }
    return {};
}

} // namespace

fs::path resolveSymlinks(const fs::path& file)
{
    fs::path p = file;
    for (int level = 0; level < 40; ++level) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec)))
            return p;
        const fs::path to = fs::read_symlink(p, ec);
        if (ec)
            throw IoError(file.string() + ": cannot read the symbolic link (" + ec.message() + ")");
        p = to.is_absolute() ? to : folderOf(p) / to;
    }
    throw IoError(file.string() + ": too many levels of symbolic links");
}

void checkReplaceable(const fs::path& file)
{
    struct stat st = {};
    if (::lstat(resolveSymlinks(file).c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw IoError(file.string() + ": is " + kindOf(st.st_mode) + ", not replaced");
}

int removeStaleTemporaries(const fs::path& target)
{
    const std::string prefix = tempPrefix(target);
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folderOf(target), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        const int fd = ::open(it->path().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat byFd = {}, byName = {};
        // Unlocked means its writer is gone; the same inode under the name means nobody replaced it since.
        if (::fstat(fd, &byFd) == 0 && S_ISREG(byFd.st_mode) && ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
            ::lstat(it->path().c_str(), &byName) == 0 && byName.st_ino == byFd.st_ino && byName.st_dev == byFd.st_dev &&
            ::unlink(it->path().c_str()) == 0)
            ++removed;
        ::close(fd);
    }
    return removed;
}

AtomicFile::AtomicFile(const fs::path& target, AtomicWriteOptions options) : m_target(target), m_options(options)
{
    m_resolved = resolveSymlinks(target);
    checkReplaceable(target);
    struct stat st = {};
    if (::lstat(m_resolved.c_str(), &st) == 0 && !m_options.replace)
        throw IoError(m_target.string() + ": exists (not replaced)");
    const fs::path dir = folderOf(m_resolved);
    std::error_code ec;
    if (m_options.createFolders)
        fs::create_directories(dir, ec);
    else if (!fs::is_directory(dir, ec))
        throw IoError(m_target.string() + ": folder " + dir.string() + " does not exist");
    if (ec)
        throw IoError(m_target.string() + ": cannot create folder " + dir.string() + " (" + ec.message() + ")");
    removeStaleTemporaries(m_resolved);
    int err = 0;
    m_fd = createLockedTemp(m_resolved, m_temp, err);
    if (m_fd < 0)
        throw IoError(m_target.string() + ": cannot create a temporary file in " + dir.string() + " (" +
                      errnoText(err) + ")");
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0) {
        if (!m_committed)
            ::unlink(m_temp.c_str());
        ::close(m_fd);
    }
}

void AtomicFile::fail(const std::string& what, int err) const
{
    throw IoError(m_target.string() + ": " + what + (err ? " (" + errnoText(err) + ")" : std::string()));
}

void AtomicFile::write(std::string_view bytes)
{
    if (m_fd < 0 || m_committed)
        fail("write after commit", 0);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("write failed", errno);
        }
        done += static_cast<std::size_t>(n);
    }
}

void AtomicFile::commit()
{
    if (m_fd < 0 || m_committed)
        fail("already committed", 0);
    // The target may have changed since the constructor looked: look again right before replacing.
    struct stat st = {};
    const bool exists = ::lstat(m_resolved.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        fail(std::string("is ") + kindOf(st.st_mode) + ", not replaced", 0);
    if (exists && !m_options.replace)
        fail("exists (not replaced)", 0);
    const mode_t mode = exists ? (st.st_mode & 07777) : m_options.newFileMode;
    if (::fchmod(m_fd, mode) != 0)
        fail("cannot set the file's mode", errno);
    if (::fsync(m_fd) != 0)
        fail("flush to disk failed", errno);

    if (m_options.keepBackup && exists) {
        // Best effort, never blocking a save: the old .bak stays when the new one cannot be made.
        const fs::path bakTemp = linkToTemp(m_resolved, m_resolved);
        if (!bakTemp.empty()) {
            const fs::path bak = m_resolved.string() + ".bak";
            // rename() of two names of one file succeeds and leaves both (POSIX): when a writer was killed
            // between its .bak and its replace, the .bak is the file itself, so the temporary name would
            // stay. Unlink it in every case (after a real rename it no longer exists).
            const int renamed = ::rename(bakTemp.c_str(), bak.c_str());
            ::unlink(bakTemp.c_str());
            static_cast<void>(renamed); // best effort: a failed rename leaves the old .bak
        }
    }

    if (m_options.replace) {
        if (::rename(m_temp.c_str(), m_resolved.c_str()) != 0)
            fail("cannot replace", errno);
    } else if (::renameat2(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_resolved.c_str(), RENAME_NOREPLACE) != 0) {
        int err = errno;
        if (err == EEXIST)
            fail("exists (not replaced)", 0);
        if (err != EINVAL && err != ENOSYS && err != ENOTSUP)
            fail("cannot write", err);
        // No renameat2 here: link() refuses an existing name just as well.
        if (::link(m_temp.c_str(), m_resolved.c_str()) != 0)
            fail(errno == EEXIST ? "exists (not replaced)" : "cannot write", errno == EEXIST ? 0 : errno);
        ::unlink(m_temp.c_str());
    }
    m_committed = true;
    fsyncFolder(folderOf(m_resolved));
    ::close(m_fd);
    m_fd = -1;
}

void writeFileAtomically(const fs::path& file, std::string_view bytes, AtomicWriteOptions options)
{
    AtomicFile out(file, options);
    out.write(bytes);
    out.commit();
}

void writeFileAtomically(const fs::path& file, std::string_view bytes, bool keepBackup)
{
    AtomicWriteOptions options;
    options.keepBackup = keepBackup;
    writeFileAtomically(file, bytes, options);
}

} // namespace ta::core
