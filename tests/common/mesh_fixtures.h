#pragma once
// Tiny mesh files the tests write themselves: binary and ASCII STL, OBJ.
#include <glm/glm.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace ta::test {

using Tri = std::array<glm::vec3, 3>;

/// A tetrahedron with outward (counter-clockwise) faces, corner `o`, edge `s`.
inline std::vector<Tri> tetra(glm::vec3 o, float s)
{
    const glm::vec3 a = o, b = o + glm::vec3(s, 0, 0), c = o + glm::vec3(0, s, 0), d = o + glm::vec3(0, 0, s);
    return {Tri{a, c, b}, Tri{a, b, d}, Tri{a, d, c}, Tri{b, c, d}};
}

inline void writeRawFile(const std::filesystem::path& p, const std::string& data)
{
    std::ofstream(p, std::ios::binary) << data;
}

inline void writeBinaryStl(const std::filesystem::path& p, const std::vector<Tri>& tris,
                           const std::string& header = "binary")
{
    std::string data(80, '\0');
    std::memcpy(data.data(), header.data(), std::min<std::size_t>(header.size(), 80));
    const auto n = static_cast<std::uint32_t>(tris.size());
    data.append(reinterpret_cast<const char*>(&n), 4);
    for (const auto& t : tris) {
        const float rec[12] = {0, 0, 0, t[0].x, t[0].y, t[0].z, t[1].x, t[1].y, t[1].z, t[2].x, t[2].y, t[2].z};
        data.append(reinterpret_cast<const char*>(rec), 48);
        data.append(2, '\0');
    }
    writeRawFile(p, data);
}

inline void writeAsciiStl(const std::filesystem::path& p, const std::vector<Tri>& tris)
{
    std::string s = "solid test\n";
    for (const auto& t : tris) {
        s += "  facet normal 0 0 0\n    outer loop\n";
        for (const auto& v : t)
            s += "      vertex " + std::to_string(v.x) + " " + std::to_string(v.y) + " " + std::to_string(v.z) + "\n";
        s += "    endloop\n  endfacet\n";
    }
    s += "endsolid test\n";
    writeRawFile(p, s);
}

/// An OBJ with one object (`o name`) per entry of `objects`.
inline void writeObj(const std::filesystem::path& p, const std::vector<std::pair<std::string, std::vector<Tri>>>& objects)
{
    std::string s;
    int next = 1;
    for (const auto& [name, tris] : objects) {
        s += "o " + name + "\n";
        for (const auto& t : tris)
            for (const auto& v : t)
                s += "v " + std::to_string(v.x) + " " + std::to_string(v.y) + " " + std::to_string(v.z) + "\n";
        for (std::size_t i = 0; i < tris.size(); ++i, next += 3)
            s += "f " + std::to_string(next) + " " + std::to_string(next + 1) + " " + std::to_string(next + 2) + "\n";
    }
    writeRawFile(p, s);
}

} // namespace ta::test
