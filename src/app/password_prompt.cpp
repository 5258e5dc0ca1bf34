#include "app/password_prompt.h"

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ta::app {

std::optional<std::string> askPasswordOnTerminal(const std::string& prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    [[maybe_unused]] auto wrote = ::write(fd, prompt.data(), prompt.size());
    termios old{};
    const bool isTty = ::tcgetattr(fd, &old) == 0;
    if (isTty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::string line;
    char c = 0;
    bool gotLine = false;
    while (::read(fd, &c, 1) == 1) {
        if (c == '\n' || c == '\r') {
            gotLine = true;
            break;
        }
        line += c;
    }
    if (isTty)
        ::tcsetattr(fd, TCSAFLUSH, &old);
    wrote = ::write(fd, "\n", 1);
    ::close(fd);
    if (!gotLine && line.empty())
        return std::nullopt;
    return line;
}

} // namespace ta::app
