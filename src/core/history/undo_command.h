#pragma once
// One undoable change (a view change, a visibility change ...). Commands are applied by whoever creates
// them; the stack only calls undo() and redo() afterwards.
#include <cstdint>
#include <string>

namespace ta::core {

class UndoCommand {
public:
    virtual ~UndoCommand() = default;
    virtual void undo() = 0;
    virtual void redo() = 0;
    /// Shown in menus: "Undo Rotate view", "Redo Hide skin".
    virtual std::string label() const = 0;
    /// Commands pushed one after another with the same non-zero key may merge into one (a drag of the
    /// camera, a dragged opacity slider). 0 = never merge.
    virtual std::uint32_t coalesceKey() const { return 0; }
    /// Absorbs `next`, a later change of the same kind: afterwards this command goes from its own
    /// "before" state to next's "after" state. Returns false to refuse (the stack then keeps both).
    virtual bool mergeWith(const UndoCommand& next) { return false; }
    /// True when undoing would change nothing (e.g. a drag that returned to where it began).
    virtual bool isNoOp() const { return false; }
};

} // namespace ta::core
