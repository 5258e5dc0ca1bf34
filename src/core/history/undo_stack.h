#pragma once
// Undo and redo for view and visibility changes. Successive changes of one kind (a camera drag, a slider
// drag) coalesce into one step when they come within a time window and nothing broke the run (an undo,
// a redo, or an explicit breakCoalescing() on mouse release). Times are passed in by the caller (seconds
// on any monotonic clock) so the stack itself is deterministic and testable.
#include "core/history/undo_command.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace ta::core {

class UndoStack {
public:
    static constexpr double kDefaultCoalesceWindow = 1.0; ///< seconds

    explicit UndoStack(std::size_t limit = 256) : m_limit(limit == 0 ? 1 : limit) {}

    /// Records a command whose effect the caller has already applied. Drops any redo history.
    void push(std::unique_ptr<UndoCommand> command, double timeSeconds = 0.0);
    /// Applies `command` (redo()) and records it.
    void execute(std::unique_ptr<UndoCommand> command, double timeSeconds = 0.0);

    /// Undoes the latest step; false when there is none.
    bool undo();
    bool redo();
    bool canUndo() const { return m_next > 0; }
    bool canRedo() const { return m_next < m_commands.size(); }
    /// Label of the step undo()/redo() would act on; empty when none.
    std::string undoLabel() const;
    std::string redoLabel() const;

    /// The next push starts a new step even if it could merge.
    void breakCoalescing() { m_mayMerge = false; }
    void setCoalesceWindow(double seconds) { m_window = seconds; }
    void clear();
    /// Steps that can be undone.
    std::size_t undoCount() const { return m_next; }
    std::size_t redoCount() const { return m_commands.size() - m_next; }

private:
    std::vector<std::unique_ptr<UndoCommand>> m_commands;
    std::size_t m_next = 0; ///< commands[0, next) are done; [next, size) can be redone
    std::size_t m_limit;
    double m_window = kDefaultCoalesceWindow;
    double m_lastPush = 0.0;
    bool m_mayMerge = false;
};

} // namespace ta::core
