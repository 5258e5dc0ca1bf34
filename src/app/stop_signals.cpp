#include "app/stop_signals.h"

#include <pthread.h>

namespace ta::app {
namespace {

sigset_t stopSet()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

} // namespace

StopSignals::StopSignals()
{
    const sigset_t set = stopSet();
    pthread_sigmask(SIG_BLOCK, &set, &m_previous);
}

StopSignals::~StopSignals() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }

bool StopSignals::pending() const
{
    sigset_t pendingSet;
    sigemptyset(&pendingSet);
    if (sigpending(&pendingSet) != 0)
        return false;
    return sigismember(&pendingSet, SIGINT) == 1 || sigismember(&pendingSet, SIGTERM) == 1;
}

} // namespace ta::app
