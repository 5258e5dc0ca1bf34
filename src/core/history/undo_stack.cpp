#include "core/history/undo_stack.h"

namespace ta::core {

void UndoStack::push(std::unique_ptr<UndoCommand> command, double timeSeconds)
{
    if (!command)
        return;
    const bool hadRedo = canRedo();
    m_commands.resize(m_next); // a new change forgets what could have been redone
    if (!hadRedo && m_mayMerge && m_next > 0 && command->coalesceKey() != 0 &&
        m_commands.back()->coalesceKey() == command->coalesceKey() && timeSeconds - m_lastPush <= m_window &&
        timeSeconds >= m_lastPush && m_commands.back()->mergeWith(*command)) {
        m_lastPush = timeSeconds;
        if (m_commands.back()->isNoOp()) { // the run ended where it began: nothing to undo
            m_commands.pop_back();
            --m_next;
            m_mayMerge = false;
        }
        return;
    }
    if (command->isNoOp())
        return;
    m_commands.push_back(std::move(command));
    if (m_commands.size() > m_limit)
        m_commands.erase(m_commands.begin());
    m_next = m_commands.size();
    m_lastPush = timeSeconds;
    m_mayMerge = true;
}

void UndoStack::execute(std::unique_ptr<UndoCommand> command, double timeSeconds)
{
    if (!command)
        return;
    command->redo();
    push(std::move(command), timeSeconds);
}

bool UndoStack::undo()
{
    m_mayMerge = false;
    if (!canUndo())
        return false;
    m_commands[--m_next]->undo();
    return true;
}

bool UndoStack::redo()
{
    m_mayMerge = false;
    if (!canRedo())
        return false;
    m_commands[m_next++]->redo();
    return true;
}

std::string UndoStack::undoLabel() const { return canUndo() ? m_commands[m_next - 1]->label() : std::string(); }
std::string UndoStack::redoLabel() const { return canRedo() ? m_commands[m_next]->label() : std::string(); }

void UndoStack::clear()
{
    m_commands.clear();
    m_next = 0;
    m_mayMerge = false;
}

} // namespace ta::core
