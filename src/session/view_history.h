#pragma once
// Undo and redo of view and visibility changes, whichever panel or key made them: the state is compared
// with the previous frame's, and each change becomes an undo step. Camera motion coalesces into one step
// per drag; so do slider drags.
#include "core/history/undo_stack.h"
#include "core/orbit_camera.h"
#include "session/visibility.h"

#include <optional>
#include <vector>

namespace ta::session {

/// What undo restores: layer and structure visibility, x-ray, selection and where the camera is going.
struct ViewSnapshot {
    Visibility visibility;
    std::optional<core::StructureId> selected;
    core::CameraPose camera;

    bool sameVisibility(const ViewSnapshot& o) const { return visibility == o.visibility; }
    bool sameCamera(const ViewSnapshot& o) const;
    bool sameSelection(const ViewSnapshot& o) const { return selected == o.selected; }
    friend bool operator==(const ViewSnapshot& a, const ViewSnapshot& b)
    {
        return a.sameVisibility(b) && a.sameCamera(b) && a.sameSelection(b);
    }
};

/// What the history watches: references into the session's state, which must outlive the history.
struct ViewRefs {
    Visibility& visibility;
    std::optional<core::StructureId>& selected;
    core::OrbitCamera& camera;
};

class ViewHistory {
public:
    ViewHistory(core::UndoStack& stack, ViewRefs view) : m_stack(stack), m_view(view) {}

    /// Call once per frame after every panel and input ran; `now` in seconds.
    void record(double now);
    /// Forget the baseline: the current state is not an undo step (after loading a model or a document).
    void reset() { m_baseline = snapshot(); }
    /// The mouse button went up: the next change starts a new step.
    void endGesture() { m_stack.breakCoalescing(); }

private:
    ViewSnapshot snapshot() const { return {m_view.visibility, m_view.selected, m_view.camera.goal()}; }

    core::UndoStack& m_stack;
    ViewRefs m_view;
    std::optional<ViewSnapshot> m_baseline;
};

} // namespace ta::session
