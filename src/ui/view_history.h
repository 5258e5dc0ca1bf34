#pragma once
// Undo and redo of view and visibility changes, whichever panel or key made them: the state is compared
// with the previous frame's, and each change becomes an undo step. Camera motion coalesces into one step
// per drag; so do slider drags.
#include "core/history/undo_stack.h"
#include "core/orbit_camera.h"
#include "ui/app_state.h"

#include <optional>
#include <vector>

namespace ta::ui {

/// What undo restores: layer and structure visibility, x-ray, selection and where the camera is going.
struct ViewSnapshot {
    std::array<LayerState, 5> layers{};
    std::vector<StructureState> structures;
    bool ghost = false;
    core::Layer ghostDownTo = core::Layer::Skin;
    std::optional<core::StructureId> selected;
    core::CameraPose camera;

    static ViewSnapshot of(const AppState& state);
    void applyTo(AppState& state) const;
    bool sameVisibility(const ViewSnapshot& o) const;
    bool sameCamera(const ViewSnapshot& o) const;
    bool sameSelection(const ViewSnapshot& o) const { return selected == o.selected; }
    friend bool operator==(const ViewSnapshot& a, const ViewSnapshot& b)
    {
        return a.sameVisibility(b) && a.sameCamera(b) && a.sameSelection(b);
    }
};

class ViewHistory {
public:
    explicit ViewHistory(core::UndoStack& stack) : m_stack(stack) {}

    /// Call once per frame after every panel and input ran; `now` in seconds.
    void record(AppState& state, double now);
    /// Forget the baseline (after loading a model).
    void reset(const AppState& state) { m_baseline = ViewSnapshot::of(state); }
    /// The mouse button went up: the next change starts a new step.
    void endGesture() { m_stack.breakCoalescing(); }

private:
    core::UndoStack& m_stack;
    std::optional<ViewSnapshot> m_baseline;
};

} // namespace ta::ui
