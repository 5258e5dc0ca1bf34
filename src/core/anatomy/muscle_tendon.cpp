#include "core/anatomy/muscle_tendon.h"

#include <algorithm>
#include <cmath>

namespace ta::core::anatomy {
namespace {

float smooth01(float x)
{
    x = std::clamp(x, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

/// How far (fraction of the length) the band reaches at `across`, with the soft edge `edge` on its sides
/// when they lie inside the width; 0 outside it.
float reachAt(const MuscleTendon& t, float across, float edge)
{
    if (t.peak >= 0.0f) {
        // Tapered: full at the peak, nothing at from and to (a side of zero width is not there).
        if (across < t.from || across > t.to)
            return 0.0f;
        const float side = across < t.peak ? t.peak - t.from : t.to - t.peak;
        if (side <= 0.0f)
            return across == t.peak ? t.length : 0.0f;
        const float x = std::abs(across - t.peak) / side;
        return t.length * (1.0f - x * x); // a rounded diamond, not a star of thin spikes
    }
    float share = 1.0f;
    if (t.from > 0.0f)
        share = std::min(share, smooth01((across - t.from) / edge + 0.5f));
    if (t.to < 1.0f)
        share = std::min(share, smooth01((t.to - across) / edge + 0.5f));
    return t.length * share;
}

} // namespace

float tendonShare(std::span<const MuscleTendon> tendons, float along, float across, float lengthMetres)
{
    if (tendons.empty())
        return 0.0f;
    const float edge = lengthMetres > 0.0f ? std::min(0.003f / lengthMetres, 0.1f) : 0.1f;
    float best = 0.0f;
    for (const auto& t : tendons) {
        const float reach = reachAt(t, across, edge);
        if (reach <= 0.0f)
            continue;
        const float fromEnd = t.end == MuscleTendon::End::Origin ? along : 1.0f - along;
        // 1 up to the reach less half the edge, 0 beyond it plus half the edge; a band shorter than its
        // edge fades in proportion.
        const float share = smooth01((reach - fromEnd) / edge + 0.5f) * std::min(1.0f, reach / edge + 0.5f);
        best = std::max(best, share);
    }
    return std::clamp(best, 0.0f, 1.0f);
}

} // namespace ta::core::anatomy
