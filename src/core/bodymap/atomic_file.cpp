#include "core/bodymap/atomic_file.h"

#include "core/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ta::core {
namespace fs = std::filesystem;

std::string readTextFile(const fs::path& file)
{
    std::error_code ec;
    if (fs::is_directory(file, ec))
        throw IoError(file.string() + ": is a directory, not a file");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw IoError(file.string() + ": cannot open for reading (" + std::strerror(errno) + ")");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        throw IoError(file.string() + ": read failed");
    return ss.str();
}

void writeFileAtomically(const fs::path& file, std::string_view bytes, bool keepBackup)
{
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    fs::create_directories(dir, ec);
    if (ec)
        throw IoError(file.string() + ": cannot create folder " + dir.string() + " (" + ec.message() + ")");
    std::string tmpName(".");
    tmpName.append(file.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
    tmpName.append("-").append(std::to_string(counter++));
    const fs::path tmp = dir / tmpName;
    // Private from the first byte (health records): 0600, whatever the umask allows more.
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw IoError(file.string() + ": cannot write (" + std::strerror(errno) + ")");
    auto fail = [&](const std::string& what) {
        const std::string reason = std::strerror(errno);
        ::close(fd);
        fs::remove(tmp, ec);
        throw IoError(file.string() + ": " + what + " (" + reason + ")");
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("write failed");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        fail("flush to disk failed");
    if (::close(fd) != 0) {
        fs::remove(tmp, ec);
        throw IoError(file.string() + ": close failed (" + std::strerror(errno) + ")");
    }
    if (keepBackup && fs::is_regular_file(file, ec)) {
        fs::path bak = file;
        bak += ".bak";
        fs::copy_file(file, bak, fs::copy_options::overwrite_existing, ec); // best effort: never blocks a save
    }
    fs::rename(tmp, file, ec);
    if (ec) {
        std::error_code ignore;
        fs::remove(tmp, ignore);
        throw IoError(file.string() + ": cannot replace (" + ec.message() + ")");
    }
}

} // namespace ta::core
