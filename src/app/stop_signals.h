#pragma once
// Ctrl+C and SIGTERM close the window cleanly (settings saved) instead of killing the process. The signals
// are blocked for the whole process while this object lives (construct it before any thread starts: the
// GL driver's threads inherit the mask) and polled once a frame with pending(): no handler, no global.
// A frame loop that sleeps on events without a timeout (an idle window wakes for nothing) also holds a
// StopWaker, whose thread takes the signal with sigwait() and wakes the loop.
#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace ta::app {

class StopSignals {
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// True once SIGINT or SIGTERM has arrived (pending, or taken by a StopWaker).
    bool pending() const;
    /// Called by a StopWaker that took one of the signals.
    void markStopped() { m_stopped = true; }

private:
    sigset_t m_previous{};
    std::atomic<bool> m_stopped{false};
};

/// While it lives, a thread waits (without a timeout) for SIGINT or SIGTERM, marks `stop` and calls
/// `wake` (e.g. glfwPostEmptyEvent, which is thread-safe). Destroy it before whatever `wake` touches.
class StopWaker {
public:
    StopWaker(StopSignals& stop, std::function<void()> wake);
    ~StopWaker();
    StopWaker(const StopWaker&) = delete;
    StopWaker& operator=(const StopWaker&) = delete;

private:
    std::atomic<bool> m_quit{false};
    std::thread m_thread;
};

} // namespace ta::app
