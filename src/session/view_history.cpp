#include "session/view_history.h"

#include "core/history/value_command.h"

#include <memory>

namespace ta::session {
namespace {

constexpr std::uint32_t kCameraKey = 0x43414d; // coalesce camera moves
constexpr std::uint32_t kVisibilityKey = 0x564953;

/// A snapshot command: before/after snapshots, applied to the state; the history's baseline follows.
class SnapshotCommand final : public core::UndoCommand {
public:
    SnapshotCommand(std::string label, ViewSnapshot before, ViewSnapshot after, ViewRefs view,
                    std::optional<ViewSnapshot>& baseline, std::uint32_t key)
        : m_label(std::move(label)), m_before(std::move(before)), m_after(std::move(after)), m_view(view),
          m_baseline(baseline), m_key(key)
    {
    }
    void undo() override { apply(m_before); }
    void redo() override { apply(m_after); }
    std::string label() const override { return m_label; }
    std::uint32_t coalesceKey() const override { return m_key; }
    bool mergeWith(const core::UndoCommand& next) override
    {
        const auto* o = dynamic_cast<const SnapshotCommand*>(&next);
        if (!o || o->m_key != m_key)
            return false;
        m_after = o->m_after;
        return true;
    }
    bool isNoOp() const override { return m_before == m_after; }

private:
    void apply(const ViewSnapshot& s)
    {
        if (s.visibility.structures().size() == m_view.visibility.structures().size())
            m_view.visibility = s.visibility;
        m_view.selected = s.selected;
        m_view.camera.setGoal(s.camera);
        m_baseline = s; // not a new change: the history must not record it again
    }
    std::string m_label;
    ViewSnapshot m_before, m_after;
    ViewRefs m_view;
    std::optional<ViewSnapshot>& m_baseline;
    std::uint32_t m_key;
};

} // namespace

bool ViewSnapshot::sameCamera(const ViewSnapshot& o) const
{
    return camera.target == o.camera.target && camera.yaw == o.camera.yaw && camera.pitch == o.camera.pitch &&
           camera.distance == o.camera.distance;
}

void ViewHistory::record(double now)
{
    ViewSnapshot current = snapshot();
    if (!m_baseline) {
        m_baseline = std::move(current);
        return;
    }
    if (current == *m_baseline)
        return;
    std::string label = "Change view";
    std::uint32_t key = kCameraKey;
    if (!current.sameVisibility(*m_baseline)) {
        label = "Change visibility";
        key = kVisibilityKey;
    } else if (!current.sameSelection(*m_baseline)) {
        label = "Change selection";
        key = 0; // a selection is its own step (a camera glide started with it joins the same step)
    }
    ViewSnapshot before = *m_baseline;
    m_baseline = current;
    m_stack.push(std::make_unique<SnapshotCommand>(label, std::move(before), std::move(current), m_view, m_baseline, key),
                 now);
}

} // namespace ta::session
