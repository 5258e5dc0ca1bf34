#include "core/read_file.h"

#include "core/error.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ta::core {
namespace fs = std::filesystem;

namespace {

std::string kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a directory, not a file";
    if (S_ISFIFO(mode))
        return "is a FIFO, not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "is a device, not a regular file";
    if (S_ISSOCK(mode))
        return "is a socket, not a regular file";
    return "is not a regular file";
}

std::string tooLarge(const fs::path& file, std::uint64_t size, std::size_t maxBytes)
{
    return file.string() + ": too large (" + std::to_string(size) + " bytes; the limit is " + std::to_string(maxBytes) +
           ")";
}

} // namespace

void requireRegularFile(const fs::path& file, std::size_t maxBytes)
{
    struct stat st = {};
    if (::stat(file.c_str(), &st) != 0)
        throw IoError(file.string() + ": cannot open for reading (" + std::strerror(errno) + ")");
    if (!S_ISREG(st.st_mode))
        throw IoError(file.string() + ": " + kindOf(st.st_mode));
    if (static_cast<std::uint64_t>(st.st_size) > maxBytes)
        throw IoError(tooLarge(file, static_cast<std::uint64_t>(st.st_size), maxBytes));
}

std::string readTextFile(const fs::path& file, std::size_t maxBytes)
{
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever.
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        throw IoError(file.string() + ": cannot open for reading (" + std::strerror(errno) + ")");
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const mode_t mode = st.st_mode;
        ::close(fd);
        throw IoError(file.string() + ": " + kindOf(mode));
    }
    if (static_cast<std::uint64_t>(st.st_size) > maxBytes) {
        ::close(fd);
        throw IoError(tooLarge(file, static_cast<std::uint64_t>(st.st_size), maxBytes));
    }
    std::string out;
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    for (;;) {
        if (done == out.size()) {
            if (out.size() >= maxBytes + 1)
                break;
            out.resize(std::min<std::size_t>(maxBytes + 1, out.size() + 65536)); // the file may have grown
        }
        const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            throw IoError(file.string() + ": read failed (" + std::strerror(err) + ")");
        }
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (done > maxBytes)
        throw IoError(tooLarge(file, done, maxBytes));
    out.resize(done);
    return out;
}

} // namespace ta::core
