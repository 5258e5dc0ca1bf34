#include "core/bodymap/pain_drawing.h"

#include <algorithm>
#include <cmath>

namespace ta::core {

std::vector<float> painIntensities(const Mesh& mesh, std::span<const PainMark> marks)
{
    std::vector<float> out(mesh.positions.size(), 0.0f);
    for (const PainMark& m : marks) {
        const float r = std::max(m.radius, 1e-4f);
        const float level = static_cast<float>(std::clamp(m.intensity, 0, kMaxSeverity)) / static_cast<float>(kMaxSeverity);
        if (level <= 0.0f)
            continue;
        const float r2 = r * r;
        for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
            const glm::vec3 d = mesh.positions[v] - m.position;
            const float d2 = glm::dot(d, d);
            if (d2 >= r2)
                continue;
            // Full out to 0.6 r, then a smoothstep down to zero at r.
            const float t = std::clamp((std::sqrt(d2) / r - 0.6f) / 0.4f, 0.0f, 1.0f);
            const float w = level * (1.0f - t * t * (3.0f - 2.0f * t));
            out[v] = std::max(out[v], w);
        }
    }
    return out;
}

std::vector<PainMark> painMarksOf(const BodyMap& map, std::string_view date)
{
    std::vector<PainMark> out;
    for (const Session& s : map.sessions)
        if (date.empty() || s.date == date)
            out.insert(out.end(), s.painMarks.begin(), s.painMarks.end());
    return out;
}

} // namespace ta::core
