#include "session/treatment/protocol_run.h"

#include <algorithm>
#include <cmath>

namespace ta::session {

ProtocolRun::ProtocolRun(ResolvedProtocol protocol, core::Side side)
    : m_protocol(std::move(protocol)), m_side(side == core::Side::Right ? core::Side::Right : core::Side::Left),
      m_done(m_protocol.steps.size(), false)
{}

std::size_t ProtocolRun::doneCount() const
{
    return static_cast<std::size_t>(std::count(m_done.begin(), m_done.end(), true));
}

void ProtocolRun::goTo(std::size_t i)
{
    m_index = size() == 0 ? 0 : std::min(i, size() - 1);
    resetHold();
}

void ProtocolRun::startHold(double now)
{
    if (!m_startedAt)
        m_startedAt = now;
}

void ProtocolRun::pauseHold(double now)
{
    if (!m_startedAt)
        return;
    m_heldBefore += std::max(0.0, now - *m_startedAt);
    m_startedAt.reset();
}

void ProtocolRun::resetHold()
{
    m_startedAt.reset();
    m_heldBefore = 0.0;
    m_cued = false;
}

double ProtocolRun::held(double now) const
{
    return m_heldBefore + (m_startedAt ? std::max(0.0, now - *m_startedAt) : 0.0);
}

double ProtocolRun::remaining(double now) const
{
    return std::max(0.0, static_cast<double>(step().step.holdSeconds) - held(now));
}

bool ProtocolRun::holdReached(double now) const
{
    return step().step.holdSeconds > 0 && held(now) >= static_cast<double>(step().step.holdSeconds);
}

bool ProtocolRun::takeCue(double now)
{
    if (m_cued || !holdReached(now))
        return false;
    m_cued = true;
    return true;
}

int ProtocolRun::markDone(double now)
{
    const double h = held(now);
    const int seconds = h > 0.0 ? static_cast<int>(std::lround(h)) : step().step.holdSeconds;
    m_done[m_index] = true;
    // On to the next step not yet done, after this one, else from the start; stay when all are done.
    for (std::size_t k = 1; k <= size(); ++k) {
        const std::size_t i = (m_index + k) % size();
        if (!m_done[i]) {
            goTo(i);
            return seconds;
        }
    }
    resetHold();
    return seconds;
}

} // namespace ta::session
