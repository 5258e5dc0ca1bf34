#pragma once
// With TA_STARTUP_TRACE=1 in the environment, the window reports on stderr when its first frame was shown,
// when the model first appeared, and when it first went idle, each in milliseconds since the process
// started (tools/bench reads these lines). Without the variable it prints nothing.
namespace ta::app {

/// Prints "startup: EVENT at N ms" once per distinct call site (the caller keeps a flag). Never throws.
void traceStartup(const char* event);

/// Milliseconds since this process started (from /proc/self/stat: 10 ms resolution); -1 when unknown.
double msSinceProcessStart();

} // namespace ta::app
