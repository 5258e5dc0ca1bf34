#pragma once
// Which structures take part in a pick: a small per-structure mask, filled once per query (or once per
// visibility change) from whatever the caller knows (hidden layers, ghosted layers, isolation).
#include "core/anatomy_model.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace ta::core {

class PickFilter {
public:
    /// Accepts nothing until structures are allowed.
    PickFilter() = default;
    /// Accepts every one of `structureCount` structures.
    static PickFilter all(std::size_t structureCount)
    {
        PickFilter f;
        f.m_accept.assign(structureCount, 1);
        return f;
    }
    /// Accepts the structures of `model` for which `accept` returns true (called once per structure).
    static PickFilter from(const AnatomyModel& model, const std::function<bool(StructureId)>& accept)
    {
        PickFilter f;
        f.m_accept.resize(model.structures.size(), 0);
        for (std::size_t i = 0; i < model.structures.size(); ++i)
            f.m_accept[i] = accept(StructureId{static_cast<std::uint32_t>(i)}) ? 1 : 0;
        return f;
    }
    /// Accepts only the structures whose layer is in `layers` (e.g. the visible, non-ghosted ones).
    static PickFilter byLayers(const AnatomyModel& model, std::initializer_list<Layer> layers)
    {
        return from(model, [&](StructureId s) {
            for (Layer l : layers)
                if (model.structures[s.value].layer == l)
                    return true;
            return false;
        });
    }

    void set(StructureId s, bool accept)
    {
        if (s.value >= m_accept.size())
            m_accept.resize(s.value + 1, 0);
        m_accept[s.value] = accept ? 1 : 0;
    }
    bool accepts(std::uint32_t structure) const
    {
        return structure < m_accept.size() && m_accept[structure] != 0;
    }
    bool accepts(StructureId s) const { return accepts(s.value); }
    bool acceptsAny() const
    {
        for (auto a : m_accept)
            if (a)
                return true;
        return false;
    }

private:
    std::vector<std::uint8_t> m_accept;
};

} // namespace ta::core
