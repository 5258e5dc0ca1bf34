#include "session/structure_names.h"

#include <array>
#include <cctype>

namespace ta::session {
namespace {

struct CommonName {
    std::string_view prefix; ///< structure id prefix, before the side
    std::string_view name;
    int rank;                ///< top to bottom within the muscle
};

constexpr std::array<CommonName, 14> kNames{{
    {"trapezius-descending", "Upper trapezius", 0},
    {"trapezius-transverse", "Middle trapezius", 1},
    {"trapezius-ascending", "Lower trapezius", 2},
    {"sternocleidomastoid-sternal", "SCM, sternal head", 0},
    {"sternocleidomastoid-clavicular", "SCM, clavicular head", 1},
    {"scalenus-anterior", "Anterior scalene", 0},
    {"scalenus-medius", "Middle scalene", 1},
    {"scalenus-posterior", "Posterior scalene", 2},
    {"masseter-superficial", "Masseter, superficial", 0},
    {"masseter-deep", "Masseter, deep", 1},
    {"digastric-posterior", "Digastric, posterior belly", 0},
    {"digastric-anterior", "Digastric, anterior belly", 1},
    {"obliquus-capitis-superior", "Superior oblique (suboccipital)", 0},
    {"obliquus-capitis-inferior", "Inferior oblique (suboccipital)", 1},
}};

const CommonName* lookup(std::string_view id)
{
    for (const auto& n : kNames)
        if (id.substr(0, n.prefix.size()) == n.prefix &&
            (id.size() == n.prefix.size() || id[n.prefix.size()] == '-'))
            return &n;
    return nullptr;
}

/// Removes the words "left" and "right" (any case) and the spaces they leave.
std::string withoutSide(const std::string& name)
{
    std::string out;
    std::size_t i = 0;
    while (i < name.size()) {
        std::size_t j = name.find(' ', i);
        if (j == std::string::npos)
            j = name.size();
        std::string word = name.substr(i, j - i);
        std::string lower;
        for (char c : word)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower != "left" && lower != "right" && !word.empty()) {
            if (!out.empty())
                out += ' ';
            out += word;
        }
        i = j + 1;
    }
    if (!out.empty())
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

} // namespace

std::string commonName(const core::Structure& s)
{
    if (const CommonName* n = lookup(s.id))
        return std::string(n->name);
    const std::string plain = withoutSide(s.name);
    return plain.empty() ? s.id : plain;
}

std::string familyOf(std::string_view id)
{
    const std::size_t dash = id.find('-');
    return std::string(id.substr(0, dash));
}

int partRank(const core::Structure& s)
{
    if (const CommonName* n = lookup(s.id))
        return n->rank;
    return 1;
}

bool listedBefore(const core::Structure& a, const core::Structure& b)
{
    const std::string fa = familyOf(a.id), fb = familyOf(b.id);
    if (fa != fb)
        return fa < fb;
    if (a.side != b.side)
        return static_cast<int>(a.side) < static_cast<int>(b.side);
    if (partRank(a) != partRank(b))
        return partRank(a) < partRank(b);
    return commonName(a) < commonName(b);
}

} // namespace ta::session
