#include "render/path_markers.h"

#include <algorithm>
#include <cmath>

namespace ta::render {

std::vector<Marker> pathMarkers(std::span<const glm::vec3> points, float progress, float phase,
                                const PathStyle& style)
{
    std::vector<Marker> out;
    if (points.size() < 2 || !(style.spacing > 0.0f))
        return out;
    std::vector<float> cumulative(points.size(), 0.0f);
    for (std::size_t i = 1; i < points.size(); ++i)
        cumulative[i] = cumulative[i - 1] + glm::distance(points[i - 1], points[i]);
    const float total = cumulative.back();
    if (total <= 0.0f)
        return out;
    const float end = std::clamp(progress, 0.0f, 1.0f) * total;
    const float offset = (phase - std::floor(phase)) * style.spacing;
    std::size_t segment = 1;
    const float tolerance = 1e-5f * total; // so a dot falls on the end point despite rounding
    for (int k = 0;; ++k) {
        const float s = offset + static_cast<float>(k) * style.spacing;
        if (s > end + tolerance)
            break;
        while (segment + 1 < points.size() && cumulative[segment] < s)
            ++segment;
        const float length = cumulative[segment] - cumulative[segment - 1];
        const float t = length > 0.0f ? (s - cumulative[segment - 1]) / length : 0.0f;
        const glm::vec3 p = glm::mix(points[segment - 1], points[segment], std::clamp(t, 0.0f, 1.0f));
        out.push_back({p, style.radius, style.colour, style.onTop});
        if (out.size() > 4096)
            break;
    }
    if (!out.empty() && progress < 1.0f)
        out.back().radius *= 1.6f; // the head of a path still growing
    return out;
}

} // namespace ta::render
