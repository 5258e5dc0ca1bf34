#include "core/referral/anchor.h"

namespace ta::core {

std::string expandSide(const std::string& templ, Side side)
{
    static const std::string kKey = "{side}";
    std::string out = templ;
    const std::string name = side == Side::Right ? "right" : "left";
    for (auto pos = out.find(kKey); pos != std::string::npos; pos = out.find(kKey, pos + name.size()))
        out.replace(pos, kKey.size(), name);
    return out;
}

glm::vec3 mirrorTo(const glm::vec3& v, Side side)
{
    return side == Side::Right ? glm::vec3(-v.x, v.y, v.z) : v;
}

std::string Anchor::landmarkId(const std::string& templ, Side side) const { return expandSide(templ, side); }

std::optional<glm::vec3> Anchor::resolve(const AnatomyModel& model, Side side, std::string* missing) const
{
    glm::vec3 base{0.0f};
    if (point) {
        base = mirrorTo(*point, side);
    } else {
        const std::string a = expandSide(from, side);
        const Landmark* la = model.landmark(a);
        if (!la) {
            if (missing)
                *missing = a;
            return std::nullopt;
        }
        base = la->position;
        if (!to.empty()) {
            const std::string b = expandSide(to, side);
            const Landmark* lb = model.landmark(b);
            if (!lb) {
                if (missing)
                    *missing = b;
                return std::nullopt;
            }
            base = glm::mix(la->position, lb->position, t);
        }
    }
    return base + mirrorTo(offset, side);
}

} // namespace ta::core
