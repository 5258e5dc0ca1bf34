#pragma once
// The common undoable change: a value goes from `before` to `after` through a setter. View states, layer
// visibility and opacity sets, selections all fit this shape.
#include "core/history/undo_command.h"

#include <concepts>
#include <functional>
#include <string>
#include <utility>

namespace ta::core {

template <typename T>
class ValueCommand final : public UndoCommand {
public:
    using Apply = std::function<void(const T&)>;

    ValueCommand(std::string label, T before, T after, Apply apply, std::uint32_t coalesceKey = 0)
        : m_label(std::move(label)), m_before(std::move(before)), m_after(std::move(after)),
          m_apply(std::move(apply)), m_key(coalesceKey)
    {
    }

    void undo() override { m_apply(m_before); }
    void redo() override { m_apply(m_after); }
    std::string label() const override { return m_label; }
    std::uint32_t coalesceKey() const override { return m_key; }
    bool mergeWith(const UndoCommand& next) override
    {
        const auto* other = dynamic_cast<const ValueCommand*>(&next);
        if (!other || other->m_key != m_key)
            return false;
        m_after = other->m_after;
        return true;
    }
    bool isNoOp() const override
    {
        if constexpr (std::equality_comparable<T>)
            return m_before == m_after;
        else
            return false;
    }
    const T& before() const { return m_before; }
    const T& after() const { return m_after; }

private:
    std::string m_label;
    T m_before;
    T m_after;
    Apply m_apply;
    std::uint32_t m_key;
};

} // namespace ta::core
