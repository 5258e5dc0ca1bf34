#pragma once
// Ctrl+C and SIGTERM close the window cleanly (settings saved) instead of killing the process. The signals
// are blocked for the whole process while this object lives (construct it before any thread starts: the
// GL driver's threads inherit the mask) and polled once a frame with sigpending(): no handler, no global.
#include <csignal>

namespace ta::app {

class StopSignals {
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// True once SIGINT or SIGTERM has arrived.
    bool pending() const;

private:
    sigset_t m_previous{};
};

} // namespace ta::app
