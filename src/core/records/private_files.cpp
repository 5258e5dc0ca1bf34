#include "core/records/private_files.h"

#include "core/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

namespace ta::core::records {

namespace fs = std::filesystem;

void createPrivateDirectories(const fs::path& dir)
{
    std::vector<fs::path> missing;
    for (fs::path p = dir; !p.empty() && !fs::exists(p); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path())
            break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) == 0) {
            if (::chmod(it->c_str(), 0700) != 0)
                throw IoError(it->string() + ": cannot set mode 0700: " + std::strerror(errno));
        } else if (errno != EEXIST) {
            throw IoError(it->string() + ": cannot create the directory: " + std::strerror(errno));
        }
    }
}

bool createPrivateFile(const fs::path& file)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return false;
        throw IoError(file.string() + ": cannot create the file: " + std::strerror(errno));
    }
    const int rc = ::fchmod(fd, 0600);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        throw IoError(file.string() + ": cannot set mode 0600: " + std::strerror(err));
    return true;
}

void makePrivate(const fs::path& file)
{
    if (::chmod(file.c_str(), 0600) != 0 && errno != ENOENT)
        throw IoError(file.string() + ": cannot set mode 0600: " + std::strerror(errno));
}

} // namespace ta::core::records
