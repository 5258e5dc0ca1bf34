#include "app/startup_trace.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace ta::app {

double msSinceProcessStart()
{
    std::ifstream in("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Field 2 (the command) may hold spaces; the fields after its closing parenthesis start at field 3.
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos)
        return -1.0;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i < 22 && fields >> field; ++i) {
    }
    unsigned long long startTicks = 0;
    if (!(fields >> startTicks))
        return -1.0;
    timespec now{};
    if (clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1.0;
    const double ticksPerSecond = static_cast<double>(sysconf(_SC_CLK_TCK));
    const double nowS = static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
    return 1000.0 * (nowS - static_cast<double>(startTicks) / ticksPerSecond);
}

void traceStartup(const char* event)
{
    const char* on = std::getenv("TA_STARTUP_TRACE");
    if (on == nullptr || std::strcmp(on, "1") != 0)
        return;
    (void)std::fprintf(stderr, "startup: %s at %.0f ms\n", event, msSinceProcessStart());
    (void)std::fflush(stderr);
}

} // namespace ta::app
