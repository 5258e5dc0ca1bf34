#pragma once
// Stepping through a protocol on one side of the body: which step is current, which are done, and the
// hold timer of the current step (started, paused, and a cue exactly once when the hold time is reached).
// Plain state on a clock the caller passes in (session time, seconds), so it is tested without waiting.
// AppSession (app_session_protocol.cpp) shows each step: camera, layers, highlight.
#include "core/anatomy_model.h"
#include "session/treatment/protocol_library.h"

#include <optional>
#include <vector>

namespace ta::session {

class ProtocolRun {
public:
    /// `side` is the side worked on (Left or Right); Midline is taken as Left.
    ProtocolRun(ResolvedProtocol protocol, core::Side side);

    const ResolvedProtocol& protocol() const { return m_protocol; }
    core::Side side() const { return m_side; }
    std::size_t size() const { return m_protocol.steps.size(); }
    std::size_t index() const { return m_index; }
    const ResolvedStep& step() const { return m_protocol.steps[m_index]; }
    bool done(std::size_t i) const { return i < m_done.size() && m_done[i]; }
    std::size_t doneCount() const;
    /// Every step done.
    bool complete() const { return doneCount() == size(); }

    /// Moves to step i (clamped); the hold timer starts again from zero.
    void goTo(std::size_t i);
    void next() { goTo(m_index + 1); }
    void previous() { goTo(m_index == 0 ? 0 : m_index - 1); }

    // The hold timer of the current step.
    void startHold(double now);
    void pauseHold(double now);
    void resetHold();
    bool holding() const { return m_startedAt.has_value(); }
    /// Seconds held so far (running or paused).
    double held(double now) const;
    /// Seconds left of the step's hold time (0 when reached or the step has none).
    double remaining(double now) const;
    /// The hold time has been reached (never for a step without a hold time).
    bool holdReached(double now) const;
    /// True once per step, on the first call after the hold time is reached: the moment for the cue.
    bool takeCue(double now);

    /// Marks the current step done with the seconds held (rounded; the hold time when the timer was not
    /// used), stops the timer and moves on to the next step not yet done. Returns the seconds recorded.
    int markDone(double now);

private:
    ResolvedProtocol m_protocol;
    core::Side m_side;
    std::size_t m_index = 0;
    std::vector<bool> m_done;
    std::optional<double> m_startedAt; ///< running since
    double m_heldBefore = 0.0;         ///< seconds held before the last pause
    bool m_cued = false;
};

} // namespace ta::session
