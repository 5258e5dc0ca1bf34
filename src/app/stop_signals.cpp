#include "app/stop_signals.h"

#include <pthread.h>

#include <utility>

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
    if (m_stopped)
        return true;
    sigset_t pendingSet;
    sigemptyset(&pendingSet);
    if (sigpending(&pendingSet) != 0)
        return false;
    return sigismember(&pendingSet, SIGINT) == 1 || sigismember(&pendingSet, SIGTERM) == 1;
}

StopWaker::StopWaker(StopSignals& stop, std::function<void()> wake)
{
    // The thread inherits the blocked mask, so sigwait() takes the process's SIGINT and SIGTERM.
    m_thread = std::thread([this, &stop, wake = std::move(wake)] {
        const sigset_t set = stopSet();
        while (true) {
            int sig = 0;
            if (sigwait(&set, &sig) != 0)
                return;
            if (m_quit)
                return; // our own signal from the destructor
            stop.markStopped();
            wake();
        }
    });
}

StopWaker::~StopWaker()
{
    m_quit = true;
    // Directed at the thread: stays pending for it even before it reaches sigwait().
    pthread_kill(m_thread.native_handle(), SIGTERM);
    m_thread.join();
}

} // namespace ta::app
