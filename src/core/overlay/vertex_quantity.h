#pragma once
// A named per-vertex quantity over the structures of one model (polyscope's "quantity"): the referral
// weights of the trigger point shown, the client's pain drawing, and later quiz highlights or session
// comparisons. The session owns the CPU data; render keeps one GPU mirror that re-uploads a quantity when
// its revision changes (render/overlay_mirror.h). Plain data, no GL.
#include "core/anatomy_model.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ta::core {

template <class T>
class VertexQuantity {
public:
    explicit VertexQuantity(std::string name) : m_name(std::move(name)) {}

    const std::string& name() const { return m_name; }
    /// Bumped by every change; a mirror compares it with the revision it uploaded last.
    std::uint64_t revision() const { return m_revision; }
    /// Per structure (index = StructureId::value), one value per vertex; empty = not shown there.
    const std::vector<std::vector<T>>& values() const { return m_values; }
    bool empty() const
    {
        for (const auto& v : m_values)
            if (!v.empty())
                return false;
        return true;
    }
    /// Replaces every structure's values at once (a shorter vector leaves the rest empty).
    void assign(std::vector<std::vector<T>> values)
    {
        m_values = std::move(values);
        ++m_revision;
    }
    /// Shows nothing anywhere; does not bump the revision when there was nothing to clear.
    void clear()
    {
        if (empty()) {
            m_values.clear();
            return;
        }
        m_values.clear();
        ++m_revision;
    }

private:
    std::string m_name;
    std::vector<std::vector<T>> m_values;
    std::uint64_t m_revision = 1; ///< starts above 0 so a mirror that has uploaded nothing differs
};

} // namespace ta::core
